using Alc.Core.Pool;

namespace Alc.Core.Acquisition;

/// <summary>
/// Predictive entropy averaged over the superpixel: a(s) = (1/|s|) Σ_{x∈s} −Σ_c f(c;x)·ln f(c;x), in nats
/// (0·ln 0 taken as 0). The active-learning uncertainty classic; it ignores the current label.
/// </summary>
public sealed class EntropyAcquisition : IAcquisition
{
    /// <inheritdoc />
    public string Name => "entropy";

    /// <inheritdoc />
    public void Score(ImagePool pool, Span<double> scores)
    {
        AcquisitionGuard.Require(pool, scores);
        var image = pool.Image;
        var index = image.Superpixels.Index;
        for (int i = 0; i < pool.Count; i++)
        {
            ReadOnlySpan<int> pixels = index.PixelsOf(pool.Candidates[i].SuperpixelId);
            double sum = 0;
            foreach (int p in pixels)
            {
                sum += Entropy(image.Probabilities.At(p));
            }

            scores[i] = pixels.IsEmpty ? 0 : sum / pixels.Length;
        }
    }

    /// <summary>−Σ_c f_c ln f_c of one class vector.</summary>
    public static double Entropy(ReadOnlySpan<float> f)
    {
        double h = 0;
        foreach (float v in f)
        {
            if (v > 0)
            {
                h -= v * Math.Log(v);
            }
        }

        return h;
    }
}
