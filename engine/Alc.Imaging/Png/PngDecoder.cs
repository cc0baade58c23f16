using System.Buffers.Binary;
using System.IO.Compression;

namespace Alc.Imaging.Png;

/// <summary>
/// The strict PNG reader behind <see cref="PngMapCodec"/>: validates the signature, IHDR, chunk order and
/// every CRC; checks the limits before allocating; inflates exactly the bytes the image needs (plus one
/// byte to detect excess); reverses the five filters; de-interlaces Adam7.
/// </summary>
internal static class PngDecoder
{
    /// <summary>Reads the signature and IHDR, validates them and checks <paramref name="limits"/>.</summary>
    public static PngHeader ReadHeader(PngChunkReader reader, ImageLimits limits)
    {
        reader.ReadSignature();
        reader.NextChunk();
        if (reader.Type != ChunkTypes.Ihdr)
        {
            throw reader.Fail($"the first chunk must be IHDR, found {reader.TypeName}");
        }

        if (reader.Length != 13)
        {
            throw reader.Fail($"the IHDR chunk has length {reader.Length}, expected 13");
        }

        Span<byte> ihdr = stackalloc byte[13];
        reader.Read(ihdr);
        reader.EndChunk();

        uint width = BinaryPrimitives.ReadUInt32BigEndian(ihdr);
        uint height = BinaryPrimitives.ReadUInt32BigEndian(ihdr[4..]);
        int bitDepth = ihdr[8];
        int colorType = ihdr[9];
        if (width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue)
        {
            throw reader.Fail($"IHDR declares an invalid image size {width}×{height}");
        }

        bool depthOk = colorType switch
        {
            0 => bitDepth is 1 or 2 or 4 or 8 or 16,
            3 => bitDepth is 1 or 2 or 4 or 8,
            2 or 4 or 6 => bitDepth is 8 or 16,
            _ => throw reader.Fail($"IHDR declares colour type {colorType}; PNG defines 0, 2, 3, 4 and 6"),
        };
        if (!depthOk)
        {
            throw reader.Fail($"IHDR declares bit depth {bitDepth}, which PNG does not allow for colour type {colorType}");
        }

        if (ihdr[10] != 0)
        {
            throw reader.Fail($"IHDR declares compression method {ihdr[10]}; PNG defines only 0 (zlib)");
        }

        if (ihdr[11] != 0)
        {
            throw reader.Fail($"IHDR declares filter method {ihdr[11]}; PNG defines only 0");
        }

        if (ihdr[12] > 1)
        {
            throw reader.Fail($"IHDR declares interlace method {ihdr[12]}; PNG defines 0 (none) and 1 (Adam7)");
        }

        var header = new PngHeader((int)width, (int)height, bitDepth, (PngColorType)colorType, ihdr[12] == 1);
        string? violation = limits.Violation(width, height, header.Stride * height);
        if (violation is not null)
        {
            throw reader.Fail($"{violation}; the file was refused before decoding");
        }

        return header;
    }

