using Alc.Core.Correction;
using Alc.Core.Numerics;

namespace Alc.Core.Tests.Correction;

public class MlpTests
{
    [Fact]
    public void Backpropagation_matches_finite_differences_on_a_tiny_net()
    {
        var mlp = new Mlp([3, 5, 4, 3], seed: 7);
        float[] input = [0.2f, -0.7f, 1.1f];
        var gradient = new double[mlp.Parameters.Length];
        mlp.Accumulate(input, target: 2, weight: 1.5, gradient);
        const double h = 1e-6;
        for (int i = 0; i < gradient.Length; i++)
        {
            double saved = mlp.Parameters[i];
            mlp.Parameters[i] = saved + h;
            double up = Loss(mlp, input, 2, 1.5);
            mlp.Parameters[i] = saved - h;
            double down = Loss(mlp, input, 2, 1.5);
            mlp.Parameters[i] = saved;
            Assert.Equal((up - down) / (2 * h), gradient[i], 5);
        }
    }

    [Fact]
    public void Predictions_are_a_probability_vector_and_the_same_seed_gives_the_same_net()
    {
        var a = new Mlp([4, 8, 3], seed: 1);
        var b = new Mlp([4, 8, 3], seed: 1);
        Assert.Equal(a.Parameters.ToArray(), b.Parameters.ToArray());
        Assert.NotEqual(a.Parameters.ToArray(), new Mlp([4, 8, 3], seed: 2).Parameters.ToArray());
        var p = new double[3];
        a.Predict([0.1f, 0.2f, 0.3f, 0.4f], p);
        Assert.Equal(1, p.Sum(), 12);
        Assert.All(p, x => Assert.InRange(x, 0, 1));
        Assert.Throws<ArgumentException>(() => a.Predict([1f], p));
        Assert.Throws<ArgumentOutOfRangeException>(() => a.Accumulate([0, 0, 0, 0], 3, 1, new double[a.Parameters.Length]));
    }

    [Fact]
    public void The_correction_model_learns_a_separable_relabelling_confidently()
    {
        // Four classes; the "model" confuses 1 with 2: superpixels whose softmax peaks at class k have true class map[k].
        int[] map = [0, 2, 2, 3];
        var random = new SeededRandom(5);
        var features = new List<float[]>();
        var labels = new List<int>();
        for (int i = 0; i < 80; i++)
        {
            int k = i % 4;
            var f = new float[4];
            for (int c = 0; c < 4; c++)
            {
                f[c] = (float)(c == k ? 0.7 + (0.2 * random.NextDouble()) : 0.1 * random.NextDouble());
            }

            features.Add(f);
            labels.Add(map[k]);
        }

        var options = new LabelCorrectionOptions { LearningRate = 1e-3, Epochs = 100 };
        var mlp = CorrectionModel.Train(features, labels, 4, options, seed: 3);
        var p = new double[4];
        for (int k = 0; k < 4; k++)
        {
            var probe = new float[4];
            probe[k] = 0.8f;
            mlp.Predict(probe, p);
            Assert.Equal(map[k], Array.IndexOf(p, p.Max()));
            Assert.True(p.Max() > 0.95, $"class {k}: {p.Max()}");
        }

        // Deterministic: the same seed trains the same weights.
        Assert.Equal(mlp.Parameters.ToArray(), CorrectionModel.Train(features, labels, 4, options, seed: 3).Parameters.ToArray());
    }

    [Fact]
    public void Class_weights_are_n_over_k_times_n_c_for_present_classes()
    {
        // N = 4, K = 2 present: w0 = 4 / (2·3) = 0.6667, w1 = 4 / (2·1) = 2, w2 absent = 0.
        var w = CorrectionModel.ClassWeights([0, 0, 0, 1], 3);
        Assert.Equal(2.0 / 3, w[0], 12);
        Assert.Equal(2.0, w[1], 12);
        Assert.Equal(0.0, w[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => CorrectionModel.ClassWeights([3], 3));
    }

    [Fact]
    public void Adam_first_step_moves_each_parameter_by_the_learning_rate_against_its_gradient()
    {
        // Step 1: m̂ = g, v̂ = g², so Δθ = −lr·g/(|g| + ε) ≈ −lr·sign(g).
        var adam = new AdamOptimizer(3, learningRate: 0.01);
        double[] theta = [1, 1, 1];
        adam.Step(theta, [4, -0.5, 0]);
        Assert.Equal(0.99, theta[0], 9);
        Assert.Equal(1.01, theta[1], 9);
        Assert.Equal(1.0, theta[2], 12);
    }

    private static double Loss(Mlp mlp, float[] input, int target, double weight)
    {
        var p = new double[mlp.OutputSize];
        mlp.Predict(input, p);
        return -weight * Math.Log(p[target]);
    }
}
