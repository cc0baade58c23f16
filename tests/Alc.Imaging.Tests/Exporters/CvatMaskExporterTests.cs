using Alc.Core;
using Alc.Core.Maps;
using Alc.Imaging.Datasets;
using Alc.Imaging.Exporters;
using Alc.Imaging.Photos;
using Alc.Imaging.Tests.Support;
using SkiaSharp;

namespace Alc.Imaging.Tests.Exporters;

/// <summary>The CVAT "Segmentation mask 1.1" folder of a hand-made two-image dataset, byte for byte where it matters.</summary>
public sealed class CvatMaskExporterTests : IDisposable
{
    private static readonly (byte, byte, byte) Black = (0, 0, 0);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "alc-cvat-" + Guid.NewGuid().ToString("N"));

    // a (train, 3×2, PNG photo) and b (val, 2×2, JPEG photo), each with an ignore pixel.
    private readonly Dictionary<string, LabelMap> _labels = new()
    {
        ["a"] = new LabelMap(3, 2, 3, [0, 1, 1, 2, 255, 2]),
        ["b"] = new LabelMap(2, 2, 3, [1, 1, 0, 255]),
    };

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private string P(string relative) => Path.Combine(_root, relative);

    private DatasetFolder MakeDataset(params ClassInfo[] classes)
    {
        var writer = new DatasetWriter(P("dataset"));
        writer.WriteClasses(classes);
        writer.WriteImage("a", new RgbImage(3, 2, Enumerable.Repeat((byte)90, 18).ToArray()));
        using (var bitmap = new SKBitmap(2, 2))
        {
            bitmap.Erase(SKColors.Teal);
            using var image = SKImage.FromBitmap(bitmap);
            using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 90);
            File.WriteAllBytes(P("dataset/images/b.jpg"), jpeg.ToArray());
        }

        writer.WriteSplit("train", ["a"]);
        writer.WriteSplit("val", ["b"]);
        return DatasetFolder.Open(P("dataset"));
    }

    private static ClassInfo[] WithBackground() =>
        [new(0, "background", "#000000"), new(1, "road", "#804080"), new(2, "car", "#008000")];

    private int Export(DatasetFolder dataset, Func<string, LabelMap?>? labelsOf = null) =>
        CvatMaskExporter.Export(dataset, P("cvat"), (stem, size) =>
        {
            Assert.Equal(_labels[stem].Width, size.Width);
            return (labelsOf ?? (s => _labels[s]))(stem);
        });

    private string[] Files() =>
        [.. Directory.EnumerateFiles(P("cvat"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(P("cvat"), f)).Order(StringComparer.Ordinal)];

    private static (byte, byte, byte)[] SkiaColors(string png)
    {
        using var bitmap = SKBitmap.Decode(png);
        return [.. bitmap.Pixels.Select(c => (c.Red, c.Green, c.Blue))];
    }

    [Fact]
    public void Writes_the_labelmap_split_lists_class_and_instance_masks_and_the_photos_at_the_root()
    {
        var dataset = MakeDataset(WithBackground());
        Assert.Equal(2, Export(dataset));
        Assert.Equal(
            ["ImageSets/Segmentation/train.txt", "ImageSets/Segmentation/val.txt", "JPEGImages/a.png", "JPEGImages/b.jpg",
             "SegmentationClass/a.png", "SegmentationClass/b.png", "SegmentationObject/a.png", "SegmentationObject/b.png", "labelmap.txt"],
            Files());
        Assert.Equal("# label:color_rgb:parts:actions\nbackground:0,0,0::\nroad:128,64,128::\ncar:0,128,0::\n", File.ReadAllText(P("cvat/labelmap.txt")));
        Assert.Equal("a\n", File.ReadAllText(P("cvat/ImageSets/Segmentation/train.txt")));
        Assert.Equal("b\n", File.ReadAllText(P("cvat/ImageSets/Segmentation/val.txt")));
        Assert.Equal(File.ReadAllBytes(P("dataset/images/a.png")), File.ReadAllBytes(P("cvat/JPEGImages/a.png")));
        Assert.Equal(File.ReadAllBytes(P("dataset/images/b.jpg")), File.ReadAllBytes(P("cvat/JPEGImages/b.jpg")));

        // Classes in their colours; ignore (255) in the background colour.
        (byte, byte, byte) road = (128, 64, 128), car = (0, 128, 0);
        Assert.Equal([Black, road, road, car, Black, car], CvatFolderReader.Colors(P("cvat/SegmentationClass/a.png"), out int w, out int h));
        Assert.Equal((3, 2), (w, h));
        Assert.Equal([road, road, Black, Black], CvatFolderReader.Colors(P("cvat/SegmentationClass/b.png"), out _, out _));
        Assert.Equal([Black, road, road, car, Black, car], SkiaColors(P("cvat/SegmentationClass/a.png"))); // an independent decoder agrees

        // One instance per annotated class present, numbered in class order and coloured by the VOC palette; background and ignore are instance 0.
        (byte, byte, byte) first = (128, 0, 0), second = (0, 128, 0);
        Assert.Equal([Black, first, first, second, Black, second], CvatFolderReader.Colors(P("cvat/SegmentationObject/a.png"), out _, out _));
        Assert.Equal([first, first, Black, Black], CvatFolderReader.Colors(P("cvat/SegmentationObject/b.png"), out _, out _));
    }

    [Fact]
    public void Reading_the_class_masks_back_through_the_labelmap_gives_the_labels_with_ignore_as_the_background_class()
    {
        var dataset = MakeDataset(WithBackground());
        Export(dataset);
        foreach (var (stem, labels) in _labels)
        {
            byte[] expected = [.. labels.Labels.ToArray().Select(v => v == LabelMap.Ignore ? (byte)0 : v)];
            Assert.Equal(expected, CvatFolderReader.ClassIds(P("cvat"), stem, dataset.Classes).Labels.ToArray());
        }
    }

    [Fact]
    public void Without_a_background_class_a_background_line_is_added_first_and_ignore_reads_back_exactly()
    {
        // road is black, the reserved background colour, so it moves to a free VOC palette colour.
        var dataset = MakeDataset(new(0, "road", "#000000"), new(1, "car", "#008080"), new(2, "sign", "#ffff00"));
        Export(dataset);
        Assert.Equal("# label:color_rgb:parts:actions\nbackground:0,0,0::\nroad:128,0,0::\ncar:0,128,128::\nsign:255,255,0::\n",
            File.ReadAllText(P("cvat/labelmap.txt")));
        foreach (var (stem, labels) in _labels)
        {
            Assert.Equal(labels.Labels.ToArray(), CvatFolderReader.ClassIds(P("cvat"), stem, dataset.Classes).Labels.ToArray());
        }

        // Class 0 is a real class here, so it is an instance too.
        (byte, byte, byte) first = (128, 0, 0), second = (0, 128, 0), third = (128, 128, 0);
        Assert.Equal([first, second, second, third, Black, third], CvatFolderReader.Colors(P("cvat/SegmentationObject/a.png"), out _, out _));
    }

    [Fact]
    public void Shared_colours_are_made_distinct_in_class_order_from_the_VOC_palette()
    {
        var map = CvatLabelMap.For([new(0, "road", "#000000"), new(1, "car", "#800000"), new(2, "sign", "#800000"), new(3, "tree", "not a colour")]);
        Assert.Equal(
            ["# label:color_rgb:parts:actions", "background:0,0,0::", "road:0,128,0::", "car:128,0,0::", "sign:128,128,0::", "tree:0,0,128::"],
            map.Lines());
        Assert.Null(map.BackgroundClassId);
        Assert.True(map.IsUnannotated(LabelMap.Ignore));
        Assert.False(map.IsUnannotated(0));
    }

    [Fact]
    public void The_class_named_background_is_black_and_unannotated_at_any_id()
    {
        var map = CvatLabelMap.For([new(0, "road", "#804080"), new(1, "background", "#ff0000")]);
        Assert.Equal(["# label:color_rgb:parts:actions", "road:128,64,128::", "background:0,0,0::"], map.Lines());
        Assert.Equal(1, map.BackgroundClassId);
        Assert.True(map.IsUnannotated(1));
        Assert.Equal(((byte)0, (byte)0, (byte)0), map.ColorOf(LabelMap.Ignore));
    }

    [Fact]
    public void Images_without_labels_are_left_out_and_a_split_with_none_has_no_list()
    {
        Assert.Equal(1, Export(MakeDataset(WithBackground()), stem => stem == "a" ? _labels[stem] : null));
        Assert.Equal(
            ["ImageSets/Segmentation/train.txt", "JPEGImages/a.png", "SegmentationClass/a.png", "SegmentationObject/a.png", "labelmap.txt"],
            Files());
    }

    [Theory]
    [InlineData("a:b", "':' separates the fields of a line")]
    [InlineData("#1", "a line starting with '#' is a comment")]
    [InlineData(" x", "the line is stripped, so leading spaces are lost")]
    [InlineData("a\tb", "control characters break the lines")]
    public void A_class_name_labelmap_txt_cannot_hold_is_refused(string name, string reason)
    {
        var ex = Assert.Throws<DatasetFormatException>(() => CvatLabelMap.For([new(0, "background", "#000000"), new(1, name, "#800000")]));
        Assert.Equal($"classes: class 1 is named '{name}', which CVAT's labelmap.txt cannot hold: {reason}", ex.Message);
    }

    [Fact]
    public void A_dataset_with_such_a_name_writes_nothing()
    {
        var dataset = MakeDataset(new(0, "background", "#000000"), new(1, "road:wet", "#804080"), new(2, "car", "#008000"));
        Assert.Throws<DatasetFormatException>(() => Export(dataset));
        Assert.False(Directory.Exists(P("cvat")));
    }
}
