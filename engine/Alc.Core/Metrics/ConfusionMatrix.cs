using System.Buffers;
using Alc.Core.Maps;

namespace Alc.Core.Metrics;

/// <summary>
/// A streaming L×L confusion matrix (rows: ground truth, columns: prediction or current label). Pixels
/// with 255 on either side are ignored. Feed it image by image; IoU and mIoU follow the paper's
/// section 4: per-class IoU over the union of all images, then the mean over classes present.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly long[] _counts;

    /// <summary>An empty matrix for <paramref name="classCount"/> classes.</summary>
    public ConfusionMatrix(int classCount)
    {
        if (classCount is < 1 or > LabelMap.MaxClasses)
        {
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount, $"Class count must be 1..{LabelMap.MaxClasses}.");
        }

        ClassCount = classCount;
        _counts = new long[classCount * classCount];
    }

    /// <summary>Number of classes L.</summary>
    public int ClassCount { get; }

    /// <summary>Pixels counted (both sides valid).</summary>
    public long Total { get; private set; }

    /// <summary>Pixels with ground truth <paramref name="truth"/> and prediction <paramref name="predicted"/>.</summary>
    public long this[int truth, int predicted] => _counts[truth * ClassCount + predicted];

    /// <summary>Adds one image (or any aligned pair of label spans).</summary>
    /// <exception cref="ArgumentException">Lengths differ, or a value is neither a class id nor 255.</exception>
    public void Add(ReadOnlySpan<byte> truth, ReadOnlySpan<byte> predicted)
    {
        if (truth.Length != predicted.Length)
        {
            throw new ArgumentException($"Ground truth has {truth.Length} pixels but the prediction has {predicted.Length}.");
        }

        int classes = ClassCount;
        // Every byte maps through a table to 0..L−1 (a class), L (ignore) or L+1 (invalid), so the
        // per-pixel loop is two lookups and an increment into a small (L+2)² histogram, with no branch.
        int stride = classes + 2;
        Span<int> code = stackalloc int[256];
        for (int v = 0; v < 256; v++)
        {
            code[v] = v < classes ? v : v == LabelMap.Ignore ? classes : classes + 1;
        }

        int[] histogram = ArrayPool<int>.Shared.Rent(stride * stride);
        try
        {
            Array.Clear(histogram, 0, stride * stride);
            for (int i = 0; i < truth.Length; i++)
            {
                histogram[code[truth[i]] * stride + code[predicted[i]]]++;
            }

            for (int i = 0; i < stride; i++)
            {
                if (histogram[(classes + 1) * stride + i] != 0 || histogram[i * stride + classes + 1] != 0)
                {
                    int at = FirstInvalid(truth, predicted, classes);
                    throw new ArgumentException(
                        $"Pixel {at} has ground truth {truth[at]} and label {predicted[at]}; valid values are 0..{classes - 1} and 255.");
                }
            }

            long added = 0;
            for (int t = 0; t < classes; t++)
            {
                for (int p = 0; p < classes; p++)
                {
                    int n = histogram[t * stride + p];
                    _counts[t * classes + p] += n;
                    added += n;
                }
            }

            Total += added;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(histogram);
        }
    }

    /// <summary>Adds all counts of another matrix with the same class count.</summary>
    public void Add(ConfusionMatrix other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.ClassCount != ClassCount)
        {
            throw new ArgumentException($"Cannot merge a {other.ClassCount}-class matrix into a {ClassCount}-class one.", nameof(other));
        }

        for (int i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Total += other.Total;
    }

    /// <summary>IoU of class <paramref name="c"/> = TP / (TP + FP + FN); null when the class is absent from both sides.</summary>
    public double? IoU(int c)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(c);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(c, ClassCount);
        long tp = this[c, c];
        long row = 0, column = 0;
        for (int k = 0; k < ClassCount; k++)
        {
            row += this[c, k];
            column += this[k, c];
        }

        long union = row + column - tp;
        return union == 0 ? null : (double)tp / union;
    }

    /// <summary>Mean IoU over the classes present in ground truth or prediction; NaN when nothing was counted.</summary>
    public double MeanIoU()
    {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < ClassCount; c++)
        {
            if (IoU(c) is double iou)
            {
                sum += iou;
                present++;
            }
        }

        return present == 0 ? double.NaN : sum / present;
    }

    /// <summary>Share of counted pixels whose prediction equals the ground truth; NaN when empty.</summary>
    public double PixelAccuracy()
    {
        long correct = 0;
        for (int c = 0; c < ClassCount; c++)
        {
            correct += this[c, c];
        }

        return Total == 0 ? double.NaN : (double)correct / Total;
    }

    private static int FirstInvalid(ReadOnlySpan<byte> truth, ReadOnlySpan<byte> predicted, int classes)
    {
        for (int i = 0; i < truth.Length; i++)
        {
            if ((truth[i] >= classes && truth[i] != LabelMap.Ignore) || (predicted[i] >= classes && predicted[i] != LabelMap.Ignore))
            {
                return i;
            }
        }

        return -1;
    }
}
