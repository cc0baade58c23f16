using System.Buffers.Binary;
using Alc.Imaging.Png;
using Alc.Imaging.Tests.Support;

namespace Alc.Imaging.Tests.Png;

public class PngErrorTests
{
    private static readonly byte[] Valid = PngMapCodec.EncodeGray8(8, 6, [.. Enumerable.Range(0, 48).Select(i => (byte)(i * 5))]);

    private static byte[] IdatOf(int w, int h, int channels = 1, int depth = 8) =>
        RawPng.Chunk("IDAT", RawPng.Zlib(RawPng.Scanlines(w, h, channels, depth, new int[w * h * channels], _ => 0)));

    private static MapFormatException Fails(byte[] png, string name = "bad.png", ImageLimits? limits = null)
    {
        var ex = Assert.Throws<MapFormatException>(() => PngMapCodec.Read(png, name, limits));
        Assert.Equal(name, ex.FileName);
        Assert.StartsWith(name + ": ", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ex.Reason, ex.Message[(name.Length + 2)..]);
        return ex;
    }

    [Fact]
    public void Not_a_png()
    {
        Assert.Contains("the file is empty", Fails([]).Reason, StringComparison.Ordinal);
        Assert.Contains("PNG signature is missing", Fails("GIF89a......"u8.ToArray()).Reason, StringComparison.Ordinal);
        Assert.Contains("PNG signature is missing", Fails(Valid[..5]).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_crc_names_the_chunk()
    {
        byte[] ihdrCrc = (byte[])Valid.Clone();
        ihdrCrc[8 + 8 + 13] ^= 0x01; // first CRC byte of IHDR
        Assert.Contains("chunk IHDR has a bad CRC", Fails(ihdrCrc).Reason, StringComparison.Ordinal);

        byte[] idatData = (byte[])Valid.Clone();
        idatData[33 + 8 + 3] ^= 0x40; // a data byte of the IDAT that follows IHDR (8 + 25 bytes)
        MapFormatException ex = Fails(idatData);
        Assert.True(ex.Reason.Contains("chunk IDAT has a bad CRC", StringComparison.Ordinal) || ex.Reason.Contains("zlib", StringComparison.Ordinal), ex.Reason);

        byte[] iendCrc = (byte[])Valid.Clone();
        iendCrc[^1] ^= 0xFF;
        Assert.Contains("chunk IEND has a bad CRC (stored 0x", Fails(iendCrc).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_files_are_rejected()
    {
        var chunks = RawPng.Chunks(Valid);
        int idatStart = 8 + 25;
        int idatLength = chunks.Single(c => c.Type == "IDAT").Data.Length;
        Assert.Contains("truncated inside chunk IDAT", Fails(Valid[..(idatStart + 8 + (idatLength / 2))]).Reason, StringComparison.Ordinal);
        Assert.Contains("truncated inside the CRC of chunk IDAT", Fails(Valid[..(idatStart + 8 + idatLength + 2)]).Reason, StringComparison.Ordinal);
        Assert.Contains("ends before the IEND chunk", Fails(Valid[..^12]).Reason, StringComparison.Ordinal);
        Assert.Contains("truncated inside the CRC of chunk IEND", Fails(Valid[..^1]).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_compressed_data_is_rejected_even_with_valid_crcs()
    {
        // Only 3 of 6 rows compressed, in a well-formed chunk.
        byte[] zlib = RawPng.Zlib(RawPng.Scanlines(8, 3, 1, 8, new int[24], _ => 0));
        byte[] png = RawPng.File(RawPng.Ihdr(8, 6, 8, 0), RawPng.Chunk("IDAT", zlib), RawPng.Iend());
        Assert.Equal("the image data is truncated: it inflates to 27 of the 54 bytes needed by the 8×6 grayscale (8-bit) image", Fails(png).Reason);

        // A zlib stream cut in the middle (valid chunk around it).
        byte[] full = RawPng.Zlib(RawPng.Scanlines(8, 6, 1, 8, [.. Enumerable.Range(0, 48)], _ => 1));
        byte[] cut = RawPng.File(RawPng.Ihdr(8, 6, 8, 0), RawPng.Chunk("IDAT", full.AsSpan(0, full.Length / 2)), RawPng.Iend());
        MapFormatException ex = Fails(cut);
        Assert.True(ex.Reason.Contains("truncated", StringComparison.Ordinal) || ex.Reason.Contains("zlib", StringComparison.Ordinal), ex.Reason);
    }

    [Fact]
    public void Excess_compressed_data_is_rejected_without_inflating_it()
    {
        // 600 rows of data for a 8×6 image: the reader stops one byte past the 54 it needs.
        byte[] zlib = RawPng.Zlib(new byte[9 * 600]);
        byte[] png = RawPng.File(RawPng.Ihdr(8, 6, 8, 0), RawPng.Chunk("IDAT", zlib), RawPng.Iend());
        Assert.Equal("the image data inflates to more than the 54 bytes needed by the 8×6 grayscale (8-bit) image: the file is corrupt", Fails(png).Reason);

        // A decompression bomb: 64 MiB of zeros declared as a 4×4 image is refused after inflating 21 bytes.
        byte[] bomb = RawPng.File(RawPng.Ihdr(4, 4, 8, 0), RawPng.Chunk("IDAT", RawPng.Zlib(new byte[64 << 20])), RawPng.Iend());
        long before = GC.GetAllocatedBytesForCurrentThread();
        Fails(bomb);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < (4 << 20));
    }

    [Fact]
    public void Oversize_dimensions_are_refused_before_allocation()
    {
        // 100000×100000 RGBA 16-bit would need 80 GB; the header alone is enough to refuse it.
        byte[] huge = RawPng.File(RawPng.Ihdr(100_000, 100_000, 16, 6), IdatOf(1, 1, 4, 16), RawPng.Iend());
        long before = GC.GetAllocatedBytesForCurrentThread();
        MapFormatException ex = Fails(huge, "huge.png");
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal("image size 100000×100000 exceeds the limit of 16384×16384 pixels; the file was refused before decoding", ex.Reason);
        Assert.True(allocated < (1 << 20), $"allocated {allocated} bytes");

        byte[] tooMany = RawPng.File(RawPng.Ihdr(16000, 16000, 8, 0), IdatOf(1, 1), RawPng.Iend());
        Assert.Contains("(256000000 pixels) exceeds the limit of 100000000 pixels", Fails(tooMany).Reason, StringComparison.Ordinal);

        var small = new ImageLimits { MaxWidth = 4, MaxHeight = 4 };
        Assert.Contains("exceeds the limit of 4×4", Fails(Valid, limits: small).Reason, StringComparison.Ordinal);
        var fewBytes = new ImageLimits { MaxDecodedBytes = 40 };
        Assert.Contains("needs 48 bytes decoded, more than the limit of 40 bytes", Fails(Valid, limits: fewBytes).Reason, StringComparison.Ordinal);
        Assert.Equal("the file is larger than the limit of 60 bytes", Fails(Valid, limits: new ImageLimits { MaxEncodedBytes = 60 }).Reason);
        using var stream = new MemoryStream(huge);
        Assert.Throws<MapFormatException>(() => PngMapCodec.ReadHeader(stream, "huge.png"));
    }

    [Theory]
    [InlineData(0u, 5u, "invalid image size 0×5")]
    [InlineData(5u, 0u, "invalid image size 5×0")]
    [InlineData(0x80000000u, 1u, "invalid image size 2147483648×1")]
    public void Invalid_sizes_are_rejected(uint w, uint h, string reason)
    {
        Assert.Contains(reason, Fails(RawPng.File(RawPng.Ihdr(w, h, 8, 0), IdatOf(1, 1), RawPng.Iend())).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(8, 1, 0, 0, 0, "colour type 1; PNG defines 0, 2, 3, 4 and 6")]
    [InlineData(8, 7, 0, 0, 0, "colour type 7")]
    [InlineData(16, 3, 0, 0, 0, "bit depth 16, which PNG does not allow for colour type 3")]
    [InlineData(4, 2, 0, 0, 0, "bit depth 4, which PNG does not allow for colour type 2")]
    [InlineData(3, 0, 0, 0, 0, "bit depth 3, which PNG does not allow for colour type 0")]
    [InlineData(8, 0, 1, 0, 0, "compression method 1")]
    [InlineData(8, 0, 0, 1, 0, "filter method 1")]
    [InlineData(8, 0, 0, 0, 2, "interlace method 2")]
    public void Invalid_headers_are_rejected(int depth, int colorType, int compression, int filterMethod, int interlace, string reason)
    {
        byte[] png = RawPng.File(RawPng.Ihdr(1, 1, depth, colorType, interlace, compression, filterMethod), IdatOf(1, 1), RawPng.Iend());
        Assert.Contains(reason, Fails(png).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Chunk_order_rules_are_enforced()
    {
        byte[] ihdr = RawPng.Ihdr(1, 1, 8, 0);
        byte[] idat = IdatOf(1, 1);
        byte[] iend = RawPng.Iend();
        byte[] ihdrIndexed = RawPng.Ihdr(1, 1, 8, 3);
        byte[] plte = RawPng.Chunk("PLTE", [1, 2, 3]);

        Assert.Contains("the first chunk must be IHDR, found IDAT", Fails(RawPng.File(idat, ihdr, iend)).Reason, StringComparison.Ordinal);
        Assert.Contains("IHDR chunk has length 12, expected 13", Fails(RawPng.File(RawPng.Chunk("IHDR", new byte[12]), idat, iend)).Reason, StringComparison.Ordinal);
        Assert.Contains("second IHDR", Fails(RawPng.File(ihdr, ihdr, idat, iend)).Reason, StringComparison.Ordinal);
        Assert.Contains("no image data (IDAT) before IEND", Fails(RawPng.File(ihdr, iend)).Reason, StringComparison.Ordinal);
        Assert.Contains("IDAT chunks must be consecutive", Fails(RawPng.File(ihdr, idat, RawPng.Chunk("tEXt", "a\0b"u8), idat, iend)).Reason, StringComparison.Ordinal);
        Assert.Contains("has no PLTE chunk before its image data", Fails(RawPng.File(ihdrIndexed, idat, iend)).Reason, StringComparison.Ordinal);
        Assert.Contains("PLTE chunk comes after the image data", Fails(RawPng.File(RawPng.Ihdr(1, 1, 8, 2), IdatOf(1, 1, 3), plte, iend)).Reason, StringComparison.Ordinal);
        Assert.Contains("second PLTE", Fails(RawPng.File(ihdrIndexed, plte, plte, idat, iend)).Reason, StringComparison.Ordinal);
        Assert.Contains("a grayscale (8-bit) PNG must not have a PLTE chunk", Fails(RawPng.File(ihdr, plte, idat, iend)).Reason, StringComparison.Ordinal);
        Assert.Contains("PLTE chunk has length 4", Fails(RawPng.File(ihdrIndexed, RawPng.Chunk("PLTE", [1, 2, 3, 4]), idat, iend)).Reason, StringComparison.Ordinal);
        Assert.Contains("palette has 3 entries, more than a 1-bit index", Fails(RawPng.File(RawPng.Ihdr(1, 1, 1, 3), RawPng.Chunk("PLTE", new byte[9]), idat, iend)).Reason, StringComparison.Ordinal);
        Assert.Contains("tRNS chunk comes before PLTE", Fails(RawPng.File(ihdrIndexed, RawPng.Chunk("tRNS", [0]), plte, idat, iend)).Reason, StringComparison.Ordinal);
        Assert.Contains("tRNS chunk comes after the image data", Fails(RawPng.File(ihdr, idat, RawPng.Chunk("tRNS", [0, 0]), iend)).Reason, StringComparison.Ordinal);
        Assert.Contains("tRNS chunk has length 3", Fails(RawPng.File(ihdr, RawPng.Chunk("tRNS", [0, 0, 0]), idat, iend)).Reason, StringComparison.Ordinal);
        Assert.Contains("IEND chunk must be empty", Fails(RawPng.File(ihdr, idat, RawPng.Chunk("IEND", [0]))).Reason, StringComparison.Ordinal);
        Assert.Contains("data after its IEND chunk", Fails([.. RawPng.File(ihdr, idat, iend), 0]).Reason, StringComparison.Ordinal);
        Assert.Contains("unknown critical chunk ABCD", Fails(RawPng.File(ihdr, RawPng.Chunk("ABCD", []), idat, iend)).Reason, StringComparison.Ordinal);
        Assert.Contains("chunk type must be four ASCII letters", Fails(RawPng.File(ihdr, RawPng.Chunk("ab1d", []), idat, iend)).Reason, StringComparison.Ordinal);

        // The same chunks in a valid order read fine (the checks above are about order, not content).
        Assert.Equal([0], PngMapCodec.Read(RawPng.File(ihdrIndexed, plte, RawPng.Chunk("tRNS", [0]), idat, RawPng.Chunk("zzZz", [9]), iend), "ok.png").ToBytes());
    }

    [Fact]
    public void Chunk_lengths_over_two_gigabytes_are_rejected()
    {
        byte[] png = RawPng.File(RawPng.Ihdr(1, 1, 8, 0), IdatOf(1, 1), RawPng.Iend());
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(33), 0x80000000u);
        Assert.Contains("declares length 2147483648", Fails(png).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_filter_type_names_the_row()
    {
        byte[] scanlines = RawPng.Scanlines(3, 3, 1, 8, new int[9], _ => 0);
        scanlines[2 * 4] = 5;
        byte[] png = RawPng.File(RawPng.Ihdr(3, 3, 8, 0), RawPng.Chunk("IDAT", RawPng.Zlib(scanlines)), RawPng.Iend());
        Assert.Equal("row 2 uses filter type 5; PNG defines 0..4: the image data is corrupt", Fails(png).Reason);

        byte[] interlaced = RawPng.Scanlines(3, 3, 1, 8, new int[9], _ => 0, interlace: true);
        interlaced[0] = 9;
        byte[] png2 = RawPng.File(RawPng.Ihdr(3, 3, 8, 0, interlace: 1), RawPng.Chunk("IDAT", RawPng.Zlib(interlaced)), RawPng.Iend());
        Assert.Equal("row 0 of interlace pass 1 uses filter type 9; PNG defines 0..4: the image data is corrupt", Fails(png2).Reason);
    }

    [Fact]
    public void Invalid_zlib_data_is_reported_as_corrupt()
    {
        byte[] png = RawPng.File(RawPng.Ihdr(2, 2, 8, 0), RawPng.Chunk("IDAT", [0x12, 0x34, 0x56, 0x78, 0x9A]), RawPng.Iend());
        Assert.Contains("is not a valid zlib stream", Fails(png).Reason, StringComparison.Ordinal);

        // A zlib header asking for a preset dictionary (found by fuzzing: the inflater throws ZLibException).
        byte[] dictionary = RawPng.File(RawPng.Ihdr(2, 2, 8, 0), RawPng.Chunk("IDAT", [0x78, 0x20, 0, 0, 0, 1, 0x63, 0, 0]), RawPng.Iend());
        Assert.Contains("is not a valid zlib stream", Fails(dictionary).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Stream_and_path_overloads_name_the_file()
    {
        string dir = Directory.CreateTempSubdirectory("alc-png-").FullName;
        try
        {
            string path = Path.Combine(dir, "broken.png");
            File.WriteAllBytes(path, Valid[..40]);
            var ex = Assert.Throws<MapFormatException>(() => PngMapCodec.Read(path));
            Assert.Equal(path, ex.FileName);
            Assert.Throws<FileNotFoundException>(() => PngMapCodec.Read(Path.Combine(dir, "missing.png")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
