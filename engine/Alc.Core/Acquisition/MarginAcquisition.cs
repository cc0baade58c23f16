using Alc.Core.Numerics;
using Alc.Core.Pool;

namespace Alc.Core.Acquisition;

/// <summary>
/// Best-versus-second-best (BvSB) margin, the active-learning classic, as region uncertainty (Spx/MulSpx):
/// a(s) = w_{D(s)} · (1/|s|) Σ_{x∈s} p₂(x)/p₁(x), p₁ ≥ p₂ the two largest class probabilities.
/// Without class weights w ≡ 1; <see cref="ClassBalance"/> gives the balanced variant.
/// </summary>
public sealed class MarginAcquisition : IAcquisition
{
    private readonly double[]? _classWeights;

    /// <summary>Plain BvSB, or class-balanced when <paramref name="classWeights"/> (one per class) is given.</summary>
    public MarginAcquisition(IReadOnlyList<double>? classWeights = null)
    {
        _classWeights = classWeights?.ToArray();
    }

    /// <inheritdoc />
    public string Name => _classWeights is null ? "margin" : "margin-balanced";

    /// <inheritdoc />
    public void Score(ImagePool pool, Span<double> scores)
    {
        AcquisitionGuard.Require(pool, scores);
        var image = pool.Image;
        if (_classWeights is not null && _classWeights.Length != image.ClassCount)
        {
            throw new ArgumentException($"Expected {image.ClassCount} class weights, got {_classWeights.Length}.");
        }

        var index = image.Superpixels.Index;
        for (int i = 0; i < pool.Count; i++)
        {
            var candidate = pool.Candidates[i];
            double sum = 0;
            ReadOnlySpan<int> pixels = index.PixelsOf(candidate.SuperpixelId);
            foreach (int p in pixels)
            {
                Kernels.TopTwo(image.Probabilities.At(p), out float best, out float second);
                sum += best > 0 ? second / best : 0;
            }

            double weight = _classWeights?[candidate.DominantLabel] ?? 1.0;
            scores[i] = pixels.IsEmpty ? 0 : weight * sum / pixels.Length;
        }
    }
}
