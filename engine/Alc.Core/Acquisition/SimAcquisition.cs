using Alc.Core.Pool;

namespace Alc.Core.Acquisition;

/// <summary>
/// Similarity-weighted look-ahead, eq. (9): a_SIM(x_s) = Σ_{x_i∈s} cos(f(x_s), f(x_i))·a_CIL(x_i).
/// With unit vectors u = f(x_s)/‖f(x_s)‖ and v_i = f(x_i)/‖f(x_i)‖ this is u·Σ_i v_i·a_CIL(x_i); the pool
/// scan accumulates the sum in its single pass, so the score costs O(L) per candidate, never O(|s|²).
/// Unnormalised by design: it favours large superpixels (recall over precision).
/// </summary>
public sealed class SimAcquisition : IAcquisition
{
    /// <inheritdoc />
    public string Name => "sim";

    /// <inheritdoc />
    public void Score(ImagePool pool, Span<double> scores)
    {
        AcquisitionGuard.Require(pool, scores);
        var probabilities = pool.Image.Probabilities;
        for (int i = 0; i < pool.Count; i++)
        {
            ReadOnlySpan<float> u = probabilities.At(pool.Candidates[i].Pixel);
            ReadOnlySpan<double> sum = pool.WeightedDirectionSum(i);
            double dot = 0, norm = 0;
            for (int c = 0; c < u.Length; c++)
            {
                dot += u[c] * sum[c];
                norm += (double)u[c] * u[c];
            }

            scores[i] = dot / Math.Sqrt(norm);
        }
    }
}
