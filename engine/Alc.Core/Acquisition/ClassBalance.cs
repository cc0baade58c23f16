using Alc.Core.Pool;

namespace Alc.Core.Acquisition;

/// <summary>
/// Class-balancing weights for region-based active learning (Kim et al. 2023, MulSpx):
/// w_c = exp(−p_c), p_c the share of pool regions whose dominant prediction D(s) is c.
/// Computed over the pools of every image of the round, so rare predicted classes are asked about first.
/// </summary>
public static class ClassBalance
{
    /// <summary>Weights from the dominant labels of all candidates of <paramref name="pools"/>.</summary>
    public static double[] FromPools(IEnumerable<ImagePool> pools, int classCount)
    {
        ArgumentNullException.ThrowIfNull(pools);
        var counts = new long[classCount];
        foreach (var pool in pools)
        {
            foreach (var candidate in pool.Candidates)
            {
                counts[candidate.DominantLabel]++;
            }
        }

        return FromCounts(counts);
    }

    /// <summary>Weights from region counts per dominant class: w_c = exp(−count_c / Σ count).</summary>
    public static double[] FromCounts(ReadOnlySpan<long> regionsPerClass)
    {
        long total = 0;
        foreach (long n in regionsPerClass)
        {
            if (n < 0)
            {
                throw new ArgumentException("Region counts must be ≥ 0.", nameof(regionsPerClass));
            }

            total += n;
        }

        var weights = new double[regionsPerClass.Length];
        for (int c = 0; c < weights.Length; c++)
        {
            weights[c] = Math.Exp(total == 0 ? 0 : -(double)regionsPerClass[c] / total);
        }

        return weights;
    }
}
