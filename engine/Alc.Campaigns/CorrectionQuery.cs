
namespace Alc.Campaigns;

/// <summary>
/// A correction query (section 3.2): "pixel <see cref="Pixel"/> of image <see cref="ImageKey"/> is labelled
/// <see cref="ShownLabel"/>; give the right class only if that is wrong".
/// </summary>
/// <param name="ImageKey">The image.</param>
/// <param name="Pixel">Linear pixel index.</param>
/// <param name="SuperpixelId">The superpixel the answer expands to.</param>
/// <param name="ShownLabel">The pixel's current label.</param>
/// <param name="Score">The acquisition score that selected it.</param>
public sealed record CorrectionQuery(int ImageKey, int Pixel, int SuperpixelId, byte ShownLabel, double Score);
