using Alc.Core.Numerics;

namespace Alc.Core.Acquisition;

/// <summary>
/// Confidence in label, eq. (8): a_CIL(x) = 1 − f(y(x); x). Where the current label is 255 (ignore) the
/// model's own argmax stands in for it, as the authors' code does.
/// </summary>
public static class ConfidenceInLabel
{
    /// <summary>a_CIL for one pixel with class vector <paramref name="f"/> and current label <paramref name="label"/>.</summary>
    public static float Of(ReadOnlySpan<float> f, byte label)
    {
        int y = label == Maps.LabelMap.Ignore ? Kernels.ArgMax(f) : label;
        return 1f - f[y];
    }

    /// <summary>a_CIL with the argmax already known (the pool scan computes it anyway).</summary>
    internal static float Of(ReadOnlySpan<float> f, byte label, int argmax) =>
        1f - f[label == Maps.LabelMap.Ignore ? argmax : label];
}
