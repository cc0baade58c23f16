namespace Alc.Imaging;

/// <summary>The width and height of an image or map, in pixels.</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public readonly record struct ImageSize(int Width, int Height)
{
    /// <summary>Number of pixels (width·height).</summary>
    public long PixelCount => (long)Width * Height;

    /// <summary>Throws when this size (read from <paramref name="fileName"/>) differs from <paramref name="expected"/>.</summary>
    /// <exception cref="MapFormatException">The sizes differ; the message names the file and both sizes.</exception>
    public void RequireEqual(ImageSize expected, string fileName)
    {
        if (this != expected)
        {
            throw new MapFormatException(fileName, SizeMismatch(expected));
        }
    }

    /// <summary>"W×H".</summary>
    public override string ToString() => $"{Width}×{Height}";

    /// <summary>The reason text for a size mismatch.</summary>
    internal string SizeMismatch(ImageSize expected) =>
        $"size {this} does not match the expected {expected}";
}
