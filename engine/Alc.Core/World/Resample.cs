namespace Alc.Core.World;

/// <summary>Bilinear resampling of square grayscale photos, pixel centres aligned (as image libraries resize).</summary>
internal static class Resample
{
    /// <summary>The intensity of a <paramref name="side"/>² photo at continuous (x, y) in its own pixel units, edges clamped.</summary>
    public static double At(byte[] pixels, int side, double x, double y)
    {
        x = Math.Clamp(x, 0, side - 1);
        y = Math.Clamp(y, 0, side - 1);
        int x0 = (int)x, y0 = (int)y;
        int x1 = Math.Min(x0 + 1, side - 1), y1 = Math.Min(y0 + 1, side - 1);
        double fx = x - x0, fy = y - y0;
        double top = (pixels[(y0 * side) + x0] * (1 - fx)) + (pixels[(y0 * side) + x1] * fx);
        double bottom = (pixels[(y1 * side) + x0] * (1 - fx)) + (pixels[(y1 * side) + x1] * fx);
        return (top * (1 - fy)) + (bottom * fy);
    }

    /// <summary>The photo resized from <paramref name="side"/>² to <paramref name="to"/>².</summary>
    public static byte[] Square(byte[] pixels, int side, int to)
    {
        var result = new byte[to * to];
        double scale = (double)side / to;
        for (int y = 0; y < to; y++)
        {
            for (int x = 0; x < to; x++)
            {
                result[(y * to) + x] = (byte)Math.Clamp(Math.Round(At(pixels, side, ((x + 0.5) * scale) - 0.5, ((y + 0.5) * scale) - 0.5)), 0, 255);
            }
        }

        return result;
    }
}
