using Alc.Core.Numerics;

namespace Alc.Core.World;

/// <summary>
/// The photo world's weak detector: a nearest-neighbour classifier (cosine similarity of mean-removed, unit-norm pixel
/// vectors) that knows only a few photos per class. It is a real model that really errs — mostly between classes that look alike (shirt,
/// T-shirt, pullover and coat; sneaker, sandal and ankle boot) and on items shrunk to a few pixels — the way
/// Grounded-SAM's text-prompted detector errs on a dataset it was not trained for.
/// </summary>
public sealed class FewShotClassifier
{
    private readonly int _side;
    private readonly double[][] _shots;
    private readonly int[] _labels;

    private FewShotClassifier(int side, double[][] shots, int[] labels)
    {
        _side = side;
        _shots = shots;
        _labels = labels;
    }

    /// <summary>Side of the photos the classifier takes.</summary>
    public int Side => _side;

    /// <summary>Fits on <paramref name="shotsPerClass"/> photos per class drawn from <paramref name="pool"/> with <paramref name="seed"/>.</summary>
    public static FewShotClassifier Fit(IReadOnlyList<ItemPhoto> pool, int classes, int shotsPerClass, long seed)
    {
        ArgumentNullException.ThrowIfNull(pool);
        int side = pool[0].Side;
        var random = new SeededRandom(seed, stream: -2);
        var shots = new List<double[]>();
        var labels = new List<int>();
        for (int c = 0; c < classes; c++)
        {
            var ofClass = pool.Where(p => p.Label == c).ToList();
            if (ofClass.Count < shotsPerClass)
            {
                throw new ArgumentException($"Class {c} has {ofClass.Count} photos in the shot pool; the classifier needs {shotsPerClass}.");
            }

            // A seeded partial Fisher–Yates: the shots depend only on (seed, pool).
            for (int k = 0; k < shotsPerClass; k++)
            {
                int j = k + random.Next(ofClass.Count - k);
                (ofClass[k], ofClass[j]) = (ofClass[j], ofClass[k]);
                shots.Add(Features(ofClass[k].Pixels));
                labels.Add(c);
            }
        }

        return new FewShotClassifier(side, [.. shots], [.. labels]);
    }

    /// <summary>The class of the known photo nearest to this one (highest cosine); ties go to the earlier shot.</summary>
    public int Predict(ReadOnlySpan<byte> pixels)
    {
        if (pixels.Length != _side * _side)
        {
            throw new ArgumentException($"The classifier takes {_side}² pixels (got {pixels.Length}).", nameof(pixels));
        }

        var features = Features(pixels);
        int best = 0;
        double bestScore = double.NegativeInfinity;
        for (int k = 0; k < _shots.Length; k++)
        {
            double score = 0;
            var shot = _shots[k];
            for (int i = 0; i < features.Length; i++)
            {
                score += features[i] * shot[i];
            }

            if (score > bestScore)
            {
                bestScore = score;
                best = _labels[k];
            }
        }

        return best;
    }

    // Mean-removed and scaled to unit length, so brightness and contrast do not decide the class.
    private static double[] Features(ReadOnlySpan<byte> pixels)
    {
        var v = new double[pixels.Length];
        double mean = 0;
        for (int i = 0; i < v.Length; i++)
        {
            mean += pixels[i];
        }

        mean /= v.Length;
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = pixels[i] - mean;
        }

        return Normalise(v);
    }

    private static double[] Normalise(double[] v)
    {
        double norm = Math.Sqrt(v.Sum(x => x * x));
        if (norm > 0)
        {
            for (int i = 0; i < v.Length; i++)
            {
                v[i] /= norm;
            }
        }

        return v;
    }
}
