namespace Alc.Training;

/// <summary>One image for training or inference: interleaved RGB bytes and, for training, its label map (255 = ignore).</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Rgb">Interleaved RGB, row-major, Width·Height·3 bytes.</param>
/// <param name="Labels">Class id per pixel (255 = ignore), or null for inference only.</param>
public sealed record SegmentationSample(int Width, int Height, byte[] Rgb, byte[]? Labels = null);
