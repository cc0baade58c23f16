namespace Alc.Imaging.Photos;

/// <summary>An 8-bit RGB photo: interleaved R, G, B bytes, row-major, no padding.</summary>
public sealed class RgbImage
{
    /// <summary>Wraps <paramref name="rgb"/> (length 3·width·height; the image takes ownership).</summary>
    /// <exception cref="ArgumentException">A side is below 1 or the array has the wrong length.</exception>
    public RgbImage(int width, int height, byte[] rgb)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        if (width < 1 || height < 1)
        {
            throw new ArgumentException($"Image size {width}×{height} is invalid: both sides must be ≥ 1.", nameof(width));
        }

        if (rgb.Length != 3L * width * height)
        {
            throw new ArgumentException($"Expected {3L * width * height} bytes (3 per pixel) for a {width}×{height} image, got {rgb.Length}.", nameof(rgb));
        }

        Width = width;
        Height = height;
        Rgb = rgb;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>The size in pixels.</summary>
    public ImageSize Size => new(Width, Height);

    /// <summary>Interleaved R, G, B bytes, row-major (3·Width·Height bytes).</summary>
    public byte[] Rgb { get; }
}
