using Alc.Core.Correction;
using Alc.Core.Maps;
using Alc.Training;

namespace Alc.Campaigns.AutoCorrection;

/// <summary>What an automated correction reads of θ_(t−1) for one image: per-superpixel mean softmax (when asked), and per pixel ŷ and f(ŷ).</summary>
/// <param name="Means">Mean softmax per superpixel id, or null when not asked for.</param>
/// <param name="Predicted">ŷ(x) = argmax f(x) per pixel.</param>
/// <param name="Confidence">f(ŷ(x); x) per pixel.</param>
internal sealed record ImageInference(Dictionary<int, float[]>? Means, byte[] Predicted, float[] Confidence);

/// <summary>One inference pass (θ_(t−1), or the out-of-fold models) over the campaign's images, keeping only what the corrections read: no probability map outlives its image.</summary>
internal static class CorrectionInference
{
    /// <summary>Runs each image through the model <paramref name="modelFor"/> names for its key (images sharing a model go in one batch stream).</summary>
    public static Dictionary<int, ImageInference> Run(IReadOnlyList<CampaignImage> images, Func<int, ISegmentationPredictor> modelFor, bool superpixelMeans,
        CancellationToken cancellationToken)
    {
        var result = new Dictionary<int, ImageInference>();
        foreach (var group in images.GroupBy(i => modelFor(i.Key)))
        {
            var model = group.Key;
            var members = group.ToList();
            using var outputs = model.PredictProbabilities(members.Select(i => i.ToInput()), cancellationToken).GetEnumerator();
            foreach (var image in members)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!outputs.MoveNext())
                {
                    throw new InvalidOperationException("The model returned fewer outputs than images.");
                }

                var f = new ProbabilityMap(image.Width, image.Height, model.ClassCount, outputs.Current);
                var predicted = new byte[f.PixelCount];
                SuperpixelFeatures.PredictedLabels(f, predicted);
                var confidence = new float[f.PixelCount];
                for (int p = 0; p < confidence.Length; p++)
                {
                    confidence[p] = f.At(p)[predicted[p]];
                }

                result[image.Key] = new ImageInference(superpixelMeans ? Means(image, f) : null, predicted, confidence);
            }
        }

        return result;
    }

    private static Dictionary<int, float[]> Means(CampaignImage image, ProbabilityMap f)
    {
        var index = image.Superpixels.Index;
        var means = new Dictionary<int, float[]>(index.Count);
        for (int k = 0; k < index.Count; k++)
        {
            var mean = new float[f.ClassCount];
            SuperpixelFeatures.MeanSoftmax(f, index.PixelsAt(k), mean);
            means[index.Ids[k]] = mean;
        }

        return means;
    }
}