    /// <summary>Decodes a whole PNG; <paramref name="accept"/> may refuse the header (returning the reason) before any pixel memory is allocated.</summary>
    public static PngMap Decode(Stream stream, string fileName, ImageLimits limits, Func<PngHeader, string?>? accept)
    {
        var reader = new PngChunkReader(stream, fileName, limits.MaxEncodedBytes);
        PngHeader header = ReadHeader(reader, limits);
        string? refusal = accept?.Invoke(header);
        if (refusal is not null)
        {
            throw reader.Fail(refusal);
        }

        byte[]? palette = null;
        byte[]? pixels = null;
        bool seenTransparency = false;
        bool pending = false;
        while (true)
        {
            if (!pending)
            {
                reader.NextChunk();
            }

            pending = false;
            switch (reader.Type)
            {
                case ChunkTypes.Ihdr:
                    throw reader.Fail("the file has a second IHDR chunk");
                case ChunkTypes.Plte:
                    palette = ReadPalette(reader, header, palette, pixels is not null, seenTransparency);
                    break;
                case ChunkTypes.Trns:
                    CheckTransparency(reader, header, palette, pixels is not null, seenTransparency);
                    seenTransparency = true;
                    break;
                case ChunkTypes.Idat:
                    if (pixels is not null)
                    {
                        throw reader.Fail("IDAT chunks must be consecutive, but another chunk separates them");
                    }

                    if (header.ColorType == PngColorType.Indexed && palette is null)
                    {
                        throw reader.Fail("the palette (indexed) PNG has no PLTE chunk before its image data");
                    }

                    pixels = DecodeImageData(reader, header);
                    pending = true;
                    break;
                case ChunkTypes.Iend:
                    if (pixels is null)
                    {
                        throw reader.Fail("the file has no image data (IDAT) before IEND");
                    }

                    if (reader.Length != 0)
                    {
                        throw reader.Fail($"the IEND chunk must be empty, but it declares {reader.Length} bytes");
                    }

                    reader.EndChunk();
                    if (!reader.AtEndOfStream())
                    {
                        throw reader.Fail("the file has data after its IEND chunk");
                    }

                    return new PngMap(fileName, header, pixels, palette ?? []);
                default:
                    if (ChunkTypes.IsCritical(reader.Type))
                    {
                        throw reader.Fail($"unknown critical chunk {reader.TypeName}: this reader cannot decode the file");
                    }

                    reader.SkipData();
                    reader.EndChunk();
                    break;
            }
        }
    }

    private static byte[] ReadPalette(PngChunkReader reader, PngHeader header, byte[]? palette, bool afterImageData, bool afterTransparency)
    {
        if (afterImageData)
        {
            throw reader.Fail("the PLTE chunk comes after the image data (IDAT); it must come before");
        }

        if (palette is not null)
        {
            throw reader.Fail("the file has a second PLTE chunk");
        }

        if (afterTransparency)
        {
            throw reader.Fail("the PLTE chunk comes after tRNS; it must come before");
        }

        if (header.ColorType is PngColorType.Grayscale or PngColorType.GrayscaleAlpha)
        {
            throw reader.Fail($"{header.DescriptionWithArticle} PNG must not have a PLTE chunk");
        }

        uint length = reader.Length;
        if (length == 0 || length % 3 != 0 || length > 768)
        {
            throw reader.Fail($"the PLTE chunk has length {length}; it must be a multiple of 3 between 3 and 768");
        }

        if (header.ColorType == PngColorType.Indexed && length / 3 > 1u << header.BitDepth)
        {
            throw reader.Fail($"the palette has {length / 3} entries, more than a {header.BitDepth}-bit index can address");
        }

        byte[] data = reader.ReadAll();
        reader.EndChunk();
        return data;
    }

    private static void CheckTransparency(PngChunkReader reader, PngHeader header, byte[]? palette, bool afterImageData, bool seen)
    {
        if (afterImageData)
        {
            throw reader.Fail("the tRNS chunk comes after the image data (IDAT); it must come before");
        }

        if (seen)
        {
            throw reader.Fail("the file has a second tRNS chunk");
        }

        bool lengthOk = header.ColorType switch
        {
            PngColorType.Grayscale => reader.Length == 2,
            PngColorType.Rgb => reader.Length == 6,
            PngColorType.Indexed => palette is null
                ? throw reader.Fail("the tRNS chunk comes before PLTE; it must come after")
                : reader.Length <= palette.Length / 3,
            _ => throw reader.Fail($"{header.DescriptionWithArticle} PNG must not have a tRNS chunk (it has an alpha channel)"),
        };
        if (!lengthOk)
        {
            throw reader.Fail($"the tRNS chunk has length {reader.Length}, which does not fit {header.DescriptionWithArticle} PNG");
        }

        // Maps are read by value and index; transparency does not change them.
        reader.SkipData();
        reader.EndChunk();
    }

