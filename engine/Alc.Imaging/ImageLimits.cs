namespace Alc.Imaging;

/// <summary>
/// Upper bounds checked against a file's header <em>before</em> any pixel memory is allocated or any
/// compressed data is inflated. Readers of user uploads rely on them; raise them only deliberately.
/// </summary>
public sealed record ImageLimits
{
    /// <summary>The limits used when a caller passes none: 16384×16384, 100 megapixels, 1 GiB decoded, 256 MiB encoded.</summary>
    public static ImageLimits Default { get; } = new();

    /// <summary>Largest accepted width in pixels.</summary>
    public int MaxWidth { get; init; } = 16384;

    /// <summary>Largest accepted height in pixels.</summary>
    public int MaxHeight { get; init; } = 16384;

    /// <summary>Largest accepted pixel count (width·height).</summary>
    public long MaxPixels { get; init; } = 100_000_000;

    /// <summary>Largest decoded pixel buffer, in bytes, a reader may allocate for one file.</summary>
    public long MaxDecodedBytes { get; init; } = 1L << 30;

    /// <summary>Largest encoded file, in bytes: photos are read whole into memory; PNG maps are streamed, but no more than this is read.</summary>
    public long MaxEncodedBytes { get; init; } = 256L << 20;

    /// <summary>The reason a <paramref name="width"/>×<paramref name="height"/> image needing <paramref name="decodedBytes"/> bytes is refused, or null when it fits.</summary>
    internal string? Violation(long width, long height, long decodedBytes)
    {
        if (width > MaxWidth || height > MaxHeight)
        {
            return $"image size {width}×{height} exceeds the limit of {MaxWidth}×{MaxHeight} pixels";
        }

        if (width * height > MaxPixels)
        {
            return $"image size {width}×{height} ({width * height} pixels) exceeds the limit of {MaxPixels} pixels";
        }

        if (decodedBytes > MaxDecodedBytes || decodedBytes > Array.MaxLength)
        {
            return $"image size {width}×{height} needs {decodedBytes} bytes decoded, more than the limit of {Math.Min(MaxDecodedBytes, Array.MaxLength)} bytes";
        }

        return null;
    }
}
