using Alc.Core.Maps;
using Alc.Core.Numerics;

namespace Alc.Core.Expansion;

/// <summary>
/// Label expansion, eq. (12): the answered label of query pixel x_q goes to every pixel of its superpixel
/// s with cos(f(x_q), f(x)) ≥ ε. With ε ≤ 0 the whole superpixel is relabelled (softmax vectors are
/// non-negative, so their cosine is ≥ 0): the paper's default. Pixels outside s are never touched.
/// </summary>
public static class LabelExpansion
{
    /// <summary>Relabels s(x_q, ε) in <paramref name="labels"/> in place and reports what changed.</summary>
    /// <param name="labels">The current labels D_t of the image (mutated).</param>
    /// <param name="superpixels">The image's superpixels.</param>
    /// <param name="queryPixel">x_q, the answered pixel (linear index).</param>
    /// <param name="label">The answered class (0..L−1).</param>
    /// <param name="epsilon">ε; values ≤ 0 expand to the whole superpixel and need no probabilities.</param>
    /// <param name="probabilities">f(x), required when ε &gt; 0.</param>
    /// <exception cref="ArgumentException">Sizes disagree, the pixel is out of range, or the label is not a class.</exception>
    public static ExpansionResult Expand(LabelMap labels, SuperpixelMap superpixels, int queryPixel, byte label,
        double epsilon = 0, ProbabilityMap? probabilities = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(superpixels);
        if (superpixels.Width != labels.Width || superpixels.Height != labels.Height)
        {
            throw new ArgumentException($"Superpixels are {superpixels.Width}×{superpixels.Height} but labels are {labels.Width}×{labels.Height}.");
        }

        if ((uint)queryPixel >= (uint)labels.PixelCount)
        {
            throw new ArgumentOutOfRangeException(nameof(queryPixel), queryPixel, $"Pixel index {queryPixel} is outside the {labels.Width}×{labels.Height} image.");
        }

        if (label >= labels.ClassCount)
        {
            throw new ArgumentException($"Label {label} is not a class of this map (ids 0..{labels.ClassCount - 1}).", nameof(label));
        }

        if (double.IsNaN(epsilon))
        {
            throw new ArgumentException("ε must be a number.", nameof(epsilon));
        }

        bool filter = epsilon > 0;
        if (filter)
        {
            if (probabilities is null)
            {
                throw new ArgumentException("ε > 0 compares softmax vectors, so probabilities are required.", nameof(probabilities));
            }

            if (probabilities.Width != labels.Width || probabilities.Height != labels.Height || probabilities.ClassCount != labels.ClassCount)
            {
                throw new ArgumentException("Probabilities and labels disagree in size or class count.", nameof(probabilities));
            }
        }

        ReadOnlySpan<int> pixels = superpixels.Index.PixelsOf(superpixels[queryPixel]);
        Span<byte> values = labels.Labels;
        ReadOnlySpan<float> query = filter ? probabilities!.At(queryPixel) : default;
        int covered = 0;
        var changedPixels = new List<int>();
        var previous = new List<byte>();
        foreach (int p in pixels)
        {
            if (filter && Kernels.Cosine(query, probabilities!.At(p)) < epsilon)
            {
                continue;
            }

            covered++;
            if (values[p] != label)
            {
                changedPixels.Add(p);
                previous.Add(values[p]);
                values[p] = label;
            }
        }

        return new ExpansionResult(covered, [.. changedPixels], [.. previous]);
    }

    /// <summary>Puts back the labels an expansion replaced (used when an answer is superseded or rolled back).</summary>
    public static void Undo(LabelMap labels, ExpansionResult result)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(result);
        Span<byte> values = labels.Labels;
        for (int i = 0; i < result.ChangedPixels.Length; i++)
        {
            values[result.ChangedPixels[i]] = result.PreviousLabels[i];
        }
    }
}
