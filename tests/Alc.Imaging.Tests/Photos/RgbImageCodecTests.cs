using Alc.Core.Maps;
using Alc.Imaging.Photos;
using Alc.Imaging.Png;
using Alc.Imaging.Tests.Support;

namespace Alc.Imaging.Tests.Photos;

public class RgbImageCodecTests
{
    private const string VocPhoto = "/usr/share/doc/labelme-examples/examples/semantic_segmentation/data_dataset_voc/JPEGImages/2011_000003.jpg";

    private static RgbImage RandomImage(int w, int h, int seed)
    {
        var rgb = new byte[3 * w * h];
        new Random(seed).NextBytes(rgb);
        return new RgbImage(w, h, rgb);
    }

    [Fact]
    public void Png_round_trip_is_lossless()
    {
        RgbImage image = RandomImage(37, 23, 1);
        byte[] png = RgbImageCodec.EncodePng(image);
        RgbImage back = RgbImageCodec.Decode(png, "images/a.png");
        Assert.Equal((37, 23), (back.Width, back.Height));
        Assert.Equal(image.Rgb, back.Rgb);

        // The map codec reads Skia's PNG too, and Skia reads the map codec's RGB PNG.
        Assert.Equal(image.Rgb, PngMapCodec.Read(png, "images/a.png").Pixels.ToArray());
        Assert.Equal(image.Rgb, RgbImageCodec.Decode(PngMapCodec.EncodeRgb24(37, 23, image.Rgb), "b.png").Rgb);
    }

    [Fact]
    public void Gray_and_palette_pngs_decode_to_rgb()
    {
        RgbImage gray = RgbImageCodec.Decode(PngMapCodec.EncodeGray8(2, 1, [10, 200]), "g.png");
        Assert.Equal([10, 10, 10, 200, 200, 200], gray.Rgb);
        RgbImage pal = RgbImageCodec.Decode(PngMapCodec.EncodeIndexed(2, 1, [1, 15], VocPalette.Rgb), "p.png");
        Assert.Equal([128, 0, 0, 192, 128, 128], pal.Rgb);
    }

    [Fact]
    public void Files_and_streams_decode_and_report_their_size()
    {
        string dir = Directory.CreateTempSubdirectory("alc-rgb-").FullName;
        try
        {
            RgbImage image = RandomImage(5, 4, 2);
            string path = Path.Combine(dir, "x.png");
            RgbImageCodec.WritePng(path, image);
            Assert.Equal(image.Rgb, RgbImageCodec.Decode(path).Rgb);
            using FileStream stream = File.OpenRead(path);
            Assert.Equal(image.Rgb, RgbImageCodec.Decode(stream, "x.png").Rgb);
            Assert.Equal(new ImageSize(5, 4), RgbImageCodec.ReadSize(File.ReadAllBytes(path), "x.png"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Real_voc_jpeg_decodes()
    {
        Assert.True(File.Exists(VocPhoto), "run `apt-get install -y labelme-examples` (build/test.sh does)");
        RgbImage photo = RgbImageCodec.Decode(VocPhoto);
        Assert.Equal(new ImageSize(500, 338), photo.Size);
        Assert.Equal(new ImageSize(500, 338), RgbImageCodec.ReadSize(File.ReadAllBytes(VocPhoto), "p.jpg"));
        Assert.True(photo.Rgb.Distinct().Count() > 200);
    }

    [Fact]
    public void Corrupt_truncated_and_empty_files_raise_MapFormatException()
    {
        byte[] png = RgbImageCodec.EncodePng(RandomImage(64, 64, 3));
        Assert.Contains("the file is empty", Assert.Throws<MapFormatException>(() => RgbImageCodec.Decode([], "e.png")).Message, StringComparison.Ordinal);
        Assert.Contains("not a decodable image", Assert.Throws<MapFormatException>(() => RgbImageCodec.Decode("hello, world"u8.ToArray(), "t.png")).Message, StringComparison.Ordinal);
        Assert.StartsWith("half.png: ", Assert.Throws<MapFormatException>(() => RgbImageCodec.Decode(png[..(png.Length / 2)], "half.png")).Message, StringComparison.Ordinal);

        if (File.Exists(VocPhoto))
        {
            byte[] jpeg = File.ReadAllBytes(VocPhoto);
            var ex = Assert.Throws<MapFormatException>(() => RgbImageCodec.Decode(jpeg[..(jpeg.Length / 3)], "images/cut.jpg"));
            Assert.Equal("images/cut.jpg: the image data is truncated", ex.Message);
        }
    }

    [Fact]
    public void Oversize_dimensions_are_refused_before_decoding()
    {
        byte[] idat = RawPng.Chunk("IDAT", RawPng.Zlib(new byte[4]));
        byte[] huge = RawPng.File(RawPng.Ihdr(30_000, 30_000, 8, 2), idat, RawPng.Iend());
        long before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<MapFormatException>(() => RgbImageCodec.Decode(huge, "images/huge.png"));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < (1 << 20));
        Assert.Equal("images/huge.png: image size 30000×30000 exceeds the limit of 16384×16384 pixels; the file was refused before decoding", ex.Message);

        byte[] small = RgbImageCodec.EncodePng(RandomImage(10, 10, 4));
        Assert.Contains("exceeds the limit of 99 pixels", Assert.Throws<MapFormatException>(() => RgbImageCodec.Decode(small, "s.png", new ImageLimits { MaxPixels = 99 })).Message, StringComparison.Ordinal);
        Assert.Contains("larger than the limit of 100 bytes", Assert.Throws<MapFormatException>(() => RgbImageCodec.Decode(new MemoryStream(small), "s.png", new ImageLimits { MaxEncodedBytes = 100 })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RgbImage_validates_its_buffer()
    {
        Assert.Throws<ArgumentException>(() => new RgbImage(2, 2, new byte[11]));
        Assert.Throws<ArgumentException>(() => new RgbImage(0, 2, []));
    }
}
