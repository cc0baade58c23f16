using Alc.Core.Expansion;
using Alc.Core.Maps;

namespace Alc.Core.Correction;

/// <summary>
/// A²LC's relabelling rule: an unqueried superpixel whose predicted class c* = argmax p differs from its current majority
/// label y with p(c*) ≥ τ is relabelled to c*, unless the <see cref="TailClassGuard"/> forbids y → c*.
/// </summary>
public static class AutoRelabel
{
    /// <summary>The class to relabel to, or −1 to leave the superpixel alone.</summary>
    /// <param name="prediction">The MLP's class probabilities.</param>
    /// <param name="current">The superpixel's majority label (255: nothing labelled, never relabelled).</param>
    /// <param name="threshold">τ.</param>
    /// <param name="guard">The tail-class guard, or null for none.</param>
    public static int Decide(ReadOnlySpan<double> prediction, byte current, double threshold, TailClassGuard? guard)
    {
        if (current == LabelMap.Ignore || prediction.Length == 0)
        {
            return -1;
        }

        int best = 0;
        for (int c = 1; c < prediction.Length; c++)
        {
            if (prediction[c] > prediction[best])
            {
                best = c;
            }
        }

        if (best == current || prediction[best] < threshold || (guard is not null && !guard.Allows(current, best)))
        {
            return -1;
        }

        return best;
    }

    /// <summary>Relabels the pixels of one superpixel from <paramref name="from"/> to <paramref name="to"/>; returns what changed.</summary>
    /// <param name="labels">The current labels (mutated).</param>
    /// <param name="pixels">The superpixel's pixels, ascending.</param>
    /// <param name="from">Its majority label.</param>
    /// <param name="to">The new class.</param>
    /// <param name="scope">Every labelled pixel, or only majority-labelled pixels the model predicts as <paramref name="to"/>.</param>
    /// <param name="predicted">The model's argmax ŷ(x) per pixel of the image, required for <see cref="RelabelScope.AgreeingPixels"/>.</param>
    public static ExpansionResult Apply(LabelMap labels, ReadOnlySpan<int> pixels, byte from, byte to, RelabelScope scope, ReadOnlySpan<byte> predicted = default)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (to >= labels.ClassCount)
        {
            throw new ArgumentException($"Label {to} is not a class (ids 0..{labels.ClassCount - 1}).", nameof(to));
        }

        if (scope == RelabelScope.AgreeingPixels && predicted.Length != labels.PixelCount)
        {
            throw new ArgumentException("Relabelling only agreeing pixels needs the model's argmax for every pixel.", nameof(predicted));
        }

        var changed = new List<int>();
        var previous = new List<byte>();
        int covered = 0;
        Span<byte> y = labels.Labels;
        foreach (int p in pixels)
        {
            byte old = y[p];
            bool eligible = scope == RelabelScope.Superpixel
                ? old != LabelMap.Ignore
                : old == from && predicted[p] == to;
            if (!eligible)
            {
                continue;
            }

            covered++;
            if (old != to)
            {
                y[p] = to;
                changed.Add(p);
                previous.Add(old);
            }
        }

        return new ExpansionResult(covered, [.. changed], [.. previous]);
    }
}
