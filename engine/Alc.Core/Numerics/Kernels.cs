using System.Numerics.Tensors;

namespace Alc.Core.Numerics;

/// <summary>Small vectorised operations on one pixel's class vector (length L).</summary>
internal static class Kernels
{
    /// <summary>argmax_c f(c); ties go to the lowest class id.</summary>
    public static int ArgMax(ReadOnlySpan<float> f)
    {
        float max = TensorPrimitives.Max(f);
        return f.IndexOf(max);
    }

    /// <summary>Index of the largest value and the second largest value (0 when L = 1), for BvSB margins.</summary>
    public static int TopTwo(ReadOnlySpan<float> f, out float best, out float second)
    {
        best = float.NegativeInfinity;
        second = float.NegativeInfinity;
        int arg = -1;
        for (int c = 0; c < f.Length; c++)
        {
            float v = f[c];
            if (v > best)
            {
                second = best;
                best = v;
                arg = c;
            }
            else if (v > second)
            {
                second = v;
            }
        }

        // One class: there is no runner-up, so the margin ratio is 0 (no doubt).
        if (float.IsNegativeInfinity(second))
        {
            second = 0f;
        }

        return arg;
    }

    /// <summary>Cosine similarity of two class vectors; 0 when either is the zero vector.</summary>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        float denominator = MathF.Sqrt(TensorPrimitives.Dot(a, a) * TensorPrimitives.Dot(b, b));
        return denominator > 0f ? TensorPrimitives.Dot(a, b) / denominator : 0f;
    }
}
