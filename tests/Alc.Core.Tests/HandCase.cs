using Alc.Core;

namespace Alc.Core.Tests;

/// <summary>
/// The worked example used by the pool and acquisition tests: a 5×1 image, L = 3.
/// <code>
/// pixel  f(x)              ŷ  y    superpixel  a_CIL
///   0    (0.7, 0.2, 0.1)   0  0    1           1 − 0.7 = 0.3
///   1    (0.6, 0.3, 0.1)   0  1    1           1 − 0.3 = 0.7
///   2    (0.5, 0.1, 0.4)   0  255  1           1 − 0.5 = 0.5   (ignore → argmax 0)
///   3    (0.1, 0.8, 0.1)   1  1    1           1 − 0.8 = 0.2
///   4    (0.2, 0.2, 0.6)   2  2    2           1 − 0.6 = 0.4
/// </code>
/// Superpixel 1: D(s) = 0 (three votes), s' = {0, 1, 2}, mean m = (0.6, 0.2, 0.2), ‖m‖² = 0.44.
/// cos(f0, m) = 0.48 / √(0.54·0.44) = 0.98473; cos(f1, m) = 0.44 / √(0.46·0.44) = 0.97802;
/// cos(f2, m) = 0.40 / √(0.42·0.44) = 0.93048 → x_s = pixel 0.
/// </summary>
internal static class HandCase
{
    public static readonly float[][] F =
    [
        [0.7f, 0.2f, 0.1f],
        [0.6f, 0.3f, 0.1f],
        [0.5f, 0.1f, 0.4f],
        [0.1f, 0.8f, 0.1f],
        [0.2f, 0.2f, 0.6f],
    ];

    public static ScoringImage Image(int key = 0) =>
        TestImages.Image(5, 1, F, [0, 1, 255, 1, 2], [1, 1, 1, 1, 2], key);
}
