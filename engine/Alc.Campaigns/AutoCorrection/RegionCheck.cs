using Alc.Core.Correction;
using Alc.Core.Cost;
using Alc.Core.Expansion;
using Alc.Core.Maps;

namespace Alc.Campaigns.AutoCorrection;

/// <summary>
/// A check query on a region the automated correction was not sure enough to relabel: "pixel <see cref="Pixel"/> is
/// labelled <see cref="ShownLabel"/>; give the right class only if that is wrong". A correction applies to the whole
/// region (the connected pixels where the model predicts one other class), not to the superpixel: the region is what a
/// superpixel cannot express, such as an object missed inside a background mask.
/// </summary>
/// <param name="ImageKey">The image.</param>
/// <param name="Region">The region the answer covers.</param>
public sealed record RegionCheck(int ImageKey, DisagreementRegion Region)
{
    /// <summary>The pixel shown to the annotator: where the model is most confident.</summary>
    public int Pixel => Region.PeakPixel;

    /// <summary>The label the pixel carries now.</summary>
    public byte ShownLabel => Region.Label;

    /// <summary>
    /// Applies an answer: a correction relabels every pixel of the region to <paramref name="label"/>; whatever the
    /// verdict, the region's pixels are marked checked, so no later correction or check touches them.
    /// </summary>
    public ExpansionResult Apply(CampaignImage image, QueryVerdict verdict, byte label) => Apply(image, Region.Pixels, verdict, label);

    /// <summary>Applies an answer to a region check whose region is <paramref name="region"/> (a stored check, replayed or answered over HTTP).</summary>
    /// <exception cref="ArgumentException">The label is not a class of the image, or a pixel lies outside it.</exception>
    public static ExpansionResult Apply(CampaignImage image, IReadOnlyList<int> region, QueryVerdict verdict, byte label)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(region);
        if (verdict == QueryVerdict.Correct && label >= image.Labels.ClassCount)
        {
            throw new ArgumentException($"Label {label} is not a class of this dataset (ids 0..{image.Labels.ClassCount - 1}).", nameof(label));
        }

        if (region.Any(p => (uint)p >= (uint)image.Labels.PixelCount))
        {
            throw new ArgumentException($"A region pixel lies outside image {image.Key} ({image.Labels.PixelCount} pixels).", nameof(region));
        }

        var changed = new List<int>();
        var previous = new List<byte>();
        foreach (int p in region)
        {
            image.Checked.Add(p);
            byte old = image.Labels[p];
            if (verdict == QueryVerdict.Correct && old != label && old != LabelMap.Ignore)
            {
                image.Labels.Labels[p] = label;
                changed.Add(p);
                previous.Add(old);
            }
        }

        return new ExpansionResult(region.Count, [.. changed], [.. previous]);
    }
}
