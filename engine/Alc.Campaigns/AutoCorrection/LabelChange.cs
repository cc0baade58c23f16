
namespace Alc.Campaigns.AutoCorrection;

/// <summary>The pixels of one image whose label a step changed: replaying them on the labels before the step gives the labels after it.</summary>
/// <param name="ImageKey">The image.</param>
/// <param name="Pixels">Changed pixels, ascending.</param>
/// <param name="Previous">Each pixel's label before the step.</param>
/// <param name="Labels">Each pixel's label after the step.</param>
public sealed record LabelChange(int ImageKey, int[] Pixels, byte[] Previous, byte[] Labels)
{
    /// <summary>The changes between two label arrays of one image; null when they are equal.</summary>
    public static LabelChange? Between(int imageKey, ReadOnlySpan<byte> before, ReadOnlySpan<byte> after)
    {
        if (before.Length != after.Length)
        {
            throw new ArgumentException($"Image {imageKey}: the label arrays differ in size ({before.Length} and {after.Length}).");
        }

        var pixels = new List<int>();
        for (int p = 0; p < before.Length; p++)
        {
            if (before[p] != after[p])
            {
                pixels.Add(p);
            }
        }

        if (pixels.Count == 0)
        {
            return null;
        }

        var previous = new byte[pixels.Count];
        var labels = new byte[pixels.Count];
        for (int i = 0; i < pixels.Count; i++)
        {
            previous[i] = before[pixels[i]];
            labels[i] = after[pixels[i]];
        }

        return new LabelChange(imageKey, [.. pixels], previous, labels);
    }

    /// <summary>Writes the new labels into <paramref name="image"/>'s current labels.</summary>
    /// <exception cref="InvalidDataException">A pixel is outside the image or a label is not a class of it.</exception>
    public void ApplyTo(CampaignImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var labels = image.Labels;
        for (int i = 0; i < Pixels.Length; i++)
        {
            if ((uint)Pixels[i] >= (uint)labels.PixelCount || Labels[i] >= labels.ClassCount)
            {
                throw new InvalidDataException($"Image {ImageKey}: a stored change sets pixel {Pixels[i]} to {Labels[i]}, outside its {labels.PixelCount} pixels or {labels.ClassCount} classes.");
            }

            labels.Labels[Pixels[i]] = Labels[i];
        }
    }
}
