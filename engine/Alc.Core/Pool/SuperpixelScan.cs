using System.Buffers;
using System.Numerics.Tensors;
using Alc.Core.Acquisition;
using Alc.Core.Numerics;

namespace Alc.Core.Pool;

/// <summary>
/// The one streaming pass over a superpixel s that the pool and the look-ahead acquisitions share.
/// Pass A visits every pixel of s once and accumulates: the predicted class ŷ(x) and its count per class
/// (eq. 5), the per-class sum of f(x) (for the mean over s', eq. 4 and 6), Σ a_CIL(x_i) (eq. 10) and
/// Σ a_CIL(x_i)·f(x_i)/‖f(x_i)‖ (eq. 9 factored as u·Σ v_i·CIL_i). Pass B visits s' only and picks the
/// representative by cosine to the mean (eq. 4). Cost O(|s|·L); no allocation per pixel.
/// </summary>
/// <remarks>Not thread-safe: one scanner per image and thread. Dispose returns its rented buffers.</remarks>
internal sealed class SuperpixelScan : IDisposable
{
    // Float accumulators are flushed into doubles every BlockSize pixels so that sums over
    // superpixels of 10^5–10^6 pixels keep ~1e-7 relative accuracy without double-width SIMD.
    private const int BlockSize = 512;

    private readonly ScoringImage _image;
    private readonly int _classes;
    private readonly byte[] _argmax;
    private readonly float[] _inverseNorm;
    private readonly float[] _classSums;
    private readonly int[] _classCounts;
    private readonly float[] _blockDirection;

    public SuperpixelScan(ScoringImage image, int largestSuperpixel)
    {
        _image = image;
        _classes = image.ClassCount;
        int n = Math.Max(1, largestSuperpixel);
        _argmax = ArrayPool<byte>.Shared.Rent(n);
        _inverseNorm = ArrayPool<float>.Shared.Rent(n);
        _classSums = ArrayPool<float>.Shared.Rent(_classes * _classes);
        _classCounts = ArrayPool<int>.Shared.Rent(_classes);
        _blockDirection = ArrayPool<float>.Shared.Rent(_classes);
    }

    /// <summary>
    /// Scans superpixel <paramref name="pixels"/> (ascending linear indices). Writes Σ a_CIL·v into
    /// <paramref name="weightedDirections"/> (length L) and returns the statistics; <c>Size == 0</c> for an empty superpixel.
    /// </summary>
    public ScanStatistics Scan(ReadOnlySpan<int> pixels, Span<double> weightedDirections)
    {
        int n = pixels.Length;
        int classes = _classes;
        weightedDirections.Clear();
        if (n == 0)
        {
            return default;
        }

        ReadOnlySpan<float> values = _image.Probabilities.Values;
        ReadOnlySpan<byte> labels = _image.Labels.Labels;
        Span<int> counts = _classCounts.AsSpan(0, classes);
        Span<float> sums = _classSums.AsSpan(0, classes * classes);
        Span<float> block = _blockDirection.AsSpan(0, classes);
        counts.Clear();
        block.Clear();
        double cilSum = 0;
        float cilBlock = 0;

        // Pass A: every pixel of s.
        for (int i = 0; i < n; i++)
        {
            int p = pixels[i];
            ReadOnlySpan<float> f = values.Slice(p * classes, classes);
            int c = Kernels.ArgMax(f);
            _argmax[i] = (byte)c;
            float cil = ConfidenceInLabel.Of(f, labels[p], c);
            float inverseNorm = 1f / MathF.Sqrt(TensorPrimitives.Dot(f, f));
            _inverseNorm[i] = inverseNorm;
            TensorPrimitives.MultiplyAdd(f, cil * inverseNorm, block, block);
            Span<float> classSum = sums.Slice(c * classes, classes);
            if (counts[c]++ == 0)
            {
                f.CopyTo(classSum);
            }
            else
            {
                TensorPrimitives.Add(classSum, f, classSum);
            }

            cilBlock += cil;
            if ((i & (BlockSize - 1)) == BlockSize - 1)
            {
                Flush(block, weightedDirections, ref cilBlock, ref cilSum);
            }
        }

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
        ReadOnlySpan<float> meanDirection = sums.Slice(dominant * classes, classes);
        float best = float.NegativeInfinity;
        int representative = -1;
        for (int i = 0; i < n; i++)
        {
            if (_argmax[i] != dominant)
            {
                continue;
            }

            float similarity = TensorPrimitives.Dot(values.Slice(pixels[i] * classes, classes), meanDirection) * _inverseNorm[i];
            if (similarity > best)
            {
                best = similarity;
                representative = pixels[i];
            }
        }

        return new ScanStatistics(n, counts[dominant], (byte)dominant, representative, cilSum);
    }

    private static void Flush(Span<float> block, Span<double> total, ref float cilBlock, ref double cilSum)
    {
        for (int c = 0; c < block.Length; c++)
        {
            total[c] += block[c];
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
        ArrayPool<float>.Shared.Return(_blockDirection);
    }
}

/// <summary>What one scan learned about a superpixel.</summary>
/// <param name="Size">|s|; 0 for an empty superpixel (then nothing else is meaningful).</param>
/// <param name="SubsetSize">|s'|.</param>
/// <param name="DominantLabel">D(s).</param>
/// <param name="Representative">x_s by eq. (4).</param>
/// <param name="CilSum">Σ_{x_i∈s} a_CIL(x_i).</param>
internal readonly record struct ScanStatistics(int Size, int SubsetSize, byte DominantLabel, int Representative, double CilSum);
