namespace Alc.Core.Pool;

/// <summary>
/// One entry of the pixel pool X^d (eq. 3): the pixel that would be queried, and what the pool learned
/// about its superpixel s on the way.
/// </summary>
/// <param name="SuperpixelId">Id of s in the superpixel map.</param>
/// <param name="Pixel">Linear index of the candidate pixel x_s (eq. 4 for the diversified pool).</param>
/// <param name="SuperpixelSize">|s|.</param>
/// <param name="SubsetSize">|s'|, the pixels predicted as the dominant label (eq. 6).</param>
/// <param name="DominantLabel">D(s), the most frequent predicted class in s (eq. 5).</param>
public readonly record struct PoolCandidate(int SuperpixelId, int Pixel, int SuperpixelSize, int SubsetSize, byte DominantLabel);
