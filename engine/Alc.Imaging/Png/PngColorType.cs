namespace Alc.Imaging.Png;

/// <summary>The PNG colour types (IHDR byte 9), named as in the PNG specification.</summary>
public enum PngColorType
{
    /// <summary>Colour type 0: one gray sample per pixel (bit depth 1, 2, 4, 8 or 16).</summary>
    Grayscale = 0,

    /// <summary>Colour type 2: red, green, blue samples (bit depth 8 or 16).</summary>
    Rgb = 2,

    /// <summary>Colour type 3: one palette index per pixel (bit depth 1, 2, 4 or 8).</summary>
    Indexed = 3,

    /// <summary>Colour type 4: gray and alpha samples (bit depth 8 or 16).</summary>
    GrayscaleAlpha = 4,

    /// <summary>Colour type 6: red, green, blue and alpha samples (bit depth 8 or 16).</summary>
    Rgba = 6,
}
