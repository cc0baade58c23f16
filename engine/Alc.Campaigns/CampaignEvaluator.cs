using Alc.Core.Metrics;
using Alc.Training;

namespace Alc.Campaigns;

/// <summary>The paper's section-4 metrics: Data mIoU of D_t on the training split and Model mIoU of θ_t on the validation split.</summary>
public static class CampaignEvaluator
{
    /// <summary>mIoU of the current labels against ground truth over all training images (union, then mean over classes present).</summary>
    public static double DataMIoU(IReadOnlyList<CampaignImage> images, int classCount)
    {
        var matrix = new ConfusionMatrix(classCount);
        foreach (var image in images)
        {
            var truth = image.GroundTruth ?? throw new InvalidOperationException($"Image '{image.Stem}' has no ground truth.");
            matrix.Add(truth.Labels, image.Labels.Labels);
        }

        return matrix.MeanIoU();
    }

    /// <summary>mIoU of the model's argmax predictions against the ground truth of <paramref name="validation"/>.</summary>
    public static double ModelMIoU(ISegmentationPredictor model, IReadOnlyList<CampaignImage> validation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var matrix = new ConfusionMatrix(model.ClassCount);
        int classes = model.ClassCount;
        using var outputs = model.PredictProbabilities(validation.Select(v => v.ToInput()), cancellationToken).GetEnumerator();
        foreach (var image in validation)
        {
            outputs.MoveNext();
            float[] f = outputs.Current;
            var predicted = new byte[image.Labels.PixelCount];
            for (int p = 0; p < predicted.Length; p++)
            {
                int best = 0;
                for (int c = 1; c < classes; c++)
                {
                    if (f[(p * classes) + c] > f[(p * classes) + best])
                    {
                        best = c;
                    }
                }

                predicted[p] = (byte)best;
            }

            matrix.Add((image.GroundTruth ?? throw new InvalidOperationException($"Image '{image.Stem}' has no ground truth.")).Labels, predicted);
        }

        return matrix.MeanIoU();
    }
}
