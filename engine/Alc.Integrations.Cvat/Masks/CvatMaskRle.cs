namespace Alc.Integrations.Cvat.Masks;

/// <summary>
/// The <c>points</c> of a CVAT mask shape (<c>"type": "mask"</c>), as cvat-sdk's <c>masks.py</c> writes and
/// reads them: run lengths over a box of the image, then the box.
/// </summary>
/// <remarks>
/// <para>The box's pixels are read row by row, left to right, top to bottom. The run lengths alternate between
/// unset and set pixels and always START WITH AN UNSET RUN, which has length 0 when the box's first pixel is set.
/// The last run is the one that reaches the box's last pixel; there is no trailing empty run. Four values follow
/// the runs: <c>left, top, right, bottom</c>, with right and bottom INCLUSIVE (see <see cref="CvatBox"/>).</para>
/// <para>Example: the 2×2 box at (3, 1) with pixels "set, set / unset, set" is <c>[0, 2, 1, 1, 3, 1, 4, 2]</c>;
/// an all-unset box of W×H pixels is <c>[W·H, left, top, right, bottom]</c>.</para>
/// <para>Masks are row-major <c>bool</c> arrays of the whole image: pixel (x, y) at index <c>y · width + x</c>.</para>
/// </remarks>
public static partial class CvatMaskRle
{
    /// <summary>Number of values after the runs: left, top, right, bottom.</summary>
    private const int BoxValues = 4;

    /// <summary>Checks a mask's image size and buffer: both sides positive, <paramref name="mask"/> W·H pixels long.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A side is zero or negative, or W·H is larger than an array can be.</exception>
    /// <exception cref="ArgumentException"><paramref name="mask"/> is not W·H pixels long.</exception>
    private static void CheckMask(ReadOnlySpan<bool> mask, int width, int height)
    {
        CheckImage(width, height);
        if (mask.Length != (long)width * height)
        {
            throw new ArgumentException($"A {width}×{height} mask has {(long)width * height} pixels, but {mask.Length} were given.", nameof(mask));
        }
    }

    /// <summary>Checks an image size: both sides positive and W·H pixels within the largest array.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A side is zero or negative, or W·H is larger than an array can be.</exception>
    private static void CheckImage(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if ((long)width * height > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"A {width}×{height} image has more pixels than an array can hold.");
        }
    }

    /// <summary>Whether <paramref name="box"/> is non-empty and lies inside a <paramref name="width"/>×<paramref name="height"/> image.</summary>
    private static bool Fits(CvatBox box, int width, int height) =>
        box.Left >= 0 && box.Top >= 0 && box.Left <= box.Right && box.Top <= box.Bottom && box.Right < width && box.Bottom < height;
}
