using Alc.Core.Pool;

namespace Alc.Core.Acquisition;

/// <summary>CIL at the candidate pixel only, eq. (8): 1 − f(y(x_s); x_s). The paper's no-look-ahead baseline.</summary>
public sealed class CilAcquisition : IAcquisition
{
    /// <inheritdoc />
    public string Name => "cil";

    /// <inheritdoc />
    public void Score(ImagePool pool, Span<double> scores)
    {
        AcquisitionGuard.Require(pool, scores);
        var image = pool.Image;
        for (int i = 0; i < pool.Count; i++)
        {
            int x = pool.Candidates[i].Pixel;
            scores[i] = ConfidenceInLabel.Of(image.Probabilities.At(x), image.Labels[x]);
        }
    }
}
