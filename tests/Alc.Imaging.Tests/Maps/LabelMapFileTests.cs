using Alc.Core.Maps;
using Alc.Imaging.Maps;
using Alc.Imaging.Png;
using Alc.Imaging.Tests.Support;
using CsCheck;

namespace Alc.Imaging.Tests.Maps;

public class LabelMapFileTests
{
    private static LabelMap Read(byte[] png, string name, int classCount, ImageSize? expected = null) =>
        LabelMapFile.Read(new MemoryStream(png), name, classCount, expected);

    [Theory]
    [InlineData(LabelMapEncoding.VocPalette)]
    [InlineData(LabelMapEncoding.Gray8)]
    public void Label_maps_round_trip_in_both_encodings(LabelMapEncoding encoding)
    {
        Gen.SelectMany(Gen.Int[1, 30], Gen.Int[1, 30], Gen.Int[1, 255], (w, h, l) =>
            Gen.Int[0, l].Array[w * h].Select(v => (w, h, l, v))).Sample((w, h, l, raw) =>
        {
            byte[] labels = [.. raw.Select(v => v == l ? LabelMap.Ignore : (byte)v)];
            var map = new LabelMap(w, h, l, labels);
            byte[] png = LabelMapFile.Encode(map, encoding);
            LabelMap back = Read(png, "pseudo/x.png", l, new ImageSize(w, h));
            Assert.Equal((w, h, l), (back.Width, back.Height, back.ClassCount));
            Assert.Equal(labels, back.Labels.ToArray());
            Assert.Equal(png, LabelMapFile.Encode(back, encoding));
        }, iter: 150);
    }

    [Fact]
    public void Palette_encoding_uses_the_voc_colormap()
    {
        var map = new LabelMap(3, 1, 21, [0, 15, LabelMap.Ignore]);
        PngMap png = PngMapCodec.Read(LabelMapFile.Encode(map), "gt/a.png");
        Assert.Equal(PngColorType.Indexed, png.Header.ColorType);
        Assert.Equal(VocPalette.Rgb.ToArray(), png.Palette.ToArray());
        Assert.Equal(PngColorType.Grayscale, PngMapCodec.Read(LabelMapFile.Encode(map, LabelMapEncoding.Gray8), "gt/a.png").Header.ColorType);
    }

    [Fact]
    public void Unknown_class_names_the_file_and_the_first_bad_pixel()
    {
        var labels = new byte[30 * 8];
        labels[(4 * 30) + 12] = 23;
        labels[(6 * 30) + 1] = 40;
        byte[] png = PngMapCodec.EncodeIndexed(30, 8, labels, VocPalette.Rgb);
        var ex = Assert.Throws<MapFormatException>(() => Read(png, "pseudo/2007_000032.png", 21));
        Assert.Equal("pseudo/2007_000032.png: pixel (x=12, y=4) has class 23 but the dataset has 21 classes (ids 0..20; 255 = ignore)", ex.Message);
        Assert.Equal("pseudo/2007_000032.png", ex.FileName);

        byte[] gray = PngMapCodec.EncodeGray8(30, 8, labels);
        Assert.StartsWith("gt/b.png: pixel (x=12, y=4) has class 23", Assert.Throws<MapFormatException>(() => Read(gray, "gt/b.png", 21)).Message, StringComparison.Ordinal);
        Assert.Equal(23, Read(gray, "gt/b.png", 41)[(4 * 30) + 12]);
    }

    [Fact]
    public void Sixteen_bit_and_sub_byte_gray_label_maps_are_read_by_value()
    {
        byte[] png16 = PngMapCodec.EncodeGray16(4, 1, [0, 3, 255, 2]);
        Assert.Equal([0, 3, 255, 2], Read(png16, "gt/w.png", 4).Labels.ToArray());

        byte[] bad16 = PngMapCodec.EncodeGray16(4, 2, [0, 3, 255, 2, 0, 0, 300, 1]);
        Assert.Equal(
            "gt/w.png: pixel (x=2, y=1) has class 300 but the dataset has 4 classes (ids 0..3; 255 = ignore)",
            Assert.Throws<MapFormatException>(() => Read(bad16, "gt/w.png", 4)).Message);

        byte[] png2 = RawPng.Image(5, 1, 0, 2, [0, 1, 2, 3, 1], _ => 1);
        Assert.Equal([0, 1, 2, 3, 1], Read(png2, "gt/2bit.png", 4).Labels.ToArray());
    }

    [Fact]
    public void Rgb_label_maps_are_refused_with_a_clear_message()
    {
        byte[] rgb = PngMapCodec.EncodeRgb24(2, 1, [128, 0, 0, 0, 128, 0]);
        Assert.Equal(
            "pseudo/c.png: is an RGB (8 bits per channel) PNG; label maps must be grayscale or palette (indexed) PNGs of class ids (255 = ignore)",
            Assert.Throws<MapFormatException>(() => Read(rgb, "pseudo/c.png", 21)).Message);
    }

    [Fact]
    public void Size_mismatch_is_reported_before_decoding()
    {
        byte[] png = LabelMapFile.Encode(new LabelMap(5, 4, 3, new byte[20]));
        Assert.Equal(
            "gt/d.png: size 5×4 does not match the expected 6×4",
            Assert.Throws<MapFormatException>(() => Read(png, "gt/d.png", 3, new ImageSize(6, 4))).Message);
        Assert.Equal(5, Read(png, "gt/d.png", 3, new ImageSize(5, 4)).Width);
        Assert.Equal(
            "gt/d.png: size 5×4 does not match the expected 5×5",
            Assert.Throws<MapFormatException>(() => new ImageSize(5, 4).RequireEqual(new ImageSize(5, 5), "gt/d.png")).Message);
    }

    [Fact]
    public void Path_overloads_write_and_read_files_and_name_the_path()
    {
        string dir = Directory.CreateTempSubdirectory("alc-labels-").FullName;
        try
        {
            string path = Path.Combine(dir, "a.png");
            var map = new LabelMap(3, 2, 5, [0, 1, 2, 3, 4, 255]);
            LabelMapFile.Write(path, map);
            Assert.Equal(map.Labels.ToArray(), LabelMapFile.Read(path, 5).Labels.ToArray());
            var ex = Assert.Throws<MapFormatException>(() => LabelMapFile.Read(path, 3));
            Assert.Equal($"{path}: pixel (x=0, y=1) has class 3 but the dataset has 3 classes (ids 0..2; 255 = ignore)", ex.Message);
            using (var stream = new MemoryStream())
            {
                LabelMapFile.Write(stream, map, LabelMapEncoding.Gray8);
                Assert.Equal(LabelMapFile.Encode(map, LabelMapEncoding.Gray8), stream.ToArray());
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Class_count_must_be_in_range()
    {
        byte[] png = PngMapCodec.EncodeGray8(1, 1, [0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => Read(png, "x.png", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Read(png, "x.png", 256));
        Assert.Equal(254, Read(PngMapCodec.EncodeGray8(1, 1, [254]), "x.png", 255)[0]);
    }
}
