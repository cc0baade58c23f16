using System.Buffers;
using Alc.Core.Acquisition;
using Alc.Core.Numerics;

namespace Alc.Core.Pool;

/// <summary>
/// The PixelPick pool (Shin et al. 2021; the paper's Table 8 alternative to the diversified pool): rank
/// every admissible pixel of the image by an uncertainty, keep the top <c>fraction</c> (5%), and sample
/// <c>k</c> of them uniformly without replacement. Each sampled pixel is a candidate whose superpixel is
/// scanned like the diversified pool's, so look-ahead acquisitions and expansion work unchanged.
/// </summary>
public static class PixelPickPool
{
    /// <summary>Builds the pool of one image.</summary>
    /// <param name="image">The image.</param>
    /// <param name="k">Pixels to sample from the top fraction.</param>
    /// <param name="seed">Sampling seed (combined with the image key).</param>
    /// <param name="uncertainty">How pixels are ranked.</param>
    /// <param name="fraction">Share of pixels kept before sampling, in (0, 1]; 0.05 in PixelPick.</param>
    /// <param name="options">Superpixels to exclude.</param>
    public static ImagePool Build(ScoringImage image, int k, long seed, PixelUncertainty uncertainty = PixelUncertainty.Cil,
        double fraction = 0.05, PoolOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (!(fraction > 0 && fraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The kept fraction must be in (0, 1].");
        }

        options ??= PoolOptions.Default;
        int n = image.PixelCount;
        var superpixels = image.Superpixels;
        float[] keys = ArrayPool<float>.Shared.Rent(n);
        int[] order = ArrayPool<int>.Shared.Rent(n);
        try
        {
            int admissible = 0;
            for (int p = 0; p < n; p++)
            {
                if (!options.Admits(superpixels[p]))
                {
                    continue;
                }

                // Sort ascending on −u; Array.Sort is unstable, so ties are broken by pixel index below.
                keys[admissible] = -Uncertainty(image, p, uncertainty);
                order[admissible++] = p;
            }

            Array.Sort(keys, order, 0, admissible);
            int kept = (int)Math.Ceiling(fraction * admissible);
            StabiliseTies(keys, order, kept, admissible);
            Span<int> top = order.AsSpan(0, kept);

            // Seeded partial Fisher–Yates: the first min(k, kept) entries become the sample.
            int take = Math.Min(k, kept);
            for (int i = 0; i < take; i++)
            {
                int j = i + (int)(SplitMix64.Uniform(seed, image.Key, i) * (kept - i));
                (top[i], top[j]) = (top[j], top[i]);
            }

            return FromPixels(image, top[..take]);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(order);
        }
    }

    /// <summary>A pool whose candidates are exactly <paramref name="pixels"/>, with their superpixels' look-ahead sums.</summary>
    public static ImagePool FromPixels(ScoringImage image, ReadOnlySpan<int> pixels)
    {
        ArgumentNullException.ThrowIfNull(image);
        int classes = image.ClassCount;
        var index = image.Superpixels.Index;
        int largest = 0;
        foreach (int p in pixels)
        {
            if ((uint)p >= (uint)image.PixelCount)
            {
                throw new ArgumentOutOfRangeException(nameof(pixels), p, $"Pixel index {p} is outside the {image.PixelCount}-pixel image.");
            }

            largest = Math.Max(largest, index.PixelsOf(image.Superpixels[p]).Length);
        }

        var candidates = new PoolCandidate[pixels.Length];
        var cilSums = new double[pixels.Length];
        var directions = new double[pixels.Length * classes];
        // Each distinct superpixel is scanned once, however many candidates it holds (the no-pool ablation passes every pixel).
        var scanned = new Dictionary<int, int>();
        using var scan = new SuperpixelScan(image, largest);
        for (int i = 0; i < pixels.Length; i++)
        {
            int id = image.Superpixels[pixels[i]];
            Span<double> direction = directions.AsSpan(i * classes, classes);
            if (scanned.TryGetValue(id, out int first))
            {
                directions.AsSpan(first * classes, classes).CopyTo(direction);
                candidates[i] = candidates[first] with { Pixel = pixels[i] };
                cilSums[i] = cilSums[first];
                continue;
            }

            var stats = scan.Scan(index.PixelsOf(id), direction);
            candidates[i] = new PoolCandidate(id, pixels[i], stats.Size, stats.SubsetSize, stats.DominantLabel);
            cilSums[i] = stats.CilSum;
            scanned[id] = i;
        }

        return new ImagePool(image, candidates, cilSums, directions);
    }

    /// <summary>The uncertainty of one pixel (higher = more uncertain).</summary>
    public static float Uncertainty(ScoringImage image, int pixel, PixelUncertainty uncertainty)
    {
        ArgumentNullException.ThrowIfNull(image);
        ReadOnlySpan<float> f = image.Probabilities.At(pixel);
        switch (uncertainty)
        {
            case PixelUncertainty.Cil:
                return ConfidenceInLabel.Of(f, image.Labels[pixel]);
            case PixelUncertainty.Margin:
                Kernels.TopTwo(f, out float best, out float second);
                return best > 0 ? second / best : 0;
            case PixelUncertainty.Entropy:
                return (float)EntropyAcquisition.Entropy(f);
            default:
                throw new ArgumentOutOfRangeException(nameof(uncertainty), uncertainty, "Unknown pixel uncertainty.");
        }
    }

    // Within each run of equal keys, order pixels ascending so the kept set and its order are deterministic.
    private static void StabiliseTies(float[] keys, int[] order, int kept, int count)
    {
        int start = 0;
        while (start < kept)
        {
            int end = start + 1;
            while (end < count && keys[end] == keys[start])
            {
                end++;
            }

            Array.Sort(order, start, end - start);
            start = end;
        }
    }
}
