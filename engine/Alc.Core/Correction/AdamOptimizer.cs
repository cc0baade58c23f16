namespace Alc.Core.Correction;

/// <summary>
/// Adam (Kingma &amp; Ba 2015) over a flat parameter array: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
/// θ ← θ − lr·m̂/(√v̂ + ε) with bias-corrected m̂, v̂. Defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8 (PyTorch's).
/// </summary>
public sealed class AdamOptimizer
{
    private readonly double[] _m;
    private readonly double[] _v;
    private readonly double _learningRate;
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly double _epsilon;
    private long _step;

    /// <summary>An optimiser for <paramref name="parameterCount"/> parameters.</summary>
    public AdamOptimizer(int parameterCount, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        if (parameterCount < 0 || !(learningRate > 0))
        {
            throw new ArgumentException("Adam needs ≥ 0 parameters and a learning rate > 0.");
        }

        _m = new double[parameterCount];
        _v = new double[parameterCount];
        _learningRate = learningRate;
        _beta1 = beta1;
        _beta2 = beta2;
        _epsilon = epsilon;
    }

    /// <summary>Applies one step with <paramref name="gradient"/> to <paramref name="parameters"/>.</summary>
    public void Step(Span<double> parameters, ReadOnlySpan<double> gradient)
    {
        if (parameters.Length != _m.Length || gradient.Length != _m.Length)
        {
            throw new ArgumentException($"Adam was made for {_m.Length} parameters.");
        }

        _step++;
        double correction1 = 1 - Math.Pow(_beta1, _step);
        double correction2 = 1 - Math.Pow(_beta2, _step);
        for (int i = 0; i < parameters.Length; i++)
        {
            double g = gradient[i];
            _m[i] = (_beta1 * _m[i]) + ((1 - _beta1) * g);
            _v[i] = (_beta2 * _v[i]) + ((1 - _beta2) * g * g);
            parameters[i] -= _learningRate * (_m[i] / correction1) / (Math.Sqrt(_v[i] / correction2) + _epsilon);
        }
    }
}
