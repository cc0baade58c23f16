using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Alc.Core.Maps;

namespace Alc.Core.Pool;

/// <summary>
/// The x86 fast path of the scan for L ≤ 32: a pixel's classes are at most four 256-bit registers, the
/// last one read with a masked load (vmaskmovps never touches the masked-out memory), so no copy, no
/// overlap bookkeeping and a branch-free argmax. Same arithmetic as the portable path.
/// </summary>
internal sealed unsafe partial class SuperpixelScan
{
    private static bool FastPathSupported => Avx2.IsSupported && Fma.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ScanStatistics ScanAvx2(ReadOnlySpan<int> pixels, Span<double> weightedDirections)
    {
        int n = pixels.Length;
        int classes = _layout.Classes;
        int chunks = (classes + 7) / 8;
        int stride = chunks * 8;
        var tailMask = Vector256.GreaterThan(Vector256.Create(classes - ((chunks - 1) * 8)), Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7)).AsSingle();
        int[] counts = _classCounts;
        new Span<int>(counts, 0, classes).Clear();
        var zero = Vector256<float>.Zero;
        Vector256<float> b0 = zero, b1 = zero, b2 = zero, b3 = zero;
        double cilSum = 0;
        float cilBlock = 0;

        fixed (float* values = _image.Probabilities.Values)
        fixed (byte* labels = _image.Labels.Labels)
        fixed (int* pixel = pixels)
        fixed (float* sums = _classSums)
        fixed (byte* argmax = _argmax)
        fixed (float* inverseNorms = _inverseNorm)
        {
            // Pass A: every pixel of s.
            for (int i = 0; i < n; i++)
            {
                int p = pixel[i];
                float* f = values + ((long)p * classes);
                Vector256<float> v0 = chunks == 1 ? Avx.MaskLoad(f, tailMask) : Avx.LoadVector256(f);
                Vector256<float> v1 = chunks < 2 ? zero : chunks == 2 ? Avx.MaskLoad(f + 8, tailMask) : Avx.LoadVector256(f + 8);
                Vector256<float> v2 = chunks < 3 ? zero : chunks == 3 ? Avx.MaskLoad(f + 16, tailMask) : Avx.LoadVector256(f + 16);
                Vector256<float> v3 = chunks < 4 ? zero : Avx.MaskLoad(f + 24, tailMask);

                Vector256<float> max = Avx.Max(Avx.Max(v0, v1), Avx.Max(v2, v3));
                Vector128<float> m = Sse.Max(max.GetLower(), max.GetUpper());
                m = Sse.Max(m, Avx.Permute(m, 0b01_00_11_10));
                m = Sse.Max(m, Avx.Permute(m, 0b10_11_00_01));
                float best = m.ToScalar();
                // Lanes equal to the maximum, 8 bits per chunk; the lowest set bit is the lowest class (ties → lowest).
                var broadcast = Vector256.Create(best);
                uint equal = Vector256.Equals(v0, broadcast).ExtractMostSignificantBits()
                             | (Vector256.Equals(v1, broadcast).ExtractMostSignificantBits() << 8)
                             | (Vector256.Equals(v2, broadcast).ExtractMostSignificantBits() << 16)
                             | (Vector256.Equals(v3, broadcast).ExtractMostSignificantBits() << 24);
                int c = BitOperations.TrailingZeroCount(equal);
                argmax[i] = (byte)c;

                byte label = labels[p];
                float cil = 1f - (label == LabelMap.Ignore ? best : f[label]);
                Vector256<float> squares = Fma.MultiplyAdd(v0, v0, Fma.MultiplyAdd(v1, v1, Fma.MultiplyAdd(v2, v2, Avx.Multiply(v3, v3))));
                float inverseNorm = 1f / MathF.Sqrt(Vector256.Sum(squares));
                inverseNorms[i] = inverseNorm;
                var weight = Vector256.Create(cil * inverseNorm);
                b0 = Fma.MultiplyAdd(v0, weight, b0);
                b1 = Fma.MultiplyAdd(v1, weight, b1);
                b2 = Fma.MultiplyAdd(v2, weight, b2);
                b3 = Fma.MultiplyAdd(v3, weight, b3);

                float* row = sums + (c * stride);
                if (counts[c]++ == 0)
                {
                    new Span<float>(row, stride).Clear();
                }

                Avx.Store(row, Avx.Add(Avx.LoadVector256(row), v0));
                if (chunks > 1)
                {
                    Avx.Store(row + 8, Avx.Add(Avx.LoadVector256(row + 8), v1));
                    if (chunks > 2)
                    {
                        Avx.Store(row + 16, Avx.Add(Avx.LoadVector256(row + 16), v2));
                        if (chunks > 3)
                        {
                            Avx.Store(row + 24, Avx.Add(Avx.LoadVector256(row + 24), v3));
                        }
                    }
                }

                cilBlock += cil;
                if ((i & (BlockSize - 1)) == BlockSize - 1)
                {
                    FlushRegisters(weightedDirections, ref b0, ref b1, ref b2, ref b3);
                    cilSum += cilBlock;
                    cilBlock = 0;
                }
            }

            FlushRegisters(weightedDirections, ref b0, ref b1, ref b2, ref b3);
            cilSum += cilBlock;

            int dominant = 0;
            for (int c = 1; c < classes; c++)
            {
                if (counts[c] > counts[dominant])
                {
                    dominant = c;
                }
            }

            // Pass B: s' only; cos(f(x), m) ∝ f(x)·Σ_{s'} f / ‖f(x)‖ (see the portable path).
            float* mean = sums + (dominant * stride);
            Vector256<float> m0 = Avx.LoadVector256(mean);
            Vector256<float> m1 = chunks > 1 ? Avx.LoadVector256(mean + 8) : zero;
            Vector256<float> m2 = chunks > 2 ? Avx.LoadVector256(mean + 16) : zero;
            Vector256<float> m3 = chunks > 3 ? Avx.LoadVector256(mean + 24) : zero;
            float bestSimilarity = float.NegativeInfinity;
            int representative = -1;
            for (int i = 0; i < n; i++)
            {
                if (argmax[i] != dominant)
                {
                    continue;
                }

                float* f = values + ((long)pixel[i] * classes);
                Vector256<float> dot = Avx.Multiply(chunks == 1 ? Avx.MaskLoad(f, tailMask) : Avx.LoadVector256(f), m0);
                if (chunks > 1)
                {
                    dot = Fma.MultiplyAdd(chunks == 2 ? Avx.MaskLoad(f + 8, tailMask) : Avx.LoadVector256(f + 8), m1, dot);
                    if (chunks > 2)
                    {
                        dot = Fma.MultiplyAdd(chunks == 3 ? Avx.MaskLoad(f + 16, tailMask) : Avx.LoadVector256(f + 16), m2, dot);
                        if (chunks > 3)
                        {
                            dot = Fma.MultiplyAdd(Avx.MaskLoad(f + 24, tailMask), m3, dot);
                        }
                    }
                }

                float similarity = Vector256.Sum(dot) * inverseNorms[i];
                if (similarity > bestSimilarity)
                {
                    bestSimilarity = similarity;
                    representative = pixel[i];
                }
            }

            return new ScanStatistics(n, counts[dominant], (byte)dominant, representative, cilSum);
        }
    }

    // Adds the float block accumulators (chunk k lane j = class 8k + j) into the double totals.
    private static void FlushRegisters(Span<double> total, ref Vector256<float> b0, ref Vector256<float> b1,
        ref Vector256<float> b2, ref Vector256<float> b3)
    {
        for (int c = 0; c < total.Length; c++)
        {
            Vector256<float> chunk = (c >> 3) switch { 0 => b0, 1 => b1, 2 => b2, _ => b3 };
            total[c] += chunk.GetElement(c & 7);
        }

        b0 = b1 = b2 = b3 = Vector256<float>.Zero;
    }
}
