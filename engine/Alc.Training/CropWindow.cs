namespace Alc.Training;

/// <summary>
/// One sample's augmentation: rescale by <paramref name="Scale"/>, take the crop whose top-left corner is
/// (<paramref name="Left"/>, <paramref name="Top"/>) in the rescaled image, and mirror the crop when
/// <paramref name="Flip"/> is set. Crop pixels beyond the rescaled image are padding.
/// </summary>
/// <param name="Scale">Resize factor; the rescaled image is round(W·Scale) × round(H·Scale) (at least 1×1).</param>
/// <param name="Left">Crop's first column in the rescaled image (≥ 0).</param>
/// <param name="Top">Crop's first row in the rescaled image (≥ 0).</param>
/// <param name="Flip">Mirror the crop horizontally.</param>
internal readonly record struct CropWindow(double Scale, int Left, int Top, bool Flip)
{
    /// <summary>Size of <paramref name="size"/> pixels after rescaling by <see cref="Scale"/>.</summary>
    public int Scaled(int size) => Math.Max(1, (int)Math.Round(size * Scale, MidpointRounding.AwayFromZero));
}