    private static byte[] DecodeImageData(PngChunkReader reader, PngHeader header)
    {
        int stride = checked((int)header.Stride);
        var pixels = new byte[checked((long)stride * header.Height)];
        int bitsPerPixel = header.BitsPerPixel;
        int filterUnit = Math.Max(1, bitsPerPixel / 8);
        long expected = ExpectedInflatedBytes(header);
        long inflated = 0;
        var idat = new IdatStream(reader);
        try
        {
            using var zlib = new ZLibStream(idat, CompressionMode.Decompress, leaveOpen: true);
            if (!header.Interlaced)
            {
                var row = new byte[stride + 1];
                var zero = new byte[stride];
                for (int y = 0; y < header.Height; y++)
                {
                    Fill(zlib, row, ref inflated, expected, reader, header);
                    Span<byte> target = pixels.AsSpan(y * stride, stride);
                    row.AsSpan(1).CopyTo(target);
                    ReadOnlySpan<byte> previous = y == 0 ? zero : pixels.AsSpan((y - 1) * stride, stride);
                    Unfilter(reader, row[0], target, previous, filterUnit, y, pass: null);
                }
            }
            else
            {
                for (int pass = 0; pass < Adam7.Passes; pass++)
                {
                    var (passWidth, passHeight) = Adam7.PassSize(pass, header.Width, header.Height);
                    if (passWidth == 0 || passHeight == 0)
                    {
                        continue;
                    }

                    var (x0, y0, dx, dy) = Adam7.Pass(pass);
                    int passStride = (int)header.RowBytes(passWidth);
                    var row = new byte[passStride + 1];
                    var previous = new byte[passStride];
                    for (int j = 0; j < passHeight; j++)
                    {
                        Fill(zlib, row, ref inflated, expected, reader, header);
                        Span<byte> current = row.AsSpan(1);
                        Unfilter(reader, row[0], current, previous, filterUnit, j, pass + 1);
                        int y = y0 + (j * dy);
                        Adam7.Scatter(current, pixels.AsSpan(y * stride, stride), x0, dx, passWidth, bitsPerPixel);
                        current.CopyTo(previous);
                    }
                }
            }

            Span<byte> probe = stackalloc byte[1];
            if (zlib.Read(probe) > 0)
            {
                throw reader.Fail($"the image data inflates to more than the {expected} bytes needed by the {header.Width}×{header.Height} {header.Description} image: the file is corrupt");
            }
        }
        catch (Exception ex) when (ex is InvalidDataException || (ex is IOException && !idat.SourceFailed))
        {
            // The inflater reports bad data as InvalidDataException, and some (a preset-dictionary header, for
            // one) as System.IO.Compression.ZLibException, an IOException the reference assemblies do not expose.
            // An IOException of the caller's stream passes through unchanged.
            throw reader.Fail("the compressed image data (IDAT) is not a valid zlib stream: the file is corrupt", ex);
        }

        idat.Drain();
        return pixels;
    }

    /// <summary>The number of bytes the filtered scanlines (filter bytes included) of the image must inflate to.</summary>
    internal static long ExpectedInflatedBytes(PngHeader header)
    {
        if (!header.Interlaced)
        {
            return (header.Stride + 1) * header.Height;
        }

        long total = 0;
        for (int pass = 0; pass < Adam7.Passes; pass++)
        {
            var (w, h) = Adam7.PassSize(pass, header.Width, header.Height);
            if (w > 0 && h > 0)
            {
                total += (header.RowBytes(w) + 1) * h;
            }
        }

        return total;
    }

    private static void Fill(ZLibStream zlib, byte[] row, ref long inflated, long expected, PngChunkReader reader, PngHeader header)
    {
        int offset = 0;
        while (offset < row.Length)
        {
            int n = zlib.Read(row, offset, row.Length - offset);
            if (n == 0)
            {
                throw reader.Fail($"the image data is truncated: it inflates to {inflated} of the {expected} bytes needed by the {header.Width}×{header.Height} {header.Description} image");
            }

            offset += n;
            inflated += n;
        }
    }

    private static void Unfilter(PngChunkReader reader, byte filter, Span<byte> row, ReadOnlySpan<byte> previous, int filterUnit, int rowIndex, int? pass)
    {
        if (!PngFilters.Unfilter(filter, row, previous, filterUnit))
        {
            string where = pass is null ? $"row {rowIndex}" : $"row {rowIndex} of interlace pass {pass}";
            throw reader.Fail($"{where} uses filter type {filter}; PNG defines 0..4: the image data is corrupt");
        }
    }
}
