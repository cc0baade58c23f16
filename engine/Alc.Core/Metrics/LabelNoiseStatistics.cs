namespace Alc.Core.Metrics;

/// <summary>
/// How noisy a dataset's initial labels are against ground truth: D0 Data mIoU, the share of superpixels
/// whose pseudo label (majority) differs from their ground truth (majority), and the share of superpixels
/// that span two ground-truth classes (the minority class covers ≥ <see cref="MixedThreshold"/> of the superpixel).
/// </summary>
public sealed class LabelNoiseStatistics
{
    /// <summary>Share of a superpixel the second ground-truth class must cover for it to count as spanning two classes.</summary>
    public const double MixedThreshold = 0.05;

    private readonly ConfusionMatrix _matrix;
    private long _superpixels, _wrong, _mixed;

    /// <summary>An empty accumulator for <paramref name="classCount"/> classes.</summary>
    public LabelNoiseStatistics(int classCount)
    {
        _matrix = new ConfusionMatrix(classCount);
        ClassCount = classCount;
    }

    /// <summary>Number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>mIoU of the pseudo labels against ground truth over the images added.</summary>
    public double DataMIoU => _matrix.MeanIoU();

    /// <summary>Superpixels counted.</summary>
    public long Superpixels => _superpixels;

    /// <summary>Share of superpixels whose majority pseudo label is not their majority ground truth.</summary>
    public double WrongSuperpixelShare => _superpixels == 0 ? double.NaN : (double)_wrong / _superpixels;

    /// <summary>Share of superpixels spanning two ground-truth classes.</summary>
    public double MixedSuperpixelShare => _superpixels == 0 ? double.NaN : (double)_mixed / _superpixels;

    /// <summary>Adds one image (ground truth 255 pixels are ignored everywhere).</summary>
    public void Add(ReadOnlySpan<byte> groundTruth, ReadOnlySpan<byte> pseudo, ReadOnlySpan<int> superpixels)
    {
        if (groundTruth.Length != pseudo.Length || groundTruth.Length != superpixels.Length)
        {
            throw new ArgumentException("Ground truth, pseudo labels and superpixels must have the same number of pixels.");
        }

        _matrix.Add(groundTruth, pseudo);
        var truthCounts = new Dictionary<int, int[]>();
        var pseudoCounts = new Dictionary<int, int[]>();
        for (int p = 0; p < groundTruth.Length; p++)
        {
            if (groundTruth[p] == Maps.LabelMap.Ignore)
            {
                continue;
            }

            if (!truthCounts.TryGetValue(superpixels[p], out var truth))
            {
                truthCounts[superpixels[p]] = truth = new int[ClassCount];
                pseudoCounts[superpixels[p]] = new int[ClassCount + 1];
            }

            truth[groundTruth[p]]++;
            int label = pseudo[p];
            pseudoCounts[superpixels[p]][label == Maps.LabelMap.Ignore ? ClassCount : label]++;
        }

        foreach (var (id, truth) in truthCounts)
        {
            _superpixels++;
            int total = truth.Sum();
            int major = ArgMax(truth);
            int second = truth.Where((_, c) => c != major).DefaultIfEmpty(0).Max();
            if (ArgMax(pseudoCounts[id]) != major)
            {
                _wrong++;
            }

            if (second >= MixedThreshold * total)
            {
                _mixed++;
            }
        }
    }

    private static int ArgMax(int[] counts)
    {
        int best = 0;
        for (int c = 1; c < counts.Length; c++)
        {
            if (counts[c] > counts[best])
            {
                best = c;
            }
        }

        return best;
    }
}
