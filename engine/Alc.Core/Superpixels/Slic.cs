using System.Buffers;
using System.Numerics.Tensors;
using Alc.Core.Maps;

namespace Alc.Core.Superpixels;

/// <summary>
/// SLIC superpixels (Achanta et al., TPAMI 2012) with the semantics of <c>skimage.segmentation.slic</c>
/// at start_label = 1, sigma = 0, slic_zero = False:
/// <list type="number">
/// <item>rescale the bytes to [0, 1] by the image's min and max over all channels, convert sRGB to CIE L*a*b* (D65);</item>
/// <item>seed centroids on <c>regular_grid((1, H, W), n)</c>: step S ≈ √(H·W/n) rounded half to even, first seed at ⌊S/2⌋;</item>
/// <item>k-means with d = (Δy² + Δx²)/S² + ‖Δlab‖²/m² over a ±2S window, at most <see cref="SlicOptions.MaxIterations"/> times
/// (centroid colours start at 0, as in scikit-image);</item>
/// <item>optionally relabel into 4-connected pieces, merging pieces smaller than
/// <see cref="SlicOptions.MinSizeFactor"/>·H·W/K (K seeds) into an adjacent piece.</item>
/// </list>
/// Ids start at 1, so 0 never occurs; with connectivity enforced they are exactly 1..count, numbered in raster
/// order of each superpixel's first pixel. Single-threaded and deterministic.
/// </summary>
/// <remarks>
/// The arithmetic follows scikit-image step by step in double precision, so the ids equal scikit-image's
/// whenever both evaluate pow and cbrt alike: identical to its pipeline run with the C library's pow/cbrt.
/// numpy's SIMD pow/cbrt can differ from those by one ulp, which on rare near-ties moves a few pixels.
/// Iteration stops before <see cref="SlicOptions.MaxIterations"/> only when no centroid moved, after which
/// every further pass would repeat the same assignment. A seed that loses all its pixels is dropped, as
/// scikit-image's 0/0 centroid drops out. Working memory (about 28 bytes per pixel) comes from the shared array pools.
/// </remarks>
public static class Slic
{
    /// <summary>Segments an interleaved RGB image (3 bytes per pixel, row-major) into superpixels.</summary>
    /// <param name="rgb">The pixels, R, G, B per pixel, row-major; length 3·width·height.</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    /// <param name="options">Parameters; <see cref="SlicOptions.Default"/> when null.</param>
    /// <returns>One superpixel id ≥ 1 per pixel, row-major.</returns>
    /// <exception cref="ArgumentException">The size is out of range or disagrees with the length of <paramref name="rgb"/>.</exception>
    public static int[] Segment(ReadOnlySpan<byte> rgb, int width, int height, SlicOptions? options = null)
    {
        MapValidation.RequireSize(width, height, rgb.Length, 3, nameof(rgb));
        int[] ids = new int[width * height];
        Segment(rgb, width, height, ids, options);
        return ids;
    }

    /// <summary>Segments an interleaved RGB image and wraps the ids as a <see cref="SuperpixelMap"/>.</summary>
    /// <param name="rgb">The pixels, R, G, B per pixel, row-major; length 3·width·height.</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    /// <param name="options">Parameters; <see cref="SlicOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The size is out of range or disagrees with the length of <paramref name="rgb"/>.</exception>
    public static SuperpixelMap SegmentMap(ReadOnlySpan<byte> rgb, int width, int height, SlicOptions? options = null) =>
        new(width, height, Segment(rgb, width, height, options));

