using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Alc.Core.Maps;
using Alc.Core.Numerics;

namespace Alc.Core.Pool;

/// <summary>
/// The one streaming pass over a superpixel s that the pool and the look-ahead acquisitions share.
/// Pass A visits every pixel of s once and accumulates: the predicted class ŷ(x) and its count per class
/// (eq. 5), the per-class sum of f(x) (for the mean over s', eq. 4 and 6), Σ a_CIL(x_i) (eq. 10) and
/// Σ a_CIL(x_i)·f(x_i)/‖f(x_i)‖ (eq. 9 factored as u·Σ v_i·CIL_i). Pass B visits s' only and picks the
/// representative by cosine to the mean (eq. 4). Cost O(|s|·L) with 256-bit SIMD over the class axis
/// (<see cref="ClassChunks"/>); no allocation per pixel.
/// </summary>
/// <remarks>
/// Not thread-safe: one scanner per image and thread; Dispose returns its rented buffers. The loops are
/// compiled fully optimised at once (AggressiveOptimization): each runs once per superpixel, too few
/// calls for tiered compilation to promote it before a pool is done. This file is the portable path;
/// SuperpixelScan.Avx2.cs is the x86 fast path for L ≤ 32, and a property test holds them equal.
/// </remarks>
internal sealed partial class SuperpixelScan : IDisposable
{
    // Float accumulators are flushed into doubles every BlockSize pixels so that sums over
    // superpixels of 10^5–10^6 pixels keep ~1e-7 relative accuracy without double-width SIMD.
    private const int BlockSize = 512;

    private readonly ScoringImage _image;
    private readonly ClassChunks _layout;
    private readonly byte[] _argmax;
    private readonly float[] _inverseNorm;
    private readonly float[] _classSums;
    private readonly int[] _classCounts;
    private readonly float[] _padded = new float[8];
    private readonly bool _useFastPath;

    /// <param name="image">The image.</param>
    /// <param name="largestSuperpixel">Size of the largest superpixel that will be scanned.</param>
    /// <param name="allowFastPath">Use the x86 AVX2 path where the CPU has it and L ≤ 32 (tests turn it off to check the portable path).</param>
    public SuperpixelScan(ScoringImage image, int largestSuperpixel, bool allowFastPath = true)
    {
        _image = image;
        _useFastPath = allowFastPath && FastPathSupported && image.ClassCount <= 32;
        _layout = new ClassChunks(image.ClassCount);
        int n = Math.Max(1, largestSuperpixel);
        _argmax = ArrayPool<byte>.Shared.Rent(n);
        _inverseNorm = ArrayPool<float>.Shared.Rent(n);
        _classSums = ArrayPool<float>.Shared.Rent(image.ClassCount * _layout.Chunks * 8);
        _classCounts = ArrayPool<int>.Shared.Rent(image.ClassCount);
    }

    /// <summary>
    /// Scans superpixel <paramref name="pixels"/> (ascending linear indices). Writes Σ a_CIL·v into
    /// <paramref name="weightedDirections"/> (length L) and returns the statistics; <c>Size == 0</c> for an empty superpixel.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ScanStatistics Scan(ReadOnlySpan<int> pixels, Span<double> weightedDirections)
    {
        int n = pixels.Length;
        int classes = _layout.Classes;
        int chunks = _layout.Chunks;
        weightedDirections.Clear();
        if (n == 0)
        {
            return default;
        }

        if (_useFastPath)
        {
            return ScanAvx2(pixels, weightedDirections);
        }

        ReadOnlySpan<float> values = _image.Probabilities.Values;
        Span<int> counts = _classCounts.AsSpan(0, classes);
        counts.Clear();
        // Per-class sums of f in chunk space: row c holds `chunks` vectors.
        Span<Vector256<float>> sums = MemoryMarshal.Cast<float, Vector256<float>>(_classSums.AsSpan(0, classes * chunks * 8));
        Span<Vector256<float>> f = stackalloc Vector256<float>[chunks];
        Span<Vector256<float>> block = stackalloc Vector256<float>[chunks];
        block.Clear();
        double cilSum = 0;
        float cilBlock = 0;

        // Pass A: every pixel of s.
        Accumulate(pixels, weightedDirections, sums, f, block, ref cilBlock, ref cilSum);

        Flush(block, weightedDirections, ref cilBlock, ref cilSum);

        int dominant = 0;
        for (int c = 1; c < classes; c++)
        {
            if (counts[c] > counts[dominant])
            {
                dominant = c;
            }
        }

        // Pass B: s' only. cos(f(x), m) ∝ f(x)·Σf / ‖f(x)‖; the positive factor 1/(|s'|·‖m‖) is the
        // same for every x, so the argmax needs neither the division into a mean nor ‖m‖.
        ReadOnlySpan<Vector256<float>> mean = sums.Slice(dominant * chunks, chunks);
        float bestSimilarity = float.NegativeInfinity;
        int representative = -1;
        for (int i = 0; i < n; i++)
        {
            if (_argmax[i] != dominant)
            {
                continue;
            }

            ReadOnlySpan<float> pixel = Pixel(values, pixels[i]);
            Vector256<float> dot = Vector256<float>.Zero;
            for (int k = 0; k < chunks; k++)
            {
                dot = Vector256.FusedMultiplyAdd(_layout.Load(pixel, k), mean[k], dot);
            }

            float similarity = Vector256.Sum(dot) * _inverseNorm[i];
            if (similarity > bestSimilarity)
            {
                bestSimilarity = similarity;
                representative = pixels[i];
            }
        }

        return new ScanStatistics(n, counts[dominant], (byte)dominant, representative, cilSum);
    }

