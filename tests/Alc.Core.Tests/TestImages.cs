using Alc.Core;
using Alc.Core.Maps;
using CsCheck;

namespace Alc.Core.Tests;

/// <summary>Builds small maps from literal values, and random images for property tests.</summary>
internal static class TestImages
{
    public static ProbabilityMap Probabilities(int width, int height, params float[][] perPixel)
    {
        int classes = perPixel[0].Length;
        return new ProbabilityMap(width, height, classes, perPixel.SelectMany(v => v).ToArray());
    }

    public static ScoringImage Image(int width, int height, float[][] f, byte[] labels, int[] superpixels, int key = 0)
    {
        var probabilities = Probabilities(width, height, f);
        return new ScoringImage(key, probabilities,
            new LabelMap(width, height, probabilities.ClassCount, labels),
            new SuperpixelMap(width, height, superpixels));
    }

    /// <summary>Random images up to 7×7 with 1–5 classes, 0–4 superpixel ids, some ignore labels.</summary>
    public static Gen<ScoringImage> Random(int maxSide = 7, int maxClasses = 5, int maxId = 4) =>
        from width in Gen.Int[1, maxSide]
        from height in Gen.Int[1, maxSide]
        from classes in Gen.Int[1, maxClasses]
        from ids in Gen.Int[0, maxId].Array[width * height]
        from raw in Gen.Int[1, 1000].Array[width * height * classes]
        from labels in Gen.Int[0, classes].Array[width * height]
        from key in Gen.Int[0, 100]
        select Build(width, height, classes, ids, raw, labels, key);

    private static ScoringImage Build(int width, int height, int classes, int[] ids, int[] raw, int[] labels, int key)
    {
        var values = new float[raw.Length];
        for (int p = 0; p < width * height; p++)
        {
            double sum = 0;
            for (int c = 0; c < classes; c++)
            {
                sum += raw[p * classes + c];
            }

            for (int c = 0; c < classes; c++)
            {
                values[p * classes + c] = (float)(raw[p * classes + c] / sum);
            }
        }

        // Label value == classes stands for "ignore".
        var bytes = labels.Select(l => l == classes ? LabelMap.Ignore : (byte)l).ToArray();
        return new ScoringImage(key, new ProbabilityMap(width, height, classes, values),
            new LabelMap(width, height, classes, bytes), new SuperpixelMap(width, height, ids));
    }

    /// <summary>The scores an acquisition gives every candidate of a pool.</summary>
    public static double[] Scores(Alc.Core.Acquisition.IAcquisition acquisition, Alc.Core.Pool.ImagePool pool)
    {
        var scores = new double[pool.Count];
        acquisition.Score(pool, scores);
        return scores;
    }

    /// <summary>Plain double-precision cosine, the reference for the vectorised code.</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double dot = 0, na = 0, nb = 0;
        for (int c = 0; c < a.Length; c++)
        {
            dot += (double)a[c] * b[c];
            na += (double)a[c] * a[c];
            nb += (double)b[c] * b[c];
        }

        return dot / Math.Sqrt(na * nb);
    }
}
