using Alc.Core.Correction;
using Alc.Core.Maps;

namespace Alc.Campaigns.AutoCorrection;

/// <summary>
/// A²LC's LCM: an MLP learns answered label from mean softmax on the answered superpixels (<see cref="CorrectionModel"/>);
/// every unqueried superpixel it relabels with confidence ≥ τ_t, within the tail-class guards, is relabelled
/// (<see cref="AutoRelabel"/>).
/// </summary>
internal static class LcmCorrection
{
    public static AutoCorrectionRecord Run(IReadOnlyList<CampaignImage> images, Dictionary<int, ImageInference> inference,
        IReadOnlyList<AnsweredSuperpixel> answers, int round, LabelCorrectionOptions options, bool excludeZeroId, int classes, long seed)
    {
        var samples = new List<float[]>();
        var targets = new List<int>();
        foreach (var answer in answers)
        {
            if ((options.TrainingSet == CorrectionTrainingSet.AllAnswered || answer.Round == round) && answer.TrainingLabel is { } label &&
                inference.TryGetValue(answer.ImageKey, out var image) && image.Means!.TryGetValue(answer.SuperpixelId, out var mean))
            {
                samples.Add(mean);
                targets.Add(label);
            }
        }

        double threshold = options.ThresholdAt(round);
        if (samples.Count == 0)
        {
            return new AutoCorrectionRecord { Threshold = threshold };
        }

        var mlp = CorrectionModel.Train(samples, targets, classes, options, seed);
        var guard = options.TailGuards ? TailClassGuard.FromCounts(PixelsPerClass(images, classes)) : null;
        var prediction = new double[classes];
        var tally = new CorrectionTally();
        int candidates = 0;
        foreach (var image in images)
        {
            var index = image.Superpixels.Index;
            var outputs = inference[image.Key];
            for (int k = 0; k < index.Count; k++)
            {
                int id = index.Ids[k];
                if ((excludeZeroId && id == 0) || image.Answered.Contains(id))
                {
                    continue;
                }

                ReadOnlySpan<int> members = index.PixelsAt(k);
                byte current = SuperpixelFeatures.MajorityLabel(image.Labels, members);
                candidates++;
                mlp.Predict(outputs.Means![id], prediction);
                int target = AutoRelabel.Decide(prediction, current, threshold, guard);
                if (target >= 0)
                {
                    tally.Add(AutoRelabel.Apply(image.Labels, members, current, (byte)target, options.Scope, outputs.Predicted), image.Labels, image.GroundTruth);
                }
            }
        }

        return tally.ToRecord(images, candidates) with { Threshold = threshold, TrainingSamples = samples.Count };
    }

    private static long[] PixelsPerClass(IReadOnlyList<CampaignImage> images, int classes)
    {
        var counts = new long[classes];
        foreach (var image in images)
        {
            foreach (byte y in image.Labels.Labels)
            {
                if (y != LabelMap.Ignore)
                {
                    counts[y]++;
                }
            }
        }

        return counts;
    }
}
