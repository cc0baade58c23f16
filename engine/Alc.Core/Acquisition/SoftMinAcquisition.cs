using Alc.Core.Pool;

namespace Alc.Core.Acquisition;

/// <summary>
/// cleanlab's segmentation "softmin" label-quality score over the pixels of the candidate's superpixel:
/// q = Σ_i s_i·softmax((1 − s)/T)_i with s_i = f(y(x_i); x_i) and T = 0.1 by default. Low q is suspicious,
/// so the acquisition returns 1 − q (higher = ask first).
/// </summary>
public sealed class SoftMinAcquisition : IAcquisition
{
    /// <summary>Uses temperature <paramref name="temperature"/> (cleanlab's default 0.1).</summary>
    public SoftMinAcquisition(double temperature = 0.1)
    {
        if (!(temperature > 0) || double.IsInfinity(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "The softmin temperature must be a positive finite number.");
        }

        Temperature = temperature;
    }

    /// <summary>The softmax temperature T.</summary>
    public double Temperature { get; }

    /// <inheritdoc />
    public string Name => "softmin";

    /// <inheritdoc />
    public void Score(ImagePool pool, Span<double> scores)
    {
        AcquisitionGuard.Require(pool, scores);
        var image = pool.Image;
        var index = image.Superpixels.Index;
        for (int i = 0; i < pool.Count; i++)
        {
            scores[i] = 1.0 - Quality(image, index.PixelsOf(pool.Candidates[i].SuperpixelId));
        }
    }

    /// <summary>q over <paramref name="pixels"/>; 1 (nothing suspicious) for an empty set.</summary>
    public double Quality(ScoringImage image, ReadOnlySpan<int> pixels)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (pixels.IsEmpty)
        {
            return 1.0;
        }

        // Shift by the largest exponent (1 − min s)/T so exp never overflows.
        double minS = double.PositiveInfinity;
        foreach (int p in pixels)
        {
            minS = Math.Min(minS, LabelProbability(image, p));
        }

        double weighted = 0, total = 0;
        foreach (int p in pixels)
        {
            double s = LabelProbability(image, p);
            double w = Math.Exp((minS - s) / Temperature);
            weighted += w * s;
            total += w;
        }

        return weighted / total;
    }

    private static double LabelProbability(ScoringImage image, int pixel) =>
        1.0 - ConfidenceInLabel.Of(image.Probabilities.At(pixel), image.Labels[pixel]);
}
