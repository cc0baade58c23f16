using Alc.Core.Cost;
using Alc.Core.Expansion;
using Alc.Core.Maps;

namespace Alc.Campaigns;

/// <summary>
/// Step "answers → expansion" of a round: applies one answered correction query to the campaign's labels.
/// A correction is expanded to the query's superpixel (eq. 12; or only the queried pixel when expansion is
/// switched off); every answer — confirm, correct or unsure — takes its superpixel out of later pools.
/// </summary>
public static class AnswerApplier
{
    /// <summary>Applies <paramref name="verdict"/>/<paramref name="label"/> for <paramref name="query"/>; returns what changed.</summary>
    /// <param name="image">The queried image.</param>
    /// <param name="query">The query.</param>
    /// <param name="verdict">The annotator's verdict.</param>
    /// <param name="label">The corrected class (ignored unless <paramref name="verdict"/> is Correct).</param>
    /// <param name="strategy">ε and whether to expand.</param>
    /// <param name="probabilities">f(x) of the image, needed only when ε &gt; 0.</param>
    public static ExpansionResult Apply(CampaignImage image, CorrectionQuery query, QueryVerdict verdict, byte label,
        CorrectionStrategy strategy, ProbabilityMap? probabilities = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(strategy);
        image.Answered.Add(query.SuperpixelId);
        if (verdict != QueryVerdict.Correct)
        {
            return new ExpansionResult(0, [], []);
        }

        if (strategy.Expansion)
        {
            return LabelExpansion.Expand(image.Labels, image.Superpixels, query.Pixel, label, strategy.Epsilon, probabilities);
        }

        // Ablation: the answer fixes the queried pixel only.
        if (label >= image.Labels.ClassCount)
        {
            throw new ArgumentException($"Label {label} is not a class of this dataset (ids 0..{image.Labels.ClassCount - 1}).", nameof(label));
        }

        byte previous = image.Labels[query.Pixel];
        if (previous == label)
        {
            return new ExpansionResult(1, [], []);
        }

        image.Labels.Labels[query.Pixel] = label;
        return new ExpansionResult(1, [query.Pixel], [previous]);
    }
}
