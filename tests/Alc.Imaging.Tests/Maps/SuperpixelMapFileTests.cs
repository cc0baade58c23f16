using Alc.Core.Maps;
using Alc.Imaging.Maps;
using Alc.Imaging.Png;
using Alc.Imaging.Tests.Support;
using CsCheck;

namespace Alc.Imaging.Tests.Maps;

public class SuperpixelMapFileTests
{
    private static SuperpixelMap Read(byte[] png, string name = "superpixels/x.png", ImageSize? expected = null) =>
        SuperpixelMapFile.Read(new MemoryStream(png), name, expected);

    [Fact]
    public void Small_ids_and_65535_are_stored_as_gray16_and_come_back_exact()
    {
        var map = new SuperpixelMap(3, 2, [1, 2, 3, 4, 5, 65535]);
        byte[] png = SuperpixelMapFile.Encode(map);
        PngHeader header = PngMapCodec.Read(png, "s.png").Header;
        Assert.Equal((PngColorType.Grayscale, 16), (header.ColorType, header.BitDepth));
        Assert.Equal([1, 2, 3, 4, 5, 65535], Read(png).Ids.ToArray());
    }

    [Fact]
    public void Ids_from_65536_are_stored_as_rgb24()
    {
        var map = new SuperpixelMap(4, 1, [0, 65536, 0xFFFFFF, 70_000]);
        byte[] png = SuperpixelMapFile.Encode(map);
        PngMap raw = PngMapCodec.Read(png, "s.png");
        Assert.Equal((PngColorType.Rgb, 8), (raw.Header.ColorType, raw.Header.BitDepth));
        Assert.Equal([70_000 & 0xFF, (70_000 >> 8) & 0xFF, 70_000 >> 16], new[] { raw.GetSample(3, 0, 0), raw.GetSample(3, 0, 1), raw.GetSample(3, 0, 2) });
        Assert.Equal([0, 65536, 0xFFFFFF, 70_000], Read(png).Ids.ToArray());
        Assert.Throws<ArgumentException>(() => SuperpixelMapFile.Encode(new SuperpixelMap(1, 1, [0x1000000])));
    }

    [Fact]
    public void Random_maps_round_trip()
    {
        Gen.SelectMany(Gen.Int[1, 25], Gen.Int[1, 25], Gen.Int[1, 24].Select(bits => (1 << bits) - 1), (w, h, max) =>
            Gen.Int[0, max].Array[w * h].Select(ids => (w, h, ids))).Sample((w, h, ids) =>
        {
            byte[] png = SuperpixelMapFile.Encode(new SuperpixelMap(w, h, ids));
            Assert.Equal(ids, Read(png, expected: new ImageSize(w, h)).Ids.ToArray());
            Assert.Equal(png, SuperpixelMapFile.Encode(new SuperpixelMap(w, h, (int[])ids.Clone())));
        }, iter: 150);
    }

    [Fact]
    public void Hand_built_rgb_and_gray8_files_read_with_the_documented_id_formula()
    {
        // id = R + 256·G + 65536·B, written with the Paeth filter by the test's own assembler.
        int[] samples = [1, 0, 0, 0, 1, 0, 0, 0, 1, 255, 255, 255, 7, 2, 1, 0, 0, 0];
        byte[] rgb = RawPng.Image(3, 2, 2, 8, samples, _ => 4);
        Assert.Equal([1, 256, 65536, 0xFFFFFF, 7 + (2 * 256) + 65536, 0], Read(rgb).Ids.ToArray());

        byte[] gray8 = RawPng.Image(4, 1, 0, 8, [0, 9, 200, 255], _ => 3);
        Assert.Equal([0, 9, 200, 255], Read(gray8).Ids.ToArray());
    }

    [Fact]
    public void Unsupported_encodings_and_sizes_are_refused_with_clear_messages()
    {
        byte[] palette = PngMapCodec.EncodeIndexed(2, 1, [0, 1], VocPalette.Rgb);
        Assert.Equal(
            "superpixels/p.png: is a palette (indexed, 8-bit) PNG; superpixel maps must be grayscale (8- or 16-bit) or 24-bit RGB (id = R + 256·G + 65536·B) PNGs of region ids",
            Assert.Throws<MapFormatException>(() => Read(palette, "superpixels/p.png")).Message);

        byte[] rgba = RawPng.Image(1, 1, 6, 8, [1, 2, 3, 4], _ => 0);
        Assert.Contains("is an RGBA (8 bits per channel) PNG; superpixel maps must be", Assert.Throws<MapFormatException>(() => Read(rgba)).Message, StringComparison.Ordinal);

        byte[] rgb48 = RawPng.Image(1, 1, 2, 16, [1, 2, 3], _ => 0);
        Assert.Contains("is an RGB (16 bits per channel) PNG", Assert.Throws<MapFormatException>(() => Read(rgb48)).Message, StringComparison.Ordinal);

        byte[] png = SuperpixelMapFile.Encode(new SuperpixelMap(2, 3, new int[6]));
        Assert.Equal(
            "superpixels/s.png: size 2×3 does not match the expected 3×2",
            Assert.Throws<MapFormatException>(() => Read(png, "superpixels/s.png", new ImageSize(3, 2))).Message);
    }

    [Fact]
    public void Path_overloads_write_and_read_files()
    {
        string dir = Directory.CreateTempSubdirectory("alc-sp-").FullName;
        try
        {
            string path = Path.Combine(dir, "s.png");
            var map = new SuperpixelMap(2, 2, [0, 1, 100_000, 3]);
            SuperpixelMapFile.Write(path, map);
            Assert.Equal(map.Ids.ToArray(), SuperpixelMapFile.Read(path, new ImageSize(2, 2)).Ids.ToArray());
            using var stream = new MemoryStream();
            SuperpixelMapFile.Write(stream, map);
            Assert.Equal(File.ReadAllBytes(path), stream.ToArray());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
