using Alc.Core.Numerics;

namespace Alc.Training.Tests.Training;

/// <summary>Small seeded datasets for training tests.</summary>
internal static class SyntheticSplits
{
    /// <summary>
    /// Images whose left part is reddish (class 0) and right part bluish (class 1), the boundary column varying per
    /// image, with ±30 noise on every channel.
    /// </summary>
    public static SegmentationSample[] RedBlue(int count, int width, int height, long seed = 7)
    {
        var random = new SeededRandom(seed);
        var samples = new SegmentationSample[count];
        for (int i = 0; i < count; i++)
        {
            int boundary = (width / 2) + random.Next(-width / 8, (width / 8) + 1);
            byte[] rgb = new byte[width * height * 3];
            byte[] labels = new byte[width * height];
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    int p = (y * width) + x;
                    bool left = x < boundary;
                    labels[p] = left ? (byte)0 : (byte)1;
                    rgb[(p * 3) + 0] = Noisy(left ? 200 : 40, random);
                    rgb[(p * 3) + 1] = Noisy(60, random);
                    rgb[(p * 3) + 2] = Noisy(left ? 40 : 200, random);
                }
            }

            samples[i] = new SegmentationSample(width, height, rgb, labels);
        }

        return samples;
    }

    /// <summary>Images of random colours with random labels in [0, classCount).</summary>
    public static SegmentationSample[] Random(int count, int width, int height, int classCount, long seed = 11)
    {
        var random = new SeededRandom(seed);
        var samples = new SegmentationSample[count];
        for (int i = 0; i < count; i++)
        {
            byte[] rgb = new byte[width * height * 3];
            byte[] labels = new byte[width * height];
            for (int k = 0; k < rgb.Length; k++)
            {
                rgb[k] = (byte)random.Next(256);
            }

            for (int k = 0; k < labels.Length; k++)
            {
                labels[k] = (byte)random.Next(classCount);
            }

            samples[i] = new SegmentationSample(width, height, rgb, labels);
        }

        return samples;
    }

    /// <summary>Share of labelled pixels whose most probable class is their label, over pixel-major probabilities.</summary>
    public static double PixelAccuracy(IReadOnlyList<SegmentationSample> samples, IReadOnlyList<float[]> probabilities, int classCount)
    {
        long correct = 0;
        long total = 0;
        for (int i = 0; i < samples.Count; i++)
        {
            byte[] labels = samples[i].Labels!;
            for (int p = 0; p < labels.Length; p++)
            {
                if (labels[p] == 255)
                {
                    continue;
                }

                ReadOnlySpan<float> pixel = probabilities[i].AsSpan(p * classCount, classCount);
                int best = 0;
                for (int c = 1; c < classCount; c++)
                {
                    if (pixel[c] > pixel[best])
                    {
                        best = c;
                    }
                }

                correct += best == labels[p] ? 1 : 0;
                total++;
            }
        }

        return (double)correct / total;
    }

    private static byte Noisy(int value, SeededRandom random) => (byte)Math.Clamp(value + random.Next(-30, 31), 0, 255);
}
