using Alc.Core.Maps;

namespace Alc.Core.Acquisition;

/// <summary>
/// A²LC's adaptive class weights for <see cref="AbcAcquisition"/>: w_c = (min_count / count_c)^(KL(q ‖ u)³), with
/// count_c the pixels labelled c in the superpixels not yet queried (over every image of the round), q = count / Σ count
/// and u the uniform distribution over the L classes (natural logarithm). A balanced labelling (KL = 0) gives every
/// class weight 1; the more skewed it is, the harder frequent classes are pushed down. min_count is the smallest
/// positive count; a class with no pixels gets weight 1, like the rarest one.
/// </summary>
public static class AbcClassWeights
{
    /// <summary>Adds the labels of the superpixels of one image that are not in <paramref name="answered"/> to <paramref name="counts"/> (255 is skipped).</summary>
    /// <param name="labels">The current labels.</param>
    /// <param name="superpixels">The superpixels.</param>
    /// <param name="answered">Superpixels already queried (they no longer count), or null.</param>
    /// <param name="counts">Per-class pixel counts, length ≥ L.</param>
    public static void CountUnqueried(LabelMap labels, SuperpixelMap superpixels, IReadOnlySet<int>? answered, Span<long> counts)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(superpixels);
        if (counts.Length < labels.ClassCount)
        {
            throw new ArgumentException($"The count span holds {counts.Length} values but the labels have {labels.ClassCount} classes.", nameof(counts));
        }

        ReadOnlySpan<byte> y = labels.Labels;
        ReadOnlySpan<int> ids = superpixels.Ids;
        for (int p = 0; p < y.Length; p++)
        {
            if (y[p] != LabelMap.Ignore && (answered is null || answered.Count == 0 || !answered.Contains(ids[p])))
            {
                counts[y[p]]++;
            }
        }
    }

    /// <summary>KL(q ‖ uniform) = Σ_c q_c ln(q_c · L) of the normalised <paramref name="counts"/>; 0 when all are zero.</summary>
    public static double KlFromUniform(ReadOnlySpan<long> counts)
    {
        long total = Total(counts);
        if (total == 0)
        {
            return 0;
        }

        double kl = 0;
        foreach (long n in counts)
        {
            if (n > 0)
            {
                double q = (double)n / total;
                kl += q * Math.Log(q * counts.Length);
            }
        }

        return Math.Max(0, kl);
    }

    /// <summary>The weights w_c from per-class pixel counts of the unqueried superpixels.</summary>
    /// <exception cref="ArgumentException">A count is negative.</exception>
    public static double[] FromCounts(ReadOnlySpan<long> counts)
    {
        long min = long.MaxValue;
        _ = Total(counts);
        foreach (long n in counts)
        {
            if (n > 0 && n < min)
            {
                min = n;
            }
        }

        double exponent = Math.Pow(KlFromUniform(counts), 3);
        var weights = new double[counts.Length];
        for (int c = 0; c < weights.Length; c++)
        {
            weights[c] = counts[c] > 0 ? Math.Pow((double)min / counts[c], exponent) : 1;
        }

        return weights;
    }

    private static long Total(ReadOnlySpan<long> counts)
    {
        long total = 0;
        foreach (long n in counts)
        {
            if (n < 0)
            {
                throw new ArgumentException("Pixel counts must be ≥ 0.", nameof(counts));
            }

            total += n;
        }

        return total;
    }
}
