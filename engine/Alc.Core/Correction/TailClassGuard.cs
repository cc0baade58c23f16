namespace Alc.Core.Correction;

/// <summary>
/// A²LC's tail-class guards on automated corrections: no superpixel is relabelled into the rarer half of the classes
/// (the ⌊L/2⌋ classes with the fewest labelled pixels; ties by class id), and none is relabelled away from the rarest
/// class. Rare classes are where a model trained on noisy labels is least trustworthy and where a wrong
/// relabelling costs the most mIoU.
/// </summary>
public sealed class TailClassGuard
{
    private readonly bool[] _rarerHalf;

    private TailClassGuard(bool[] rarerHalf, int rarest)
    {
        _rarerHalf = rarerHalf;
        Rarest = rarest;
    }

    /// <summary>The class with the fewest labelled pixels.</summary>
    public int Rarest { get; }

    /// <summary>Whether <paramref name="c"/> is in the rarer half.</summary>
    public bool IsRare(int c) => _rarerHalf[c];

    /// <summary>The guard for per-class labelled pixel counts.</summary>
    public static TailClassGuard FromCounts(ReadOnlySpan<long> pixelsPerClass)
    {
        if (pixelsPerClass.Length == 0)
        {
            throw new ArgumentException("The guard needs at least one class.", nameof(pixelsPerClass));
        }

        long[] counts = pixelsPerClass.ToArray();
        int[] order = Enumerable.Range(0, counts.Length).OrderBy(c => counts[c]).ThenBy(c => c).ToArray();
        var rare = new bool[counts.Length];
        for (int i = 0; i < counts.Length / 2; i++)
        {
            rare[order[i]] = true;
        }

        return new TailClassGuard(rare, order[0]);
    }

    /// <summary>Whether relabelling from <paramref name="from"/> to <paramref name="to"/> is allowed.</summary>
    public bool Allows(int from, int to) => from != Rarest && !_rarerHalf[to];
}
