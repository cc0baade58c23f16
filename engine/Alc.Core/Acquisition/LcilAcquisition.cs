using Alc.Core.Pool;

namespace Alc.Core.Acquisition;

/// <summary>Look-ahead CIL, eq. (10): a_LCIL(x_s) = (1/|s|) Σ_{x_i∈s} a_CIL(x_i), each pixel with its own current label.</summary>
public sealed class LcilAcquisition : IAcquisition
{
    /// <inheritdoc />
    public string Name => "lcil";

    /// <inheritdoc />
    public void Score(ImagePool pool, Span<double> scores)
    {
        AcquisitionGuard.Require(pool, scores);
        for (int i = 0; i < pool.Count; i++)
        {
            scores[i] = pool.CilSum(i) / pool.Candidates[i].SuperpixelSize;
        }
    }
}
