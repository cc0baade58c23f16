using Alc.Campaigns.AutoCorrection;

namespace Alc.Campaigns.Pipeline;

/// <summary>
/// One query of a round as it is published and asked: a pixel query selected by the acquisition (its answer covers
/// the superpixel) or a region check proposed by the automated correction (its answer covers <see cref="Check"/>'s region).
/// </summary>
/// <param name="ImageKey">The image.</param>
/// <param name="Pixel">The pixel shown.</param>
/// <param name="SuperpixelId">The superpixel of <paramref name="Pixel"/>.</param>
/// <param name="ShownLabel">The label shown: the pixel's label when the round selected it.</param>
/// <param name="Score">Its rank: the acquisition score, or a check's region mass Σ f(ŷ).</param>
/// <param name="Check">The region check, or null for a pixel query.</param>
public sealed record PlannedQuery(int ImageKey, int Pixel, int SuperpixelId, byte ShownLabel, double Score, RegionCheck? Check = null)
{
    /// <summary>The query as the acquisition selected it (for the superpixel expansion).</summary>
    public CorrectionQuery AsCorrectionQuery() => new(ImageKey, Pixel, SuperpixelId, ShownLabel, Score);
}
