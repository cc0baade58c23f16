using Alc.Core.Numerics;

namespace Alc.Core.Correction;

/// <summary>
/// Trains A²LC's label-correction MLP: inputs are per-superpixel mean softmax vectors, targets the answered labels,
/// loss the class-weighted cross-entropy with w_c = N / (K·n_c) (N samples, n_c of class c, K classes present; so
/// w_c ∝ N/n_c), Adam on seeded shuffled mini-batches, each batch's gradient averaged over its samples.
/// </summary>
public static class CorrectionModel
{
    /// <summary>Trains a fresh MLP; deterministic for a given seed and input order.</summary>
    /// <param name="features">One input vector per sample (all of length <paramref name="classCount"/>).</param>
    /// <param name="labels">The sample's class.</param>
    /// <param name="classCount">L.</param>
    /// <param name="options">Architecture and training settings.</param>
    /// <param name="seed">Seeds the weights and the shuffling.</param>
    public static Mlp Train(IReadOnlyList<float[]> features, IReadOnlyList<int> labels, int classCount, LabelCorrectionOptions options, long seed)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(options);
        if (features.Count != labels.Count)
        {
            throw new ArgumentException($"{features.Count} feature vectors but {labels.Count} labels.");
        }

        var sizes = new List<int> { classCount };
        sizes.AddRange(options.HiddenSizes);
        sizes.Add(classCount);
        var mlp = new Mlp(sizes, seed);
        if (features.Count == 0)
        {
            return mlp;
        }

        double[] weights = ClassWeights(labels, classCount);
        var adam = new AdamOptimizer(mlp.Parameters.Length, options.LearningRate);
        var gradient = new double[mlp.Parameters.Length];
        int[] order = Enumerable.Range(0, features.Count).ToArray();
        var random = new SeededRandom(seed, 0x5348);
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            // Fisher–Yates with the seeded generator.
            for (int i = order.Length - 1; i > 0; i--)
            {
                int j = random.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }

            for (int start = 0; start < order.Length; start += options.BatchSize)
            {
                int end = Math.Min(order.Length, start + options.BatchSize);
                Array.Clear(gradient);
                for (int k = start; k < end; k++)
                {
                    int s = order[k];
                    mlp.Accumulate(features[s], labels[s], weights[labels[s]] / (end - start), gradient);
                }

                adam.Step(mlp.Parameters, gradient);
            }
        }

        return mlp;
    }

    /// <summary>w_c = N / (K·n_c) for the K classes present; 0 for absent classes.</summary>
    public static double[] ClassWeights(IReadOnlyList<int> labels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var counts = new int[classCount];
        foreach (int y in labels)
        {
            if ((uint)y >= (uint)classCount)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), y, $"Labels must be classes 0..{classCount - 1}.");
            }

            counts[y]++;
        }

        int present = counts.Count(n => n > 0);
        return counts.Select(n => n == 0 ? 0 : (double)labels.Count / (present * n)).ToArray();
    }
}
