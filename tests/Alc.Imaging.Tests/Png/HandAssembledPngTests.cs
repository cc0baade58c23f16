using Alc.Core.Maps;
using Alc.Imaging.Png;
using Alc.Imaging.Tests.Support;
using SkiaSharp;

namespace Alc.Imaging.Tests.Png;

/// <summary>PNGs assembled by <see cref="RawPng"/> (not by the codec's writer), cross-checked with SkiaSharp where it can decode them exactly.</summary>
public class HandAssembledPngTests
{
    private static int[] RandomSamples(int count, int max, int seed)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => rng.Next(max + 1))];
    }

    private static byte[] SkiaGray(byte[] png, int width, int height)
    {
        using SKBitmap bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        return [.. Enumerable.Range(0, width * height).Select(i => bitmap.GetPixel(i % width, i / width).Red)];
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(4, false)]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    [InlineData(-1, false)]
    [InlineData(-1, true)]
    public void Gray8_with_each_filter_type_and_interlacing_matches_Skia(int filter, bool interlace)
    {
        const int w = 13, h = 11;
        int[] samples = RandomSamples(w * h, 255, 100 + filter);
        byte[] png = RawPng.Image(w, h, 0, 8, samples, row => filter >= 0 ? filter : row % 5, interlace);

        PngMap map = PngMapCodec.Read(png, "hand.png");

        Assert.Equal(interlace, map.Header.Interlaced);
        byte[] expected = [.. samples.Select(s => (byte)s)];
        Assert.Equal(expected, map.ToBytes());
        Assert.Equal(expected, SkiaGray(png, w, h));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(4, false)]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(4, true)]
    public void Sub_byte_gray_reads_unscaled_values(int bitDepth, bool interlace)
    {
        const int w = 11, h = 9; // odd width: rows end in padding bits
        int max = (1 << bitDepth) - 1;
        int[] samples = RandomSamples(w * h, max, bitDepth);
        byte[] png = RawPng.Image(w, h, 0, bitDepth, samples, row => (row + 1) % 5, interlace);

        PngMap map = PngMapCodec.Read(png, "sub.png");

        Assert.Equal(samples, map.ToInt32());
        Assert.Equal(samples[(3 * w) + 7], map.GetSample(7, 3));
        // Skia scales to 8 bits; the unscaled values map onto it exactly.
        Assert.Equal([.. samples.Select(s => (byte)(s * 255 / max))], SkiaGray(png, w, h));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(4, true)]
    [InlineData(8, true)]
    [InlineData(8, false)]
    public void Palette_images_read_indices_which_Skia_maps_to_the_palette_colours(int bitDepth, bool interlace)
    {
        const int w = 10, h = 7;
        int entries = 1 << bitDepth;
        int[] indices = RandomSamples(w * h, entries - 1, 40 + bitDepth);
        var palette = new byte[3 * entries];
        new Random(bitDepth).NextBytes(palette);
        byte[] png = RawPng.Image(w, h, 3, bitDepth, indices, row => row % 5, interlace, palette);

        PngMap map = PngMapCodec.Read(png, "pal.png");

        Assert.Equal([.. indices.Select(i => (byte)i)], map.ToBytes());
        Assert.Equal(palette, map.Palette.ToArray());
        using SKBitmap bitmap = SKBitmap.Decode(png);
        for (int i = 0; i < indices.Length; i++)
        {
            SKColor c = bitmap.GetPixel(i % w, i / w);
            int e = indices[i];
            Assert.Equal((palette[3 * e], palette[(3 * e) + 1], palette[(3 * e) + 2]), (c.Red, c.Green, c.Blue));
        }
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(3, true)]
    [InlineData(1, true)]
    public void Gray16_ids_survive_every_filter(int filter, bool interlace)
    {
        const int w = 9, h = 10;
        int[] ids = RandomSamples(w * h, 65535, filter);
        ids[0] = 65535;
        ids[1] = 1;
        ids[2] = 5;
        byte[] png = RawPng.Image(w, h, 0, 16, ids, _ => filter, interlace);

        Assert.Equal(ids, PngMapCodec.Read(png, "g16.png").ToInt32());
    }

    [Fact]
    public void A_png_written_by_a_different_program_reads_exactly()
    {
        // 3×2 16-bit grayscale [1, 2, 65535; 5, 4, 3], rows filtered Sub then Up, compressed by Python's zlib.
        byte[] png = Convert.FromHexString(
            "89504e470d0a1a0a0000000d4948445200000003000000021000000000e88fe585000000164944415478da6364606460fcff97898185818991" +
            "0500113f020d47ec53580000000049454e44ae426082");
        PngMap map = PngMapCodec.Read(png, "python.png");
        Assert.Equal([1, 2, 65535, 5, 4, 3], map.ToInt32());
    }

    [Theory]
    [InlineData(2, 8)]
    [InlineData(2, 16)]
    [InlineData(4, 8)]
    [InlineData(4, 16)]
    [InlineData(6, 8)]
    [InlineData(6, 16)]
    public void Multi_channel_images_decode_every_sample(int colorType, int bitDepth)
    {
        const int w = 7, h = 5;
        int channels = colorType switch { 2 => 3, 4 => 2, _ => 4 };
        int[] samples = RandomSamples(w * h * channels, (1 << bitDepth) - 1, colorType * bitDepth);
        byte[] png = RawPng.Image(w, h, colorType, bitDepth, samples, row => 4 - (row % 5), interlace: colorType == 6);

        PngMap map = PngMapCodec.Read(png, "multi.png");

        Assert.Equal(channels, map.Header.Channels);
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                for (int c = 0; c < channels; c++)
                {
                    Assert.Equal(samples[(((y * w) + x) * channels) + c], map.GetSample(x, y, c));
                }
            }
        }

        Assert.Throws<InvalidOperationException>(() => map.ToInt32());
    }

    [Fact]
    public void Palette_with_duplicate_colours_still_reads_indices()
    {
        // Every entry is the same black: only the index distinguishes classes.
        var palette = new byte[3 * 256];
        int[] indices = [0, 1, 2, 3, 15, 20, 254, 255, 7];
        byte[] png = RawPng.Image(3, 3, 3, 8, indices, _ => 1, palette: palette);
        Assert.Equal([.. indices.Select(i => (byte)i)], PngMapCodec.Read(png, "dup.png").ToBytes());

        // VOC-like: the codec's own writer with a palette whose entries 1 and 2 coincide.
        byte[] voc = VocPalette.Rgb.ToArray();
        voc.AsSpan(3, 3).CopyTo(voc.AsSpan(6, 3));
        byte[] written = PngMapCodec.EncodeIndexed(3, 1, [1, 2, 1], voc);
        Assert.Equal([1, 2, 1], PngMapCodec.Read(written, "dup2.png").ToBytes());
    }

    [Fact]
    public void Indices_beyond_a_short_palette_are_kept_as_read()
    {
        byte[] png = RawPng.Image(4, 1, 3, 8, [0, 1, 20, 255], _ => 0, palette: [0, 0, 0, 128, 0, 0]);
        Assert.Equal([0, 1, 20, 255], PngMapCodec.Read(png, "short.png").ToBytes());
    }

    [Fact]
    public void Split_idat_ancillary_chunks_and_transparency_are_accepted()
    {
        int[] samples = RandomSamples(6 * 4, 255, 5);
        byte[] zlib = RawPng.Zlib(RawPng.Scanlines(6, 4, 1, 8, samples, r => r % 5));
        var chunks = new List<byte[]>
        {
            RawPng.Ihdr(6, 4, 8, 0),
            RawPng.Chunk("gAMA", [0, 0, 0xB1, 0x8F]),
            RawPng.Chunk("tEXt", "Comment\0hand made"u8),
            RawPng.Chunk("tRNS", [0, 7]),
        };
        chunks.AddRange(zlib.Select(b => RawPng.Chunk("IDAT", [b])));
        chunks.Add(RawPng.Chunk("IDAT", []));
        chunks.Add(RawPng.Chunk("tIME", [7, 234, 11, 28, 3, 4, 5]));
        chunks.Add(RawPng.Iend());

        PngMap map = PngMapCodec.Read(RawPng.File([.. chunks]), "split.png");

        Assert.Equal([.. samples.Select(s => (byte)s)], map.ToBytes());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 9)]
    [InlineData(9, 1)]
    [InlineData(2, 2)]
    [InlineData(5, 3)]
    public void Tiny_interlaced_images_with_empty_passes_read(int w, int h)
    {
        int[] samples = RandomSamples(w * h, 15, w * 31 + h);
        byte[] png = RawPng.Image(w, h, 0, 4, samples, r => r % 5, interlace: true);
        Assert.Equal(samples, PngMapCodec.Read(png, "tiny.png").ToInt32());
    }
}
