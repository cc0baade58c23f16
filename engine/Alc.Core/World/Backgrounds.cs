using Alc.Core.Numerics;

namespace Alc.Core.World;

/// <summary>
/// Textured backgrounds for the photo world: two surfaces (a wall and a floor, split at a random height and slant), each
/// wood grain, woven fabric or mottled stone in a muted colour — large background regions with texture a model must
/// learn to ignore.
/// </summary>
internal static class Backgrounds
{
    /// <summary>Paints a <paramref name="size"/>² background as interleaved RGB doubles.</summary>
    public static double[] Paint(SeededRandom random, int size)
    {
        var rgb = new double[size * size * 3];
        double split = random.Uniform(0.2, 0.8) * size, slant = random.Uniform(-0.3, 0.3);
        var surfaces = new[] { Surface.Draw(random, size), Surface.Draw(random, size) };
        for (int y = 0; y < size; y++)
        {
            for (int x = 0; x < size; x++)
            {
                var s = surfaces[y < split + (slant * (x - (size / 2.0))) ? 0 : 1];
                double t = s.Texture(x, y);
                int p = 3 * ((y * size) + x);
                rgb[p] = s.R + t;
                rgb[p + 1] = s.G + t;
                rgb[p + 2] = s.B + t;
            }
        }

        return rgb;
    }

    private sealed record Surface(double R, double G, double B, int Kind, double Period, double Angle, double Amplitude, double[] Noise, int Grid)
    {
        public static Surface Draw(SeededRandom random, int size)
        {
            double grey = random.Uniform(60, 200);
            int grid = 9;
            var noise = new double[grid * grid];
            for (int i = 0; i < noise.Length; i++)
            {
                noise[i] = random.Uniform(-1, 1);
            }

            return new Surface(
                grey + random.Uniform(-35, 35), grey + random.Uniform(-35, 35), grey + random.Uniform(-35, 35),
                random.Next(3), random.Uniform(3, 9), random.Uniform(0, Math.PI), random.Uniform(8, 22), noise, grid)
            { Size = size };
        }

        public int Size { get; init; }

        /// <summary>The texture's offset at (x, y): grain, weave or stone.</summary>
        public double Texture(int x, int y)
        {
            double n = Smooth(x, y);
            double u = (x * Math.Cos(Angle)) + (y * Math.Sin(Angle)), v = (-x * Math.Sin(Angle)) + (y * Math.Cos(Angle));
            return Kind switch
            {
                0 => Amplitude * Math.Sin((2 * Math.PI * u / Period) + (4 * n)),                                          // wood grain
                1 => Amplitude * 0.6 * (Math.Sin(2 * Math.PI * u / Period) * Math.Sin(2 * Math.PI * v / Period) > 0 ? 1 : -1), // weave
                _ => Amplitude * 1.5 * n,                                                                                  // stone
            };
        }

        // Value noise: a coarse grid of random values, bilinearly interpolated over the image.
        private double Smooth(int x, int y)
        {
            double gx = x * (Grid - 1) / (double)Size, gy = y * (Grid - 1) / (double)Size;
            int x0 = Math.Min((int)gx, Grid - 2), y0 = Math.Min((int)gy, Grid - 2);
            double fx = gx - x0, fy = gy - y0;
            double top = (Noise[(y0 * Grid) + x0] * (1 - fx)) + (Noise[(y0 * Grid) + x0 + 1] * fx);
            double bottom = (Noise[((y0 + 1) * Grid) + x0] * (1 - fx)) + (Noise[((y0 + 1) * Grid) + x0 + 1] * fx);
            return (top * (1 - fy)) + (bottom * fy);
        }
    }
}
