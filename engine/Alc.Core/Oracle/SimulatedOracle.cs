using Alc.Core.Cost;
using Alc.Core.Maps;
using Alc.Core.Numerics;

namespace Alc.Core.Oracle;

/// <summary>
/// A simulated annotator that answers correction queries from ground truth: "this pixel is labelled y;
/// give the right class only if that is wrong". Mistakes (if any) are seeded per (image, pixel), so the
/// same query always gets the same answer whatever order queries arrive in.
/// </summary>
public sealed class SimulatedOracle
{
    /// <summary>An oracle with <paramref name="options"/> for a dataset of <paramref name="classCount"/> classes.</summary>
    public SimulatedOracle(int classCount, OracleOptions? options = null)
    {
        Options = options ?? new OracleOptions();
        Options.Validate();
        if (classCount is < 2 or > LabelMap.MaxClasses)
        {
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount, $"The oracle needs 2..{LabelMap.MaxClasses} classes.");
        }

        ClassCount = classCount;
    }

    /// <summary>The options.</summary>
    public OracleOptions Options { get; }

    /// <summary>Number of classes L.</summary>
    public int ClassCount { get; }

    /// <summary>Answers the query at <paramref name="pixel"/> of image <paramref name="imageKey"/>.</summary>
    /// <param name="imageKey">Image number (seeds the annotator's mistakes).</param>
    /// <param name="pixel">The queried pixel.</param>
    /// <param name="shownLabel">The label the query shows (the pixel's current label).</param>
    /// <param name="groundTruth">The image's ground truth.</param>
    /// <param name="labels">Current labels (used by <see cref="OracleMode.Paper"/>).</param>
    /// <param name="superpixels">Superpixels (used by <see cref="OracleMode.Paper"/>).</param>
    /// <returns>The answer; <see cref="QueryVerdict.Unsure"/> when the ground truth at the pixel is 255 (the annotator cannot tell).</returns>
    public OracleAnswer Answer(int imageKey, int pixel, byte shownLabel, ReadOnlySpan<byte> groundTruth,
        LabelMap? labels = null, SuperpixelMap? superpixels = null)
    {
        if ((uint)pixel >= (uint)groundTruth.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(pixel), pixel, $"Pixel {pixel} is outside the {groundTruth.Length}-pixel image.");
        }

        byte truth = groundTruth[pixel];
        if (Options.Mode == OracleMode.Paper)
        {
            if (labels is null || superpixels is null)
            {
                throw new ArgumentException("The paper-compatible oracle needs the current labels and the superpixels.");
            }

            truth = PaperRule(pixel, shownLabel, groundTruth, labels, superpixels);
        }

        if (truth == LabelMap.Ignore)
        {
            return new OracleAnswer(QueryVerdict.Unsure, shownLabel, Options.ConfirmSeconds);
        }

        if (Options.ErrorRate > 0 && SplitMix64.Uniform(Options.Seed, imageKey, pixel) < Options.ErrorRate)
        {
            // A wrong answer: uniformly one of the other L − 1 classes.
            int offset = 1 + (int)(SplitMix64.Uniform(Options.Seed ^ 0x5EED, imageKey, pixel) * (ClassCount - 1));
            truth = (byte)((truth + offset) % ClassCount);
        }

        return truth == shownLabel
            ? new OracleAnswer(QueryVerdict.Confirm, shownLabel, Options.ConfirmSeconds)
            : new OracleAnswer(QueryVerdict.Correct, truth, Options.CorrectionSeconds);
    }

    // Corrects only when ≥ half the superpixel is wrong, with its majority ground-truth class; else confirms.
    private byte PaperRule(int pixel, byte shownLabel, ReadOnlySpan<byte> groundTruth, LabelMap labels, SuperpixelMap superpixels)
    {
        ReadOnlySpan<int> members = superpixels.Index.PixelsOf(superpixels[pixel]);
        Span<int> counts = stackalloc int[LabelMap.MaxClasses];
        int wrong = 0, counted = 0;
        foreach (int p in members)
        {
            byte t = groundTruth[p];
            if (t == LabelMap.Ignore)
            {
                continue;
            }

            counted++;
            counts[t]++;
            if (labels[p] != t)
            {
                wrong++;
            }
        }

        if (counted == 0)
        {
            return LabelMap.Ignore;
        }

        if (2 * wrong < counted)
        {
            return shownLabel;
        }

        int majority = 0;
        for (int c = 1; c < ClassCount; c++)
        {
            if (counts[c] > counts[majority])
            {
                majority = c;
            }
        }

        return (byte)majority;
    }
}
