using Alc.Core.Maps;

namespace Alc.Core.Correction;

/// <summary>What the label-correction model sees of one superpixel: its mean softmax vector and its current majority label.</summary>
public static class SuperpixelFeatures
{
    /// <summary>Writes (1/|s|)·Σ_{x∈s} f(x) into <paramref name="mean"/> (zeros for an empty superpixel).</summary>
    public static void MeanSoftmax(ProbabilityMap probabilities, ReadOnlySpan<int> pixels, Span<float> mean)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        int classes = probabilities.ClassCount;
        if (mean.Length != classes)
        {
            throw new ArgumentException($"The mean must have {classes} entries.", nameof(mean));
        }

        Span<double> sum = stackalloc double[classes];
        sum.Clear();
        foreach (int p in pixels)
        {
            ReadOnlySpan<float> f = probabilities.At(p);
            for (int c = 0; c < classes; c++)
            {
                sum[c] += f[c];
            }
        }

        for (int c = 0; c < classes; c++)
        {
            mean[c] = pixels.Length == 0 ? 0 : (float)(sum[c] / pixels.Length);
        }
    }

    /// <summary>The most frequent label among <paramref name="pixels"/> (ties to the lowest class; 255 ignored); 255 when none is labelled.</summary>
    public static byte MajorityLabel(LabelMap labels, ReadOnlySpan<int> pixels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        Span<int> counts = stackalloc int[labels.ClassCount];
        counts.Clear();
        foreach (int p in pixels)
        {
            byte y = labels[p];
            if (y != LabelMap.Ignore)
            {
                counts[y]++;
            }
        }

        int best = 0;
        for (int c = 1; c < counts.Length; c++)
        {
            if (counts[c] > counts[best])
            {
                best = c;
            }
        }

        return counts.Length == 0 || counts[best] == 0 ? LabelMap.Ignore : (byte)best;
    }

    /// <summary>Writes ŷ(x) = argmax_c f(c; x) for every pixel into <paramref name="predicted"/> (ties to the lowest class).</summary>
    public static void PredictedLabels(ProbabilityMap probabilities, Span<byte> predicted)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (predicted.Length != probabilities.PixelCount)
        {
            throw new ArgumentException($"The output must have {probabilities.PixelCount} entries.", nameof(predicted));
        }

        for (int p = 0; p < predicted.Length; p++)
        {
            predicted[p] = (byte)Numerics.Kernels.ArgMax(probabilities.At(p));
        }
    }
}