    /// <summary>Segments an interleaved RGB image into a caller-owned id buffer.</summary>
    /// <param name="rgb">The pixels, R, G, B per pixel, row-major; length 3·width·height.</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    /// <param name="ids">Receives one superpixel id ≥ 1 per pixel, row-major; length width·height.</param>
    /// <param name="options">Parameters; <see cref="SlicOptions.Default"/> when null.</param>
    /// <returns>
    /// The largest id written. With <see cref="SlicOptions.EnforceConnectivity"/> the ids are exactly 1..that;
    /// without it they are seed numbers, and seeds that ended with no pixel leave gaps.
    /// </returns>
    /// <exception cref="ArgumentException">A size is out of range or disagrees with a buffer length.</exception>
    public static int Segment(ReadOnlySpan<byte> rgb, int width, int height, Span<int> ids, SlicOptions? options = null)
    {
        MapValidation.RequireSize(width, height, rgb.Length, 3, nameof(rgb));
        int n = width * height;
        if (ids.Length != n)
        {
            throw new ArgumentException($"Expected {n} ids for a {width}×{height} image, got {ids.Length}.", nameof(ids));
        }

        options ??= SlicOptions.Default;

        // Seeds: regular_grid over (depth 1, H, W); S is the largest step, as in scikit-image.
        ReadOnlySpan<int> shape = [1, height, width];
        Span<int> starts = stackalloc int[3];
        Span<int> steps = stackalloc int[3];
        RegularGrid.Compute(shape, options.SegmentCount, starts, steps);
        int seedsY = ((height - starts[1] - 1) / steps[1]) + 1;
        int seedsX = ((width - starts[2] - 1) / steps[2]) + 1;
        int seeds = seedsY * seedsX;
        double step = Math.Max(steps[0], Math.Max(steps[1], steps[2]));

        // scikit-image sizes the search windows from a second grid computed for the seeds actually placed.
        Span<int> windowStarts = stackalloc int[3];
        Span<int> windowSteps = stackalloc int[3];
        RegularGrid.Compute(shape, seeds, windowStarts, windowSteps);

        double[] l = ArrayPool<double>.Shared.Rent(n);
        double[] a = ArrayPool<double>.Shared.Rent(n);
        double[] b = ArrayPool<double>.Shared.Rent(n);
        try
        {
            Span<double> lPlane = l.AsSpan(0, n), aPlane = a.AsSpan(0, n), bPlane = b.AsSpan(0, n);
            LabPlanes.FromRgb(rgb, 1.0 / options.Compactness, lPlane, aPlane, bPlane);

            using var clustering = new SlicClustering(width, height, seeds, windowSteps[1], windowSteps[2], 1.0 / (step * step));
            Span<double> centres = clustering.Centroids;
            for (int iy = 0, k = 0; iy < seedsY; iy++)
            {
                for (int ix = 0; ix < seedsX; ix++, k++)
                {
                    centres[k * SlicClustering.Stride] = starts[1] + (iy * steps[1]);
                    centres[(k * SlicClustering.Stride) + 1] = starts[2] + (ix * steps[2]);
                }
            }

            // Without connectivity the clustering writes straight into the caller's buffer.
            int[]? rented = options.EnforceConnectivity ? ArrayPool<int>.Shared.Rent(n) : null;
            try
            {
                Span<int> assigned = rented is null ? ids : rented.AsSpan(0, n);
                assigned.Clear();
                for (int iteration = 1; ; iteration++)
                {
                    clustering.Assign(lPlane, aPlane, bPlane, assigned);
                    if (iteration >= options.MaxIterations || !clustering.Update(lPlane, aPlane, bPlane, assigned))
                    {
                        break;
                    }
                }

                return rented is null
                    ? TensorPrimitives.Max<int>(ids)
                    : EnforceConnectivity(assigned, width, seeds, options, ids);
            }
            finally
            {
                if (rented is not null)
                {
                    ArrayPool<int>.Shared.Return(rented);
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(l);
            ArrayPool<double>.Shared.Return(a);
            ArrayPool<double>.Shared.Return(b);
        }
    }

    private static int EnforceConnectivity(ReadOnlySpan<int> assigned, int width, int seeds, SlicOptions options, Span<int> ids)
    {
        int n = assigned.Length;
        double segmentSize = (double)n / seeds;

        // Truncated like Python's int(); clamped to what can matter for n pixels (a piece never exceeds n),
        // and the piece limit to ≥ 1, where scikit-image would overrun its buffer.
        int minSize = (int)Math.Min(options.MinSizeFactor * segmentSize, n + 1.0);
        int maxSize = Math.Max(1, (int)Math.Min(options.MaxSizeFactor * segmentSize, n));
        int[] queue = ArrayPool<int>.Shared.Rent(maxSize);
        try
        {
            return SlicConnectivity.Enforce(assigned, width, minSize, maxSize, ids, queue.AsSpan(0, maxSize));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(queue);
        }
    }
}
