using Alc.Campaigns.AutoCorrection;
using Alc.Core.Cost;
using Alc.Core.Expansion;
using Alc.Core.Maps;

namespace Alc.Campaigns.Pipeline;

/// <summary>
/// Stage "apply": one answer onto D_t, for every caller (the bench's oracle, the engine's ingestion and its replay of
/// the answer log). A region check's answer covers its region (<see cref="RegionCheck"/>); any other the queried
/// superpixel (<see cref="AnswerApplier"/>, eq. 12).
/// </summary>
public static class AnswerStep
{
    /// <summary>Applies <paramref name="verdict"/>/<paramref name="label"/> for the query on <paramref name="image"/>; returns what changed.</summary>
    /// <param name="image">The queried image (labels mutated).</param>
    /// <param name="pixel">The pixel shown.</param>
    /// <param name="superpixelId">Its superpixel.</param>
    /// <param name="shownLabel">The label shown.</param>
    /// <param name="region">A region check's region, or null for a pixel query.</param>
    /// <param name="verdict">The verdict.</param>
    /// <param name="label">The corrected class (read only for <see cref="QueryVerdict.Correct"/>).</param>
    /// <param name="strategy">ε and whether to expand.</param>
    /// <param name="probabilities">f(x) of the image when ε &gt; 0.</param>
    public static ExpansionResult Apply(CampaignImage image, int pixel, int superpixelId, byte shownLabel, IReadOnlyList<int>? region,
        QueryVerdict verdict, byte label, CorrectionStrategy strategy, ProbabilityMap? probabilities = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        return region is not null
            ? RegionCheck.Apply(image, region, verdict, label)
            : AnswerApplier.Apply(image, new CorrectionQuery(image.Key, pixel, superpixelId, shownLabel, 0), verdict, label, strategy, probabilities);
    }

    /// <summary>Applies an answer to a planned query.</summary>
    public static ExpansionResult Apply(CampaignImage image, PlannedQuery query, QueryVerdict verdict, byte label, CorrectionStrategy strategy,
        ProbabilityMap? probabilities = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Apply(image, query.Pixel, query.SuperpixelId, query.ShownLabel, query.Check?.Region.Pixels, verdict, label, strategy, probabilities);
    }
}
