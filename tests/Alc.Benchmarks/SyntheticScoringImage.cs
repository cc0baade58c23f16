using Alc.Core;
using Alc.Core.Maps;

namespace Alc.Benchmarks;

/// <summary>Seeded 512×512 scoring inputs with SAM-like (few large regions) or SLIC-like (many small cells) superpixels.</summary>
internal static class SyntheticScoringImage
{
    public const int Side = 512;

    public static ScoringImage Create(string layout, int classes, int seed = 1)
    {
        var random = new Random(seed);
        int n = Side * Side;
        int[] superpixels = layout switch
        {
            "sam" => Voronoi(random, 30),
            "slic" => Grid(2000),
            _ => throw new ArgumentException($"Unknown layout '{layout}'.", nameof(layout)),
        };

        // Each region has a dominant class; each pixel's logits favour it, with noise so some pixels disagree.
        var regionClass = new Dictionary<int, int>();
        var values = new float[n * classes];
        var labels = new byte[n];
        Span<float> logits = stackalloc float[classes];
        for (int p = 0; p < n; p++)
        {
            int id = superpixels[p];
            if (!regionClass.TryGetValue(id, out int dominant))
            {
                dominant = random.Next(classes);
                regionClass[id] = dominant;
            }

            float max = float.NegativeInfinity;
            for (int c = 0; c < classes; c++)
            {
                logits[c] = (float)(random.NextDouble() * 3) + (c == dominant ? 2.5f : 0f);
                max = Math.Max(max, logits[c]);
            }

            float sum = 0;
            for (int c = 0; c < classes; c++)
            {
                logits[c] = MathF.Exp(logits[c] - max);
                sum += logits[c];
            }

            for (int c = 0; c < classes; c++)
            {
                values[(p * classes) + c] = logits[c] / sum;
            }

            labels[p] = random.NextDouble() < 0.05 ? LabelMap.Ignore : (byte)(random.NextDouble() < 0.7 ? dominant : random.Next(classes));
        }

        var image = new ScoringImage(0, new ProbabilityMap(Side, Side, classes, values), new LabelMap(Side, Side, classes, labels),
            new SuperpixelMap(Side, Side, superpixels));
        _ = image.Superpixels.Index; // built once per dataset in practice, so outside the measurement
        return image;
    }

    private static int[] Voronoi(Random random, int regions)
    {
        var seeds = Enumerable.Range(0, regions).Select(_ => (x: random.Next(Side), y: random.Next(Side))).ToArray();
        var ids = new int[Side * Side];
        for (int y = 0; y < Side; y++)
        {
            for (int x = 0; x < Side; x++)
            {
                int best = 0;
                long bestDistance = long.MaxValue;
                for (int k = 0; k < regions; k++)
                {
                    long dx = x - seeds[k].x, dy = y - seeds[k].y;
                    long d = (dx * dx) + (dy * dy);
                    if (d < bestDistance)
                    {
                        bestDistance = d;
                        best = k;
                    }
                }

                ids[(y * Side) + x] = best + 1;
            }
        }

        return ids;
    }

    private static int[] Grid(int cells)
    {
        int step = (int)Math.Round(Math.Sqrt((double)Side * Side / cells));
        int perRow = (Side + step - 1) / step;
        var ids = new int[Side * Side];
        for (int y = 0; y < Side; y++)
        {
            for (int x = 0; x < Side; x++)
            {
                ids[(y * Side) + x] = 1 + ((y / step) * perRow) + (x / step);
            }
        }

        return ids;
    }
}
