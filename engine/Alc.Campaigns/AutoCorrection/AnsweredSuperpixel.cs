using Alc.Core.Cost;

namespace Alc.Campaigns.AutoCorrection;

/// <summary>One answered query as the automated correction learns from it.</summary>
/// <param name="ImageKey">The image.</param>
/// <param name="SuperpixelId">The superpixel the answer covers.</param>
/// <param name="Round">The round it was answered in.</param>
/// <param name="Verdict">Confirm, correct or unsure.</param>
/// <param name="ShownLabel">The label the annotator was shown.</param>
/// <param name="Label">The corrected class (meaningful only for Correct).</param>
public sealed record AnsweredSuperpixel(int ImageKey, int SuperpixelId, int Round, QueryVerdict Verdict, byte ShownLabel, byte Label)
{
    /// <summary>The class the answer vouches for: the shown label when confirmed, the answer when corrected, null when unsure.</summary>
    public byte? TrainingLabel => Verdict switch
    {
        QueryVerdict.Confirm => ShownLabel,
        QueryVerdict.Correct => Label,
        _ => null,
    };
}
