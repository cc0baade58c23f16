using Alc.Core.Numerics;

namespace Alc.Core.Correction;

/// <summary>
/// A small fully connected network with ReLU between layers and a softmax on the last one, in plain C#:
/// A²LC's label-correction model is <c>new Mlp([L, 256, 128, 64, L], seed)</c>. Weights are He-uniform from a
/// <see cref="SeededRandom"/>, biases zero, so the same seed gives the same network. Parameters live in one flat
/// array (per layer: out×in weights row-major, then out biases) that <see cref="AdamOptimizer"/> updates in place.
/// </summary>
/// <remarks>Not thread-safe: forward and backward share scratch buffers.</remarks>
public sealed class Mlp
{
    private readonly int[] _sizes;
    private readonly int[] _offsets;
    private readonly double[] _parameters;
    private readonly double[][] _activations;
    private readonly double[][] _deltas;

    /// <summary>Creates the network with layer widths <paramref name="sizes"/> (input first, classes last).</summary>
    /// <exception cref="ArgumentException">Fewer than two layers, or a width &lt; 1.</exception>
    public Mlp(IReadOnlyList<int> sizes, long seed)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        if (sizes.Count < 2 || sizes.Any(s => s < 1))
        {
            throw new ArgumentException("An MLP needs at least an input and an output layer, each ≥ 1 wide.", nameof(sizes));
        }

        _sizes = [.. sizes];
        _offsets = new int[_sizes.Length];
        int total = 0;
        for (int l = 0; l + 1 < _sizes.Length; l++)
        {
            _offsets[l] = total;
            total += (_sizes[l + 1] * _sizes[l]) + _sizes[l + 1];
        }

        _offsets[^1] = total;
        _parameters = new double[total];
        var random = new SeededRandom(seed, 0x4d4c50);
        for (int l = 0; l + 1 < _sizes.Length; l++)
        {
            double bound = Math.Sqrt(6.0 / _sizes[l]);
            Span<double> weights = _parameters.AsSpan(_offsets[l], _sizes[l + 1] * _sizes[l]);
            for (int i = 0; i < weights.Length; i++)
            {
                weights[i] = random.Uniform(-bound, bound);
            }
        }

        _activations = _sizes.Select(s => new double[s]).ToArray();
        _deltas = _sizes.Select(s => new double[s]).ToArray();
    }

    /// <summary>Input width.</summary>
    public int InputSize => _sizes[0];

    /// <summary>Output width (classes).</summary>
    public int OutputSize => _sizes[^1];

    /// <summary>All weights and biases, flat (see the class remarks for the layout).</summary>
    public Span<double> Parameters => _parameters;

    /// <summary>Writes softmax(network(<paramref name="input"/>)) into <paramref name="probabilities"/>.</summary>
    public void Predict(ReadOnlySpan<float> input, Span<double> probabilities)
    {
        Forward(input);
        _activations[^1].CopyTo(probabilities);
    }

    /// <summary>
    /// Forward and backward pass of one sample under weighted cross-entropy −w·ln p[target]: adds the gradient
    /// (times <paramref name="weight"/>) into <paramref name="gradient"/> and returns the sample's loss.
    /// </summary>
    public double Accumulate(ReadOnlySpan<float> input, int target, double weight, Span<double> gradient)
    {
        if ((uint)target >= (uint)OutputSize)
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, $"The target must be a class 0..{OutputSize - 1}.");
        }

        if (gradient.Length != _parameters.Length)
        {
            throw new ArgumentException($"The gradient must have {_parameters.Length} entries.", nameof(gradient));
        }

        Forward(input);
        int last = _sizes.Length - 1;
        double[] p = _activations[last];
        double loss = -weight * Math.Log(Math.Max(p[target], 1e-300));
        // d(−w ln softmax_t)/dz = w·(p − onehot(t)).
        for (int j = 0; j < p.Length; j++)
        {
            _deltas[last][j] = weight * (p[j] - (j == target ? 1 : 0));
        }

        for (int l = last - 1; l >= 0; l--)
        {
            int inputs = _sizes[l], outputs = _sizes[l + 1];
            ReadOnlySpan<double> w = _parameters.AsSpan(_offsets[l], outputs * inputs);
            Span<double> gw = gradient.Slice(_offsets[l], outputs * inputs);
            Span<double> gb = gradient.Slice(_offsets[l] + (outputs * inputs), outputs);
            double[] a = _activations[l], delta = _deltas[l + 1], below = _deltas[l];
            Array.Clear(below);
            for (int o = 0; o < outputs; o++)
            {
                double d = delta[o];
                if (d == 0)
                {
                    continue;
                }

                gb[o] += d;
                int row = o * inputs;
                for (int i = 0; i < inputs; i++)
                {
                    gw[row + i] += d * a[i];
                    below[i] += d * w[row + i];
                }
            }

            if (l > 0)
            {
                // ReLU' of the layer below.
                for (int i = 0; i < inputs; i++)
                {
                    if (a[i] <= 0)
                    {
                        below[i] = 0;
                    }
                }
            }
        }

        return loss;
    }

    private void Forward(ReadOnlySpan<float> input)
    {
        if (input.Length != InputSize)
        {
            throw new ArgumentException($"The input must have {InputSize} values (got {input.Length}).", nameof(input));
        }

        for (int i = 0; i < input.Length; i++)
        {
            _activations[0][i] = input[i];
        }

        int last = _sizes.Length - 1;
        for (int l = 0; l < last; l++)
        {
            int inputs = _sizes[l], outputs = _sizes[l + 1];
            ReadOnlySpan<double> w = _parameters.AsSpan(_offsets[l], outputs * inputs);
            ReadOnlySpan<double> b = _parameters.AsSpan(_offsets[l] + (outputs * inputs), outputs);
            double[] a = _activations[l], z = _activations[l + 1];
            for (int o = 0; o < outputs; o++)
            {
                double sum = b[o];
                int row = o * inputs;
                for (int i = 0; i < inputs; i++)
                {
                    sum += w[row + i] * a[i];
                }

                z[o] = l + 1 < last ? Math.Max(0, sum) : sum;
            }
        }

        double[] logits = _activations[last];
        double max = logits.Max();
        double total = 0;
        for (int j = 0; j < logits.Length; j++)
        {
            logits[j] = Math.Exp(logits[j] - max);
            total += logits[j];
        }

        for (int j = 0; j < logits.Length; j++)
        {
            logits[j] /= total;
        }
    }
}
