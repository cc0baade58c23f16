using Alc.Campaigns.AutoCorrection;
using Alc.Core.Maps;
using Alc.Training;

namespace Alc.Campaigns;

/// <summary>
/// One training image of a correction campaign: its photo, its current labels D_t (mutated as answers are
/// expanded), its superpixels, the superpixels already answered, and its ground truth when known.
/// </summary>
public sealed class CampaignImage
{
    /// <summary>Creates the image; <paramref name="labels"/> becomes the campaign's D_t for it (pass a clone of D0).</summary>
    public CampaignImage(int key, string stem, byte[] rgb, LabelMap labels, SuperpixelMap superpixels, LabelMap? groundTruth)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(superpixels);
        if (rgb.Length != labels.PixelCount * 3 || superpixels.Width != labels.Width || superpixels.Height != labels.Height ||
            (groundTruth is not null && (groundTruth.Width != labels.Width || groundTruth.Height != labels.Height)))
        {
            throw new ArgumentException($"Image '{stem}': photo, labels, superpixels and ground truth must have the same size.");
        }

        Key = key;
        Stem = stem;
        Rgb = rgb;
        Labels = labels;
        Superpixels = superpixels;
        GroundTruth = groundTruth;
    }

    /// <summary>Image number within the campaign (seeds and selections refer to it).</summary>
    public int Key { get; }

    /// <summary>File stem.</summary>
    public string Stem { get; }

    /// <summary>Interleaved RGB.</summary>
    public byte[] Rgb { get; }

    /// <summary>The current labels D_t.</summary>
    public LabelMap Labels { get; }

    /// <summary>The superpixels.</summary>
    public SuperpixelMap Superpixels { get; }

    /// <summary>Ground truth, when the dataset has it.</summary>
    public LabelMap? GroundTruth { get; }

    /// <summary>Superpixels with an accepted answer: they leave the pool.</summary>
    public HashSet<int> Answered { get; } = [];

    /// <summary>Pixels a person vouched for through a region check (<see cref="RegionCheck"/>): automated correction leaves them alone.</summary>
    public HashSet<int> Checked { get; } = [];

    /// <summary>Width in pixels.</summary>
    public int Width => Labels.Width;

    /// <summary>Height in pixels.</summary>
    public int Height => Labels.Height;

    /// <summary>The image as a training sample with (a copy of) its current labels.</summary>
    public SegmentationSample ToSample() => new(Width, Height, Rgb, Labels.Labels.ToArray());

    /// <summary>The image as model input (no labels).</summary>
    public SegmentationSample ToInput() => new(Width, Height, Rgb);
}
