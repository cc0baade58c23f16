using Alc.Core.Maps;
using Alc.Imaging.Png;
using CsCheck;
using SkiaSharp;

namespace Alc.Imaging.Tests.Png;

public class PngMapCodecRoundTripTests
{
    private static Gen<(int W, int H, T[] Values)> Sized<T>(Gen<T> element, int perPixel) =>
        Gen.SelectMany(Gen.Int[1, 40], Gen.Int[1, 30], (w, h) => element.Array[w * h * perPixel].Select(v => (w, h, v)));

    [Fact]
    public void Gray8_round_trips_every_value()
    {
        Sized(Gen.Byte, 1).Sample((w, h, values) =>
        {
            byte[] png = PngMapCodec.EncodeGray8(w, h, values);
            PngMap map = PngMapCodec.Read(png, "g8.png");
            Assert.Equal(new PngHeader(w, h, 8, PngColorType.Grayscale, false), map.Header);
            Assert.Equal(values, map.ToBytes());
        }, iter: 200);
    }

    [Fact]
    public void Gray16_round_trips_all_sixteen_bits()
    {
        Sized(Gen.UShort, 1).Sample((w, h, values) =>
        {
            byte[] png = PngMapCodec.EncodeGray16(w, h, values);
            PngMap map = PngMapCodec.Read(png, "g16.png");
            Assert.Equal(16, map.Header.BitDepth);
            Assert.Equal(values.Select(v => (int)v).ToArray(), map.ToInt32());
        }, iter: 200);
    }

    [Fact]
    public void Gray16_small_ids_and_65535_come_back_exact()
    {
        ushort[] ids = [1, 2, 3, 4, 5, 65535, 0, 256, 65280, 255];
        PngMap map = PngMapCodec.Read(PngMapCodec.EncodeGray16(5, 2, ids), "ids.png");
        Assert.Equal([1, 2, 3, 4, 5, 65535, 0, 256, 65280, 255], map.ToInt32());
        Assert.Equal(65535, map.GetSample(0, 1));
        Assert.Equal(5, map.GetSample(4, 0));
    }

    [Fact]
    public void Indexed_round_trips_indices_and_palette()
    {
        Sized(Gen.Byte, 1).Sample((w, h, indices) =>
        {
            byte[] png = PngMapCodec.EncodeIndexed(w, h, indices, VocPalette.Rgb);
            PngMap map = PngMapCodec.Read(png, "p.png");
            Assert.Equal(PngColorType.Indexed, map.Header.ColorType);
            Assert.Equal(indices, map.ToBytes());
            Assert.Equal(VocPalette.Rgb.ToArray(), map.Palette.ToArray());
            Assert.Equal(256, map.PaletteCount);
        }, iter: 200);
    }

    [Fact]
    public void Rgb24_round_trips_every_byte()
    {
        Sized(Gen.Byte, 3).Sample((w, h, rgb) =>
        {
            PngMap map = PngMapCodec.Read(PngMapCodec.EncodeRgb24(w, h, rgb), "rgb.png");
            Assert.Equal(PngColorType.Rgb, map.Header.ColorType);
            Assert.Equal(rgb, map.Pixels.ToArray());
            Assert.Equal(rgb[(3 * (w - 1)) + 2], map.GetSample(w - 1, 0, 2));
        }, iter: 200);
    }

    [Fact]
    public void Writer_is_deterministic()
    {
        var values = new byte[97 * 61];
        new Random(7).NextBytes(values);
        var wide = values.Select(v => (ushort)(v * 257)).ToArray();
        Assert.Equal(PngMapCodec.EncodeGray8(97, 61, values), PngMapCodec.EncodeGray8(97, 61, (byte[])values.Clone()));
        Assert.Equal(PngMapCodec.EncodeGray16(97, 61, wide), PngMapCodec.EncodeGray16(97, 61, (ushort[])wide.Clone()));
        Assert.Equal(PngMapCodec.EncodeIndexed(97, 61, values, VocPalette.Rgb), PngMapCodec.EncodeIndexed(97, 61, values, VocPalette.Rgb));
        var rgb = values.Concat(values).Concat(values).ToArray();
        Assert.Equal(PngMapCodec.EncodeRgb24(97, 61, rgb), PngMapCodec.EncodeRgb24(97, 61, rgb));
    }

    [Fact]
    public void Large_images_split_into_several_idat_chunks_and_read_back()
    {
        var values = new byte[3 * 1024 * 300];
        new Random(3).NextBytes(values);
        byte[] png = PngMapCodec.EncodeRgb24(1024, 300, values);
        Assert.True(Support.RawPng.Chunks(png).Count(c => c.Type == "IDAT") > 1);
        Assert.Equal(values, PngMapCodec.Read(png, "big.png").Pixels.ToArray());
    }

    [Fact]
    public void Writer_output_decodes_identically_in_SkiaSharp()
    {
        // An independent decoder (libpng inside Skia) agrees with what our writer stores.
        var rng = new Random(11);
        var gray = new byte[23 * 17];
        rng.NextBytes(gray);
        using (SKBitmap bitmap = SKBitmap.Decode(PngMapCodec.EncodeGray8(23, 17, gray)))
        {
            Assert.Equal(gray, Enumerable.Range(0, gray.Length).Select(i => bitmap.GetPixel(i % 23, i / 23).Red).ToArray());
        }

        var indices = new byte[23 * 17];
        rng.NextBytes(indices);
        using (SKBitmap bitmap = SKBitmap.Decode(PngMapCodec.EncodeIndexed(23, 17, indices, VocPalette.Rgb)))
        {
            for (int i = 0; i < indices.Length; i++)
            {
                SKColor c = bitmap.GetPixel(i % 23, i / 23);
                Assert.Equal(VocPalette.Color(indices[i]), (c.Red, c.Green, c.Blue));
            }
        }

        var rgb = new byte[23 * 17 * 3];
        rng.NextBytes(rgb);
        using (SKBitmap bitmap = SKBitmap.Decode(PngMapCodec.EncodeRgb24(23, 17, rgb)))
        {
            for (int i = 0; i < 23 * 17; i++)
            {
                SKColor c = bitmap.GetPixel(i % 23, i / 23);
                Assert.Equal((rgb[3 * i], rgb[(3 * i) + 1], rgb[(3 * i) + 2]), (c.Red, c.Green, c.Blue));
            }
        }
    }

    [Fact]
    public void Header_can_be_read_without_decoding()
    {
        byte[] png = PngMapCodec.EncodeGray16(300, 200, new ushort[300 * 200]);
        using var stream = new MemoryStream(png);
        PngHeader header = PngMapCodec.ReadHeader(stream, "h.png");
        Assert.Equal(new ImageSize(300, 200), header.Size);
        Assert.Equal("grayscale (16-bit)", header.Description);
        Assert.True(stream.Position < 64);
    }

    [Fact]
    public void Writers_reject_wrong_lengths_and_palettes()
    {
        Assert.Throws<ArgumentException>(() => PngMapCodec.EncodeGray8(2, 2, new byte[3]));
        Assert.Throws<ArgumentException>(() => PngMapCodec.EncodeGray8(0, 2, []));
        Assert.Throws<ArgumentException>(() => PngMapCodec.EncodeRgb24(2, 2, new byte[4]));
        Assert.Throws<ArgumentException>(() => PngMapCodec.EncodeIndexed(1, 1, new byte[1], new byte[4]));
        Assert.Throws<ArgumentException>(() => PngMapCodec.EncodeIndexed(1, 1, new byte[1], new byte[771]));
    }
}
