namespace Alc.Imaging.Png;

/// <summary>The validated contents of a PNG file's IHDR chunk.</summary>
/// <param name="Width">Width in pixels (≥ 1).</param>
/// <param name="Height">Height in pixels (≥ 1).</param>
/// <param name="BitDepth">Bits per sample (or per palette index): 1, 2, 4, 8 or 16, as allowed for the colour type.</param>
/// <param name="ColorType">The colour type.</param>
/// <param name="Interlaced">True for Adam7 interlacing.</param>
public sealed record PngHeader(int Width, int Height, int BitDepth, PngColorType ColorType, bool Interlaced)
{
    /// <summary>The size of the image.</summary>
    public ImageSize Size => new(Width, Height);

    /// <summary>Samples per pixel: 1 (gray, indexed), 2 (gray+alpha), 3 (RGB) or 4 (RGBA).</summary>
    public int Channels => ChannelsOf(ColorType);

    /// <summary>Bits per pixel (channels · bit depth).</summary>
    public int BitsPerPixel => Channels * BitDepth;

    /// <summary>Bytes in one unfiltered row of the full image (a row of <see cref="Width"/> pixels, padded to a byte).</summary>
    public long Stride => RowBytes(Width);

    /// <summary>A short description for messages: "grayscale (16-bit)", "palette (indexed, 8-bit)", "RGB (8 bits per channel)" and so on.</summary>
    public string Description => ColorType switch
    {
        PngColorType.Grayscale => $"grayscale ({BitDepth}-bit)",
        PngColorType.Rgb => $"RGB ({BitDepth} bits per channel)",
        PngColorType.Indexed => $"palette (indexed, {BitDepth}-bit)",
        PngColorType.GrayscaleAlpha => $"grayscale+alpha ({BitDepth} bits per channel)",
        PngColorType.Rgba => $"RGBA ({BitDepth} bits per channel)",
        _ => $"colour type {(int)ColorType}",
    };

    /// <summary><see cref="Description"/> with its indefinite article ("a grayscale (8-bit)", "an RGB (8 bits per channel)").</summary>
    internal string DescriptionWithArticle =>
        (ColorType is PngColorType.Rgb or PngColorType.Rgba ? "an " : "a ") + Description;

    /// <summary>Bytes in an unfiltered row of <paramref name="pixels"/> pixels.</summary>
    internal long RowBytes(long pixels) => ((pixels * BitsPerPixel) + 7) / 8;

    /// <summary>Samples per pixel of a colour type.</summary>
    internal static int ChannelsOf(PngColorType colorType) => colorType switch
    {
        PngColorType.Grayscale or PngColorType.Indexed => 1,
        PngColorType.GrayscaleAlpha => 2,
        PngColorType.Rgb => 3,
        PngColorType.Rgba => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(colorType), colorType, "Not a PNG colour type."),
    };
}
