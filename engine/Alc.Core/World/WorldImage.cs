namespace Alc.Core.World;

/// <summary>One generated image with its ground truth, simulated pseudo labels and SAM-like superpixels.</summary>
/// <param name="Stem">File stem, e.g. "train_0007".</param>
/// <param name="Split">"train" or "val".</param>
/// <param name="Size">Side in pixels (images are square).</param>
/// <param name="Rgb">Interleaved RGB, row-major.</param>
/// <param name="GroundTruth">True class per pixel.</param>
/// <param name="Pseudo">Grounded-SAM-like initial labels D0.</param>
/// <param name="Superpixels">SAM-like mask ids (≥ 1; full coverage).</param>
public sealed record WorldImage(string Stem, string Split, int Size, byte[] Rgb, byte[] GroundTruth, byte[] Pseudo, int[] Superpixels);
