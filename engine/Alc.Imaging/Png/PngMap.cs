using System.Buffers.Binary;

namespace Alc.Imaging.Png;

/// <summary>
/// A decoded PNG kept exactly as stored: unfiltered, de-interlaced rows of raw samples, never scaled or
/// colour-converted, so 16-bit ids and palette indices survive. Produced by <see cref="PngMapCodec"/>.
/// </summary>
public sealed class PngMap
{
    private readonly byte[] _pixels;
    private readonly byte[] _palette;

    internal PngMap(string fileName, PngHeader header, byte[] pixels, byte[] palette)
    {
        FileName = fileName;
        Header = header;
        _pixels = pixels;
        _palette = palette;
        Stride = (int)header.Stride;
    }

    /// <summary>The file name given when reading (used in error messages).</summary>
    public string FileName { get; }

    /// <summary>The validated IHDR contents.</summary>
    public PngHeader Header { get; }

    /// <summary>Width in pixels.</summary>
    public int Width => Header.Width;

    /// <summary>Height in pixels.</summary>
    public int Height => Header.Height;

    /// <summary>The size in pixels.</summary>
    public ImageSize Size => Header.Size;

    /// <summary>The PLTE chunk: RGB triples, empty when the file has none. Only colours; indices are read from <see cref="Pixels"/>.</summary>
    public ReadOnlySpan<byte> Palette => _palette;

    /// <summary>Number of palette entries (0 when the file has no PLTE chunk).</summary>
    public int PaletteCount => _palette.Length / 3;

    /// <summary>Bytes per row in <see cref="Pixels"/>.</summary>
    public int Stride { get; }

    /// <summary>
    /// The raw rows, <see cref="Stride"/> bytes each, in PNG sample layout: samples interleaved per pixel,
    /// 16-bit samples big-endian, samples below 8 bits packed most-significant first.
    /// </summary>
    public ReadOnlySpan<byte> Pixels => _pixels;

    /// <summary>The unscaled value of one sample (a palette index for indexed images).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A coordinate or the channel is outside the image.</exception>
    public int GetSample(int x, int y, int channel = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(x, Width);
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(channel, Header.Channels);
        int depth = Header.BitDepth;
        int rowStart = y * Stride;
        int sampleIndex = (x * Header.Channels) + channel;
        return depth switch
        {
            16 => BinaryPrimitives.ReadUInt16BigEndian(_pixels.AsSpan(rowStart + (sampleIndex * 2), 2)),
            8 => _pixels[rowStart + sampleIndex],
            _ => SubByteSample(_pixels.AsSpan(rowStart, Stride), sampleIndex, depth),
        };
    }

    /// <summary>One byte per pixel, row-major: the palette index or the gray level, unscaled.</summary>
    /// <exception cref="InvalidOperationException">The image has more than one channel or 16-bit samples (see <see cref="Header"/>).</exception>
    public byte[] ToBytes() => Header.BitDepth == 8 ? (byte[])UnpackBytes().Clone() : UnpackBytes();

    /// <summary>One value per pixel, row-major, for single-channel images of any bit depth (16-bit gray included), unscaled.</summary>
    /// <exception cref="InvalidOperationException">The image has more than one channel.</exception>
    public int[] ToInt32()
    {
        RequireSingleChannel();
        var values = new int[Width * Height];
        if (Header.BitDepth == 16)
        {
            for (int y = 0; y < Height; y++)
            {
                ReadOnlySpan<byte> row = _pixels.AsSpan(y * Stride, Stride);
                Span<int> target = values.AsSpan(y * Width, Width);
                for (int x = 0; x < target.Length; x++)
                {
                    target[x] = (row[2 * x] << 8) | row[(2 * x) + 1];
                }
            }

            return values;
        }

        byte[] bytes = UnpackBytes();
        for (int i = 0; i < bytes.Length; i++)
        {
            values[i] = bytes[i];
        }

        return values;
    }

    /// <summary>
    /// One byte per pixel for single-channel images of at most 8 bits; for 8-bit images this is the decoded
    /// buffer itself (no copy), which callers inside the assembly take over.
    /// </summary>
    internal byte[] UnpackBytes()
    {
        RequireSingleChannel();
        int depth = Header.BitDepth;
        if (depth == 8)
        {
            return _pixels;
        }

        if (depth > 8)
        {
            throw new InvalidOperationException($"{FileName}: {Header.DescriptionWithArticle} PNG has values above 255; use {nameof(ToInt32)}.");
        }

        var values = new byte[Width * Height];
        for (int y = 0; y < Height; y++)
        {
            ReadOnlySpan<byte> row = _pixels.AsSpan(y * Stride, Stride);
            Span<byte> target = values.AsSpan(y * Width, Width);
            for (int x = 0; x < target.Length; x++)
            {
                target[x] = (byte)SubByteSample(row, x, depth);
            }
        }

        return values;
    }

    private void RequireSingleChannel()
    {
        if (Header.Channels != 1)
        {
            throw new InvalidOperationException($"{FileName}: {Header.DescriptionWithArticle} PNG has {Header.Channels} samples per pixel, not one.");
        }
    }

    private static int SubByteSample(ReadOnlySpan<byte> row, int index, int depth)
    {
        int bit = index * depth;
        return (row[bit >> 3] >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
    }
}
