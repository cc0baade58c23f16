using Alc.Core.Maps;
using Alc.Core.Numerics;
using Alc.Core.Pool;

namespace Alc.Core.Acquisition;

/// <summary>
/// A²LC's adaptively balanced acquisition: a_ABC(s) = Σ_{x∈s} cos(f(x), μ)·w[y(x)]·(1 − f(y(x); x)), μ the mean of f over
/// s' = {x ∈ s : ŷ(x) = D(s)} (the subset the diversified pool uses, eq. 6) and w the round's
/// <see cref="AbcClassWeights"/>. Where y(x) = 255 the argmax stands in for the label, as in a_CIL (eq. 8).
/// Like SIM it is unnormalised, so large superpixels with many doubtful pixels come first. Cost O(|s|·L) per candidate.
/// </summary>
public sealed class AbcAcquisition : IAcquisition
{
    private readonly double[]? _weights;

    /// <summary>Creates the acquisition with class weights w (null: every weight 1, which reduces it to a mean-direction SIM).</summary>
    public AbcAcquisition(IReadOnlyList<double>? classWeights = null)
    {
        _weights = classWeights?.ToArray();
    }

    /// <inheritdoc />
    public string Name => "abc";

    /// <inheritdoc />
    public void Score(ImagePool pool, Span<double> scores)
    {
        AcquisitionGuard.Require(pool, scores);
        var image = pool.Image;
        int classes = image.ClassCount;
        if (_weights is not null && _weights.Length < classes)
        {
            throw new ArgumentException($"ABC has {_weights.Length} class weights but the image has {classes} classes.", nameof(pool));
        }

        var mean = new double[classes];
        for (int i = 0; i < pool.Count; i++)
        {
            var candidate = pool.Candidates[i];
            ReadOnlySpan<int> pixels = image.Superpixels.Index.PixelsOf(candidate.SuperpixelId);
            scores[i] = Score(image, pixels, candidate.DominantLabel, mean);
        }
    }

    private double Score(ScoringImage image, ReadOnlySpan<int> pixels, byte dominant, Span<double> mean)
    {
        ProbabilityMap f = image.Probabilities;
        mean.Clear();
        int subset = 0;
        foreach (int p in pixels)
        {
            ReadOnlySpan<float> fx = f.At(p);
            if (Kernels.ArgMax(fx) == dominant)
            {
                subset++;
                for (int c = 0; c < fx.Length; c++)
                {
                    mean[c] += fx[c];
                }
            }
        }

        if (subset == 0)
        {
            return 0;
        }

        // cos(f(x), μ) is scale-free in μ, so the sum over s' stands in for the mean.
        double meanNorm = 0;
        foreach (double m in mean)
        {
            meanNorm += m * m;
        }

        meanNorm = Math.Sqrt(meanNorm);
        double score = 0;
        foreach (int p in pixels)
        {
            ReadOnlySpan<float> fx = f.At(p);
            double dot = 0, norm = 0;
            for (int c = 0; c < fx.Length; c++)
            {
                dot += fx[c] * mean[c];
                norm += (double)fx[c] * fx[c];
            }

            byte label = image.Labels[p];
            int y = label == LabelMap.Ignore ? Kernels.ArgMax(fx) : label;
            double weight = _weights is null ? 1 : _weights[y];
            double cosine = norm == 0 || meanNorm == 0 ? 0 : dot / (Math.Sqrt(norm) * meanNorm);
            score += cosine * weight * (1 - fx[y]);
        }

        return score;
    }
}
