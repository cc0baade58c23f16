using System.Buffers.Binary;

namespace Alc.Imaging.Png;

/// <summary>
/// A small, strict PNG codec for label and superpixel maps. Reading keeps samples exactly as stored
/// (palette indices, 16-bit values); it checks every CRC, the chunk order and the IHDR, refuses images
/// over <see cref="ImageLimits"/> before allocating, never inflates more than the image needs plus one
/// byte, and reports every problem with the file as a <see cref="MapFormatException"/>. Writing is
/// deterministic: the same input gives the same bytes.
/// </summary>
/// <remarks>Reads colour types 0, 2, 3, 4 and 6 at every bit depth PNG allows, all five filters, with or without Adam7 interlacing.</remarks>
public static class PngMapCodec
{
    /// <summary>Decodes a PNG from <paramref name="stream"/> (read to the end, not closed).</summary>
    /// <param name="stream">The PNG bytes.</param>
    /// <param name="fileName">Name used in error messages (for example "pseudo/2007_000032.png").</param>
    /// <param name="limits">Size limits; <see cref="ImageLimits.Default"/> when null.</param>
    /// <exception cref="MapFormatException">The data is not a valid PNG, is truncated or corrupt, or exceeds the limits.</exception>
    /// <exception cref="IOException">The stream fails.</exception>
    public static PngMap Read(Stream stream, string fileName, ImageLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        return PngDecoder.Decode(stream, fileName, limits ?? ImageLimits.Default, accept: null);
    }

    /// <summary>Decodes a PNG held in memory.</summary>
    /// <exception cref="MapFormatException">The data is not a valid PNG, is truncated or corrupt, or exceeds the limits.</exception>
    public static PngMap Read(byte[] png, string fileName, ImageLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(png);
        using var stream = new MemoryStream(png, writable: false);
        return Read(stream, fileName, limits);
    }

    /// <summary>Decodes the PNG file at <paramref name="path"/>; error messages name the path as given.</summary>
    /// <exception cref="MapFormatException">The file is not a valid PNG, is truncated or corrupt, or exceeds the limits.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static PngMap Read(string path, ImageLimits? limits = null)
    {
        using FileStream stream = OpenRead(path);
        return Read(stream, path, limits);
    }

    /// <summary>Reads and validates only the signature and IHDR (cheap: no pixel data is touched).</summary>
    /// <exception cref="MapFormatException">The header is invalid or exceeds the limits.</exception>
    /// <exception cref="IOException">The stream fails.</exception>
    public static PngHeader ReadHeader(Stream stream, string fileName, ImageLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        ImageLimits l = limits ?? ImageLimits.Default;
        return PngDecoder.ReadHeader(new PngChunkReader(stream, fileName, l.MaxEncodedBytes), l);
    }

    /// <summary>Encodes an 8-bit grayscale PNG (colour type 0) of <paramref name="values"/> (row-major, one byte per pixel).</summary>
    /// <exception cref="ArgumentException">The size is invalid or <paramref name="values"/> has the wrong length.</exception>
    public static byte[] EncodeGray8(int width, int height, ReadOnlySpan<byte> values)
    {
        RequireLength(width, height, values.Length, 1, nameof(values));
        return PngEncoder.Encode(new PngHeader(width, height, 8, PngColorType.Grayscale, false), values, [], adaptive: true);
    }

    /// <summary>Encodes a 16-bit grayscale PNG (colour type 0) of <paramref name="values"/>, all 16 bits kept.</summary>
    /// <exception cref="ArgumentException">The size is invalid or <paramref name="values"/> has the wrong length.</exception>
    public static byte[] EncodeGray16(int width, int height, ReadOnlySpan<ushort> values)
    {
        RequireLength(width, height, values.Length, 1, nameof(values));
        var rows = new byte[checked(values.Length * 2)];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(rows.AsSpan(2 * i, 2), values[i]);
        }

        return PngEncoder.Encode(new PngHeader(width, height, 16, PngColorType.Grayscale, false), rows, [], adaptive: true);
    }

    /// <summary>Encodes an 8-bit palette PNG (colour type 3): <paramref name="indices"/> per pixel and <paramref name="paletteRgb"/> as RGB triples (1..256 entries).</summary>
    /// <remarks>Indices at or beyond the palette's entry count are written as given (readers of this codec keep them; other viewers may show black).</remarks>
    /// <exception cref="ArgumentException">The size is invalid, <paramref name="indices"/> has the wrong length, or the palette is not 1..256 RGB triples.</exception>
    public static byte[] EncodeIndexed(int width, int height, ReadOnlySpan<byte> indices, ReadOnlySpan<byte> paletteRgb)
    {
        RequireLength(width, height, indices.Length, 1, nameof(indices));
        if (paletteRgb.IsEmpty || paletteRgb.Length % 3 != 0 || paletteRgb.Length > 768)
        {
            throw new ArgumentException($"A palette holds 1..256 RGB triples; got {paletteRgb.Length} bytes.", nameof(paletteRgb));
        }

        // The specification recommends filter None for palette images; on the real VOC masks it compressed
        // as well as adaptive filtering, and it is faster.
        return PngEncoder.Encode(new PngHeader(width, height, 8, PngColorType.Indexed, false), indices, paletteRgb, adaptive: false);
    }

    /// <summary>Encodes a 24-bit RGB PNG (colour type 2, 8 bits per channel) of interleaved <paramref name="rgb"/> bytes.</summary>
    /// <exception cref="ArgumentException">The size is invalid or <paramref name="rgb"/> has the wrong length.</exception>
    public static byte[] EncodeRgb24(int width, int height, ReadOnlySpan<byte> rgb)
    {
        RequireLength(width, height, rgb.Length, 3, nameof(rgb));
        return PngEncoder.Encode(new PngHeader(width, height, 8, PngColorType.Rgb, false), rgb, [], adaptive: true);
    }

    /// <summary>Opens a file for sequential reading.</summary>
    internal static FileStream OpenRead(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 65536, FileOptions.SequentialScan);
    }

    private static void RequireLength(int width, int height, int length, int valuesPerPixel, string paramName)
    {
        if (width < 1 || height < 1)
        {
            throw new ArgumentException($"Image size {width}×{height} is invalid: both sides must be ≥ 1.", paramName);
        }

        long expected = (long)width * height * valuesPerPixel;
        if (length != expected)
        {
            throw new ArgumentException($"Expected {expected} values for a {width}×{height} image with {valuesPerPixel} per pixel, got {length}.", paramName);
        }
    }
}
