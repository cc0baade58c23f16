using Alc.Core.Expansion;
using Alc.Core.Maps;

namespace Alc.Campaigns.AutoCorrection;

/// <summary>Adds up what an automated correction changed and, against ground truth, how many changes were right.</summary>
internal sealed class CorrectionTally
{
    public int Superpixels { get; private set; }

    public long Pixels { get; private set; }

    public long Right { get; private set; }

    public long RightBefore { get; private set; }

    /// <summary>Counts changes that touched <paramref name="superpixels"/> superpixels.</summary>
    public void Add(ExpansionResult result, LabelMap labels, LabelMap? truth, int superpixels = 1)
    {
        if (result.Changed == 0)
        {
            return;
        }

        Superpixels += superpixels;
        Pixels += result.Changed;
        if (truth is null)
        {
            return;
        }

        for (int i = 0; i < result.Changed; i++)
        {
            int p = result.ChangedPixels[i];
            Right += truth[p] == labels[p] ? 1 : 0;
            RightBefore += truth[p] == result.PreviousLabels[i] ? 1 : 0;
        }
    }

    /// <summary>The record, with the judged counts only when every image has ground truth.</summary>
    public AutoCorrectionRecord ToRecord(IReadOnlyList<CampaignImage> images, int candidates) => new()
    {
        Candidates = candidates,
        Superpixels = Superpixels,
        Pixels = Pixels,
        PixelsRight = images.All(i => i.GroundTruth is not null) ? Right : null,
        PixelsRightBefore = images.All(i => i.GroundTruth is not null) ? RightBefore : null,
    };
}
