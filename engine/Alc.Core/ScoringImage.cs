using Alc.Core.Maps;

namespace Alc.Core;

/// <summary>
/// Everything the pool and the acquisitions read for one image of round t: the model's softmax output
/// f = f_θ(t−1), the current labels y ∈ D_(t−1), and the superpixels S. Checks that the three agree.
/// </summary>
public sealed class ScoringImage
{
    /// <summary>Bundles the maps of one image after checking that sizes and class counts agree.</summary>
    /// <param name="key">Caller-chosen image number (used by seeded strategies and in selections).</param>
    /// <param name="probabilities">f(x): the model's softmax output.</param>
    /// <param name="labels">y(x): the current labels.</param>
    /// <param name="superpixels">The superpixels.</param>
    /// <exception cref="ArgumentException">Sizes or class counts disagree.</exception>
    public ScoringImage(int key, ProbabilityMap probabilities, LabelMap labels, SuperpixelMap superpixels)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(superpixels);
        if (probabilities.Width != labels.Width || probabilities.Height != labels.Height ||
            superpixels.Width != labels.Width || superpixels.Height != labels.Height)
        {
            throw new ArgumentException(
                $"Map sizes disagree: probabilities {probabilities.Width}×{probabilities.Height}, labels {labels.Width}×{labels.Height}, superpixels {superpixels.Width}×{superpixels.Height}.");
        }

        if (probabilities.ClassCount != labels.ClassCount)
        {
            throw new ArgumentException(
                $"Class counts disagree: probabilities have {probabilities.ClassCount} classes, labels {labels.ClassCount}.");
        }

        Key = key;
        Probabilities = probabilities;
        Labels = labels;
        Superpixels = superpixels;
    }

    /// <summary>Caller-chosen image number.</summary>
    public int Key { get; }

    /// <summary>f(x), the model's softmax output.</summary>
    public ProbabilityMap Probabilities { get; }

    /// <summary>y(x), the current labels.</summary>
    public LabelMap Labels { get; }

    /// <summary>The superpixels S.</summary>
    public SuperpixelMap Superpixels { get; }

    /// <summary>Number of classes L.</summary>
    public int ClassCount => Labels.ClassCount;

    /// <summary>Number of pixels.</summary>
    public int PixelCount => Labels.PixelCount;
}
