using Alc.Core.Expansion;
using Alc.Core.Maps;

namespace Alc.Core.Correction;

/// <summary>
/// The relabelling rule of <see cref="CorrectionMethod.ConfidentPixels"/>, with hysteresis as in Canny's edge detector:
/// every <see cref="DisagreementRegion"/> at τ_grow whose peak confidence reaches τ takes the predicted class. A confident
/// core (the middle of a missed object) so carries its less confident rim with it, while a region that is unsure
/// everywhere never changes. τ_grow = τ is the plain per-pixel rule.
/// </summary>
public static class ConfidentRelabel
{
    /// <summary>Applies the rule to one image; returns what changed, ascending by pixel.</summary>
    /// <param name="labels">The current labels (mutated).</param>
    /// <param name="predicted">ŷ per pixel.</param>
    /// <param name="confidence">f(ŷ(x); x) per pixel.</param>
    /// <param name="frozen">Pixels that must not change (for example those of answered superpixels).</param>
    /// <param name="threshold">τ, the peak confidence a region needs.</param>
    /// <param name="growThreshold">τ_grow ≤ τ, the confidence every pixel of a region needs.</param>
    public static ExpansionResult Apply(LabelMap labels, ReadOnlySpan<byte> predicted, ReadOnlySpan<float> confidence, ReadOnlySpan<bool> frozen,
        double threshold, double growThreshold)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (growThreshold > threshold)
        {
            throw new ArgumentException($"τ_grow ({growThreshold}) must not exceed τ ({threshold}).", nameof(growThreshold));
        }

        var changed = new List<int>();
        var previous = new List<byte>();
        foreach (var region in DisagreementRegions.Find(labels, predicted, confidence, frozen, growThreshold))
        {
            if (region.PeakConfidence < threshold)
            {
                continue;
            }

            foreach (int p in region.Pixels)
            {
                changed.Add(p);
                previous.Add(region.Label);
                labels.Labels[p] = region.Predicted;
            }
        }

        // Regions are disjoint; report the changes in pixel order.
        var order = Enumerable.Range(0, changed.Count).OrderBy(i => changed[i]).ToArray();
        return new ExpansionResult(changed.Count, [.. order.Select(i => changed[i])], [.. order.Select(i => previous[i])]);
    }
}
