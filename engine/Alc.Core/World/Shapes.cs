using Alc.Core.Numerics;

namespace Alc.Core.World;

/// <summary>Random object silhouettes (ellipses, rotated rectangles, star-ish blobs) rasterised into masks.</summary>
internal static class Shapes
{
    /// <summary>Rasterises a random shape centred inside a <paramref name="size"/>² image into <paramref name="mask"/>.</summary>
    public static void Random(SeededRandom random, int size, bool[] mask, double minRadius, double maxRadius)
    {
        double cx = random.Uniform(0.15, 0.85) * size;
        double cy = random.Uniform(0.15, 0.85) * size;
        double radius = random.Uniform(minRadius, maxRadius) * size;
        double aspect = random.Uniform(0.55, 1.0);
        double angle = random.Uniform(0, Math.PI);
        int kind = random.Next(3);
        // Blob: radius modulated by a few low harmonics.
        Span<double> amplitude = stackalloc double[3];
        Span<double> phase = stackalloc double[3];
        for (int k = 0; k < 3; k++)
        {
            amplitude[k] = random.Uniform(0, 0.15);
            phase[k] = random.Uniform(0, 2 * Math.PI);
        }

        double cos = Math.Cos(angle), sin = Math.Sin(angle);
        int x0 = Math.Max(0, (int)(cx - (1.5 * radius))), x1 = Math.Min(size - 1, (int)(cx + (1.5 * radius)));
        int y0 = Math.Max(0, (int)(cy - (1.5 * radius))), y1 = Math.Min(size - 1, (int)(cy + (1.5 * radius)));
        Array.Clear(mask);
        for (int y = y0; y <= y1; y++)
        {
            for (int x = x0; x <= x1; x++)
            {
                double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
                double u = ((dx * cos) + (dy * sin)) / radius;
                double v = ((-dx * sin) + (dy * cos)) / (radius * aspect);
                bool inside = kind switch
                {
                    0 => (u * u) + (v * v) <= 1,
                    1 => Math.Abs(u) <= 0.85 && Math.Abs(v) <= 0.85,
                    _ => Math.Sqrt((u * u) + (v * v)) <= 1 + Harmonics(Math.Atan2(v, u), amplitude, phase),
                };
                mask[(y * size) + x] = inside;
            }
        }
    }

    private static double Harmonics(double theta, ReadOnlySpan<double> amplitude, ReadOnlySpan<double> phase)
    {
        double r = 0;
        for (int k = 0; k < amplitude.Length; k++)
        {
            r += amplitude[k] * Math.Sin(((k + 2) * theta) + phase[k]);
        }

        return r;
    }
}
