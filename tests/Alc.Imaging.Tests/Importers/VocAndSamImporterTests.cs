using Alc.Core;
using Alc.Core.Maps;
using Alc.Imaging.Datasets;
using Alc.Imaging.Importers;
using Alc.Imaging.Maps;
using Alc.Imaging.Photos;

namespace Alc.Imaging.Tests.Importers;

public sealed class VocAndSamImporterTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "alc-voc-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string P(string relative) => Path.Combine(_root, relative);

    // A 3-image VOC folder: JPEGImages/*.png photos 4×2, SegmentationClass palette masks, ImageSets train/val.
    private void MakeVoc()
    {
        Directory.CreateDirectory(P("voc/JPEGImages"));
        Directory.CreateDirectory(P("voc/SegmentationClass"));
        Directory.CreateDirectory(P("voc/ImageSets/Segmentation"));
        foreach (var (stem, k) in new[] { ("a", 1), ("b", 2), ("c", 3) })
        {
            RgbImageCodec.WritePng(P($"voc/JPEGImages/{stem}.png"), new RgbImage(4, 2, Enumerable.Repeat((byte)(40 * k), 24).ToArray()));
            LabelMapFile.Write(P($"voc/SegmentationClass/{stem}.png"), new LabelMap(4, 2, 21, [0, (byte)k, (byte)k, 255, 0, 0, 20, 0]));
        }

        File.WriteAllText(P("voc/ImageSets/Segmentation/train.txt"), "a\nb\n");
        File.WriteAllText(P("voc/ImageSets/Segmentation/val.txt"), "c\n");
    }

    [Fact]
    public void Imports_splits_classes_and_masks_by_index()
    {
        MakeVoc();
        var summary = VocImporter.Import(P("voc"), P("out"), LabelRole.Gt);
        Assert.Equal(2, summary.Images["train"]);
        Assert.Equal(1, summary.Images["val"]);
        var dataset = DatasetFolder.Open(P("out"));
        Assert.Equal(ClassNames.Voc, dataset.Classes.Select(c => c.Name));
        Assert.Equal(["a", "b"], dataset.Splits["train"]);
        Assert.Equal([0, 2, 2, 255, 0, 0, 20, 0], dataset.ReadGroundTruth("b", new ImageSize(4, 2))!.Labels.ToArray());
        Assert.False(File.Exists(dataset.Layout.SuperpixelFile("a"))); // no superpixel function given
    }

    [Fact]
    public void A_missing_mask_or_photo_is_named_and_nothing_is_written()
    {
        MakeVoc();
        File.Delete(P("voc/SegmentationClass/b.png"));
        var ex = Assert.Throws<DatasetFormatException>(() => VocImporter.Import(P("voc"), P("out")));
        Assert.Equal("SegmentationClass/b.png: the mask is missing", ex.Message);
        Assert.False(Directory.Exists(P("out")) && Directory.EnumerateFiles(P("out"), "*", SearchOption.AllDirectories).Any());
        File.Delete(P("voc/JPEGImages/a.png"));
        ex = Assert.Throws<DatasetFormatException>(() => VocImporter.Import(P("voc"), P("out")));
        Assert.Equal("JPEGImages/a.jpg: the photo is missing", ex.Message);
    }

    [Fact]
    public void A_folder_without_masks_a_mask_of_the_wrong_size_and_a_class_clash_are_refused()
    {
        MakeVoc();
        LabelMapFile.Write(P("voc/SegmentationClass/a.png"), new LabelMap(3, 2, 21, new byte[6]));
        var size = Assert.Throws<MapFormatException>(() => VocImporter.Import(P("voc"), P("out")));
        Assert.Contains("SegmentationClass/a.png", size.Message, StringComparison.Ordinal);
        Assert.Contains("3×2", size.Message, StringComparison.Ordinal);

        new DatasetWriter(P("other")).WriteClasses([new ClassInfo(0, "background", "#000000"), new ClassInfo(1, "cat", "#800000")]);
        LabelMapFile.Write(P("voc/SegmentationClass/a.png"), new LabelMap(4, 2, 21, new byte[8]));
        var clash = Assert.Throws<DatasetFormatException>(() => VocImporter.Import(P("voc"), P("other")));
        Assert.Contains("the output already has classes [background, cat]", clash.Message, StringComparison.Ordinal);

        Directory.Delete(P("voc/SegmentationClass"), recursive: true);
        var none = Assert.Throws<DatasetFormatException>(() => VocImporter.Import(P("voc"), P("out")));
        Assert.Contains("no SegmentationClass/", none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sam_masks_must_exist_for_every_image_and_match_its_size()
    {
        MakeVoc();
        VocImporter.Import(P("voc"), P("out"), superpixels: image => new SuperpixelMap(image.Width, image.Height, new int[image.Width * image.Height]));
        Directory.CreateDirectory(P("sam/a"));
        File.WriteAllBytes(P("sam/a/0.png"), Alc.Imaging.Png.PngMapCodec.EncodeGray8(4, 2, [255, 255, 0, 0, 0, 0, 0, 0]));
        var missing = Assert.Throws<DatasetFormatException>(() => SamMaskImporter.Import(P("sam"), P("out")));
        Assert.StartsWith("b/: no mask folder for this image", missing.Message, StringComparison.Ordinal);
        foreach (string stem in new[] { "b", "c" })
        {
            Directory.CreateDirectory(P($"sam/{stem}"));
            File.WriteAllBytes(P($"sam/{stem}/0.png"), Alc.Imaging.Png.PngMapCodec.EncodeGray8(2, 2, [255, 0, 0, 0]));
        }

        var wrongSize = Assert.Throws<MapFormatException>(() => SamMaskImporter.Import(P("sam"), P("out")));
        Assert.Contains("b/0.png", wrongSize.Message, StringComparison.Ordinal);
        // Nothing was replaced: image a still has the all-zero superpixels it was imported with.
        Assert.All(DatasetFolder.Open(P("out")).ReadSuperpixels("a", new ImageSize(4, 2)).Ids.ToArray(), id => Assert.Equal(0, id));
    }
}
