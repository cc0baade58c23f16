namespace Alc.Core.Pool;

/// <summary>
/// The pool of one image: its candidates and, per candidate, the look-ahead sums of its superpixel that
/// the pool scan accumulated (so LCIL and SIM cost O(L) per candidate afterwards).
/// </summary>
public sealed class ImagePool
{
    private readonly PoolCandidate[] _candidates;
    private readonly double[] _cilSums;
    private readonly double[] _weightedDirections;

    internal ImagePool(ScoringImage image, PoolCandidate[] candidates, double[] cilSums, double[] weightedDirections)
    {
        Image = image;
        _candidates = candidates;
        _cilSums = cilSums;
        _weightedDirections = weightedDirections;
    }

    /// <summary>The image the pool was built from.</summary>
    public ScoringImage Image { get; }

    /// <summary>The candidates, in ascending superpixel id order (diversified pool) or sampling order (PixelPick).</summary>
    public ReadOnlySpan<PoolCandidate> Candidates => _candidates;

    /// <summary>Number of candidates.</summary>
    public int Count => _candidates.Length;

    /// <summary>Σ_{x_i∈s} a_CIL(x_i) over the superpixel of candidate <paramref name="i"/> (numerator of eq. 10).</summary>
    public double CilSum(int i) => _cilSums[i];

    /// <summary>Σ_{x_i∈s} a_CIL(x_i)·f(x_i)/‖f(x_i)‖ over the superpixel of candidate <paramref name="i"/> (eq. 9 without the query's unit vector).</summary>
    public ReadOnlySpan<double> WeightedDirectionSum(int i) =>
        _weightedDirections.AsSpan(i * Image.ClassCount, Image.ClassCount);
}
