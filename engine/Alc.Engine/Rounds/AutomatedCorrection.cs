using Alc.Core.Correction;
using Alc.Core.Maps;
using Alc.Training;

namespace Alc.Engine.Rounds;

/// <summary>
/// Step "answers → automated correction" of a round (A²LC's LCM), run after the round's answers are applied and before
/// θ_t is trained: one inference pass of θ_(t−1) gives every superpixel's mean softmax vector; an MLP learns answered
/// label from mean softmax on the answered superpixels (<see cref="CorrectionModel"/>); every unqueried superpixel it
/// relabels with confidence ≥ τ_t, within the tail-class guards, is relabelled (<see cref="AutoRelabel"/>).
/// Deterministic for a given seed.
/// </summary>
public static class AutomatedCorrection
{
    /// <summary>Runs the step and returns what it changed (judged against ground truth where the images have it).</summary>
    /// <param name="images">The campaign's training images (labels mutated).</param>
    /// <param name="model">θ_(t−1), the model that selected this round's queries.</param>
    /// <param name="answers">Every answer so far, with its round.</param>
    /// <param name="round">This round t ≥ 1.</param>
    /// <param name="options">The LCM settings.</param>
    /// <param name="excludeZeroId">Leave superpixel id 0 alone (the strategy's pool setting).</param>
    /// <param name="seed">Seeds the MLP.</param>
    /// <param name="cancellationToken">Stops between images.</param>
    public static AutoCorrectionRecord Run(IReadOnlyList<CampaignImage> images, ISegmentationPredictor model, IReadOnlyList<AnsweredSuperpixel> answers,
        int round, LabelCorrectionOptions options, bool excludeZeroId, long seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(options);
        int classes = model.ClassCount;
        var features = Features(images, model, options.Scope == RelabelScope.AgreeingPixels, cancellationToken);

        var samples = new List<float[]>();
        var targets = new List<int>();
        foreach (var answer in answers)
        {
            if ((options.TrainingSet == CorrectionTrainingSet.AllAnswered || answer.Round == round) && answer.TrainingLabel is { } label &&
                features.TryGetValue(answer.ImageKey, out var image) && image.Means.TryGetValue(answer.SuperpixelId, out var mean))
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
        int candidates = 0, superpixels = 0;
        long pixels = 0, right = 0, rightBefore = 0;
        foreach (var image in images)
        {
            var index = image.Superpixels.Index;
            var imageFeatures = features[image.Key];
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
                mlp.Predict(imageFeatures.Means[id], prediction);
                int target = AutoRelabel.Decide(prediction, current, threshold, guard);
                if (target < 0)
                {
                    continue;
                }

                var result = AutoRelabel.Apply(image.Labels, members, current, (byte)target, options.Scope, imageFeatures.ArgMax);
                if (result.Changed == 0)
                {
                    continue;
                }

                superpixels++;
                pixels += result.Changed;
                if (image.GroundTruth is { } truth)
                {
                    for (int i = 0; i < result.Changed; i++)
                    {
                        byte gt = truth[result.ChangedPixels[i]];
                        right += gt == target ? 1 : 0;
                        rightBefore += gt == result.PreviousLabels[i] ? 1 : 0;
                    }
                }
            }
        }

        bool judged = images.All(i => i.GroundTruth is not null);
        return new AutoCorrectionRecord
        {
            Threshold = threshold,
            TrainingSamples = samples.Count,
            Candidates = candidates,
            Superpixels = superpixels,
            Pixels = pixels,
            PixelsRight = judged ? right : null,
            PixelsRightBefore = judged ? rightBefore : null,
        };
    }

    private sealed record ImageFeatures(Dictionary<int, float[]> Means, byte[]? ArgMax);

    // One inference pass: every superpixel's mean softmax and (for AgreeingPixels) each pixel's argmax, which is all
    // AutoRelabel reads of f; no probability map outlives its image.
    private static Dictionary<int, ImageFeatures> Features(IReadOnlyList<CampaignImage> images, ISegmentationPredictor model, bool keepArgMax,
        CancellationToken cancellationToken)
    {
        int classes = model.ClassCount;
        var result = new Dictionary<int, ImageFeatures>();
        using var outputs = model.PredictProbabilities(images.Select(i => i.ToInput()), cancellationToken).GetEnumerator();
        foreach (var image in images)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!outputs.MoveNext())
            {
                throw new InvalidOperationException("The model returned fewer outputs than images.");
            }

            var f = new ProbabilityMap(image.Width, image.Height, classes, outputs.Current);
            var index = image.Superpixels.Index;
            var means = new Dictionary<int, float[]>(index.Count);
            for (int k = 0; k < index.Count; k++)
            {
                var mean = new float[classes];
                SuperpixelFeatures.MeanSoftmax(f, index.PixelsAt(k), mean);
                means[index.Ids[k]] = mean;
            }

            result[image.Key] = new ImageFeatures(means, keepArgMax ? ArgMaxMap(f) : null);
        }

        return result;
    }

    private static byte[] ArgMaxMap(ProbabilityMap f)
    {
        var predicted = new byte[f.PixelCount];
        SuperpixelFeatures.PredictedLabels(f, predicted);
        return predicted;
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