    // Pass A for any L: chunks live in a stack buffer.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Accumulate(ReadOnlySpan<int> pixels, Span<double> weightedDirections, Span<Vector256<float>> sums,
        Span<Vector256<float>> f, Span<Vector256<float>> block, ref float cilBlock, ref double cilSum)
    {
        int chunks = _layout.Chunks;
        ReadOnlySpan<float> values = _image.Probabilities.Values;
        ReadOnlySpan<byte> labels = _image.Labels.Labels;
        Span<int> counts = _classCounts.AsSpan(0, _layout.Classes);
        int n = pixels.Length;
        for (int i = 0; i < n; i++)
        {
            int p = pixels[i];
            ReadOnlySpan<float> pixel = Pixel(values, p);
            Vector256<float> max = Vector256<float>.Zero;
            Vector256<float> squares = Vector256<float>.Zero;
            for (int k = 0; k < chunks; k++)
            {
                Vector256<float> v = _layout.Load(pixel, k);
                f[k] = v;
                max = Vector256.MaxNative(max, v);
                squares = Vector256.FusedMultiplyAdd(v, v, squares);
            }

            float best = ClassChunks.HorizontalMax(max);
            int c = ArgMax(f, best);
            _argmax[i] = (byte)c;
            byte label = labels[p];
            float cil = 1f - (label == LabelMap.Ignore ? best : pixel[label]);
            float inverseNorm = 1f / MathF.Sqrt(Vector256.Sum(squares));
            _inverseNorm[i] = inverseNorm;
            var weight = Vector256.Create(cil * inverseNorm);
            Span<Vector256<float>> row = sums.Slice(c * chunks, chunks);
            bool first = counts[c]++ == 0;
            for (int k = 0; k < chunks; k++)
            {
                block[k] = Vector256.FusedMultiplyAdd(f[k], weight, block[k]);
                row[k] = first ? f[k] : row[k] + f[k];
            }

            cilBlock += cil;
            if ((i & (BlockSize - 1)) == BlockSize - 1)
            {
                Flush(block, weightedDirections, ref cilBlock, ref cilSum);
            }
        }

    }

    // The pixel's values, or for L < 8 a zero-padded copy that one 8-lane load can read.
    private ReadOnlySpan<float> Pixel(ReadOnlySpan<float> values, int p)
    {
        ReadOnlySpan<float> pixel = values.Slice(p * _layout.Classes, _layout.Classes);
        if (!_layout.Padded)
        {
            return pixel;
        }

        pixel.CopyTo(_padded);
        return _padded;
    }

    // First class whose value equals the maximum: chunks in order, lanes in order, so ties go to the lowest class.
    private int ArgMax(ReadOnlySpan<Vector256<float>> f, float best)
    {
        for (int k = 0; k < f.Length; k++)
        {
            int lane = ClassChunks.FirstLaneEqual(f[k], best);
            if (lane >= 0)
            {
                return _layout.ClassOfLane(k, lane);
            }
        }

        throw new InvalidOperationException("The maximum of a pixel's class vector was not found among its values.");
    }

    private void Flush(Span<Vector256<float>> block, Span<double> total, ref float cilBlock, ref double cilSum)
    {
        for (int k = 0; k < block.Length; k++)
        {
            for (int lane = 0; lane < 8; lane++)
            {
                int c = _layout.ClassOfLane(k, lane);
                if (c >= 0)
                {
                    total[c] += block[k].GetElement(lane);
                }
            }
        }

        block.Clear();
        cilSum += cilBlock;
        cilBlock = 0;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_argmax);
        ArrayPool<float>.Shared.Return(_inverseNorm);
        ArrayPool<float>.Shared.Return(_classSums);
        ArrayPool<int>.Shared.Return(_classCounts);
    }
}

/// <summary>What one scan learned about a superpixel.</summary>
/// <param name="Size">|s|; 0 for an empty superpixel (then nothing else is meaningful).</param>
/// <param name="SubsetSize">|s'|.</param>
/// <param name="DominantLabel">D(s).</param>
/// <param name="Representative">x_s by eq. (4).</param>
/// <param name="CilSum">Σ_{x_i∈s} a_CIL(x_i).</param>
internal readonly record struct ScanStatistics(int Size, int SubsetSize, byte DominantLabel, int Representative, double CilSum);
