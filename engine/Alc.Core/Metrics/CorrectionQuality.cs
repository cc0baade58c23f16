using Alc.Core.Expansion;
using Alc.Core.Maps;

namespace Alc.Core.Metrics;

/// <summary>
/// Precision and recall of a round's query batch against ground truth (paper section 4):
/// precision = share of queried pixels whose current label was wrong; recall = share of all wrong pixels
/// (before the round) that the expansions fixed. A pixel is wrong when its ground truth is a class and its
/// label differs (an ignore label counts as wrong); pixels with ground truth 255 never count.
/// </summary>
public sealed class CorrectionQuality
{
    /// <summary>Queries recorded.</summary>
    public long Queries { get; private set; }

    /// <summary>Queries whose pixel carried a wrong label.</summary>
    public long QueriesOnWrongLabels { get; private set; }

    /// <summary>Wrong pixels in the data before the round.</summary>
    public long WrongPixelsBefore { get; private set; }

    /// <summary>Pixels that were wrong and are right after an expansion.</summary>
    public long PixelsFixed { get; private set; }

    /// <summary>Pixels that were right and are wrong after an expansion (superpixels spanning two classes).</summary>
    public long PixelsBroken { get; private set; }

    /// <summary>QueriesOnWrongLabels / Queries; null before any query.</summary>
    public double? Precision => Queries == 0 ? null : (double)QueriesOnWrongLabels / Queries;

    /// <summary>PixelsFixed / WrongPixelsBefore; null when nothing was wrong.</summary>
    public double? Recall => WrongPixelsBefore == 0 ? null : (double)PixelsFixed / WrongPixelsBefore;

    /// <summary>Counts the wrong pixels of one image before the round's answers are applied.</summary>
    public void AddImageBefore(ReadOnlySpan<byte> labels, ReadOnlySpan<byte> truth)
    {
        WrongPixelsBefore += CountWrong(labels, truth);
    }

    /// <summary>Records one query: the label shown at the pixel and the pixel's ground truth.</summary>
    public void AddQuery(byte shownLabel, byte truth)
    {
        Queries++;
        if (IsWrong(shownLabel, truth))
        {
            QueriesOnWrongLabels++;
        }
    }

    /// <summary>Records what an expansion changed, judged against the image's ground truth.</summary>
    public void AddExpansion(ExpansionResult expansion, LabelMap labelsAfter, ReadOnlySpan<byte> truth)
    {
        ArgumentNullException.ThrowIfNull(expansion);
        ArgumentNullException.ThrowIfNull(labelsAfter);
        for (int i = 0; i < expansion.ChangedPixels.Length; i++)
        {
            int p = expansion.ChangedPixels[i];
            bool wasWrong = IsWrong(expansion.PreviousLabels[i], truth[p]);
            bool isWrong = IsWrong(labelsAfter[p], truth[p]);
            if (wasWrong && !isWrong)
            {
                PixelsFixed++;
            }
            else if (!wasWrong && isWrong)
            {
                PixelsBroken++;
            }
        }
    }

    /// <summary>Pixels whose label differs from a ground truth that is not 255.</summary>
    public static long CountWrong(ReadOnlySpan<byte> labels, ReadOnlySpan<byte> truth)
    {
        if (labels.Length != truth.Length)
        {
            throw new ArgumentException($"Labels have {labels.Length} pixels but ground truth has {truth.Length}.");
        }

        long wrong = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            if (IsWrong(labels[i], truth[i]))
            {
                wrong++;
            }
        }

        return wrong;
    }

    private static bool IsWrong(byte label, byte truth) => truth != LabelMap.Ignore && label != truth;
}
