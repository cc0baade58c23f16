namespace Alc.Core.World;

/// <summary>A real grayscale product photo on a black background (a Fashion-MNIST item), as the photo world composites it.</summary>
/// <param name="Pixels">Row-major intensities, <paramref name="Side"/>² bytes; 0 is the photo's black background.</param>
/// <param name="Side">Side of the square photo in pixels (28 for Fashion-MNIST).</param>
/// <param name="Label">The item's class, 0-based in the catalog's class list.</param>
public sealed record ItemPhoto(byte[] Pixels, int Side, int Label);
