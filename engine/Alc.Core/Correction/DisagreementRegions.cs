using Alc.Core.Maps;

namespace Alc.Core.Correction;

/// <summary>A connected region where a model predicts another class than the labels say.</summary>
/// <param name="Pixels">Its pixels, ascending.</param>
/// <param name="Label">The label they all carry now.</param>
/// <param name="Predicted">The class the model predicts for all of them.</param>
/// <param name="PeakPixel">The pixel where the model is most confident (lowest index on ties).</param>
/// <param name="PeakConfidence">f(Predicted) at <paramref name="PeakPixel"/>.</param>
/// <param name="Mass">Σ f(Predicted) over the region: the pixels it is expected to fix if the model is right.</param>
public sealed record DisagreementRegion(int[] Pixels, byte Label, byte Predicted, int PeakPixel, double PeakConfidence, double Mass);

/// <summary>
/// Finds the 4-connected regions of pixels x, not frozen and labelled (≠ 255), with ŷ(x) ≠ y(x) and f(ŷ(x); x) ≥ τ,
/// where neighbours join when they share both y and ŷ. A missed object inside a background mask is one such region.
/// </summary>
public static class DisagreementRegions
{
    /// <summary>The regions of one image, in order of their first pixel.</summary>
    /// <param name="labels">The current labels.</param>
    /// <param name="predicted">ŷ per pixel.</param>
    /// <param name="confidence">f(ŷ(x); x) per pixel.</param>
    /// <param name="frozen">Pixels never to consider (for example those of answered superpixels).</param>
    /// <param name="threshold">τ: pixels below it belong to no region.</param>
    public static List<DisagreementRegion> Find(LabelMap labels, ReadOnlySpan<byte> predicted, ReadOnlySpan<float> confidence, ReadOnlySpan<bool> frozen,
        double threshold)
    {
        ArgumentNullException.ThrowIfNull(labels);
        int n = labels.PixelCount;
        if (predicted.Length != n || confidence.Length != n || frozen.Length != n)
        {
            throw new ArgumentException($"The prediction, confidence and frozen maps must have {n} entries like the labels.");
        }

        ReadOnlySpan<byte> y = labels.Labels;
        var member = new bool[n];
        for (int p = 0; p < n; p++)
        {
            member[p] = !frozen[p] && y[p] != LabelMap.Ignore && predicted[p] != y[p] && confidence[p] >= threshold;
            if (member[p] && predicted[p] >= labels.ClassCount)
            {
                throw new ArgumentException($"Predicted label {predicted[p]} is not a class (ids 0..{labels.ClassCount - 1}).", nameof(predicted));
            }
        }

        int width = labels.Width;
        var regions = new List<DisagreementRegion>();
        var stack = new Stack<int>();
        var pixels = new List<int>();
        for (int s = 0; s < n; s++)
        {
            if (!member[s])
            {
                continue;
            }

            member[s] = false;
            stack.Push(s);
            pixels.Clear();
            int peak = s;
            double mass = 0;
            while (stack.Count > 0)
            {
                int p = stack.Pop();
                pixels.Add(p);
                mass += confidence[p];
                if (confidence[p] > confidence[peak] || (confidence[p] == confidence[peak] && p < peak))
                {
                    peak = p;
                }

                int x = p % width;
                for (int d = 0; d < 4; d++)
                {
                    int q = d switch { 0 => p - width, 1 => p + width, 2 => x > 0 ? p - 1 : -1, _ => x + 1 < width ? p + 1 : -1 };
                    if (q >= 0 && q < n && member[q] && predicted[q] == predicted[s] && y[q] == y[s])
                    {
                        member[q] = false;
                        stack.Push(q);
                    }
                }
            }

            pixels.Sort();
            regions.Add(new DisagreementRegion([.. pixels], y[s], predicted[s], peak, confidence[peak], mass));
        }

        return regions;
    }
}
