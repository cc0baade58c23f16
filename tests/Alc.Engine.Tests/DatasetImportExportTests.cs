using Alc.Imaging.Datasets;
using Alc.Imaging.Maps;

namespace Alc.Engine.Tests;

public class DatasetImportExportTests
{
    [Fact]
    public void Import_voc_reads_the_real_palette_masks_by_index_and_adds_slic_superpixels()
    {
        using var temp = new TempFolder();
        var (code, output) = Cli.Run("dataset", "import-voc", RealData.Voc, "--out", temp["voc"], "--slic-segments", "150");
        Assert.True(code == 0, output);
        Assert.Contains("imported train 3 (21 classes)", output, StringComparison.Ordinal);
        var dataset = DatasetFolder.Open(temp["voc"]);
        Assert.Equal("background", dataset.Classes[0].Name);
        Assert.Equal("tv/monitor", dataset.Classes[20].Name);
        foreach (string stem in dataset.Splits["train"])
        {
            var size = dataset.ImageSize(stem);
            var imported = dataset.ReadPseudo(stem, size);
            var source = LabelMapFile.Read(Path.Combine(RealData.Voc, "SegmentationClassPNG", stem + ".png"), 21);
            Assert.Equal(source.Labels.ToArray(), imported.Labels.ToArray());
            // SLIC on a real 500×3xx photo: every pixel covered, ids ≥ 1, roughly the requested count.
            var superpixels = dataset.ReadSuperpixels(stem, size);
            Assert.InRange(superpixels.Index.Count, 50, 300);
            Assert.DoesNotContain(0, superpixels.Index.Ids.ToArray());
        }

        Assert.Equal(0, Cli.Run("dataset", "validate", temp["voc"]).ExitCode);
    }

    [Fact]
    public void Import_voc_as_ground_truth_then_coco_as_pseudo_builds_a_measurable_dataset()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, Cli.Run("dataset", "import-voc", RealData.Voc, "--out", temp["d"], "--as", "Gt", "--slic-segments", "0").ExitCode);
        var (code, output) = Cli.Run("dataset", "import-coco", Path.Combine(RealData.Coco, "annotations.json"), "--images", RealData.Coco, "--out", temp["d"]);
        Assert.True(code == 0, output);
        var dataset = DatasetFolder.Open(temp["d"]);
        Assert.Equal(3, dataset.Splits["train"].Count);
        var (validate, report) = Cli.Run("dataset", "validate", temp["d"]);
        Assert.True(validate == 0, report);
        // labelme drew both from the same polygons, so the COCO masks agree closely with the VOC ground truth.
        var miou = double.Parse(System.Text.RegularExpressions.Regex.Match(report, @"D0 Data mIoU \(train\)\s*│?\s*([0-9.]+)").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(miou, 0.80, 1.0);
        // The COCO "_background_" category maps to class 0; superpixels are the painted instance masks (0 = no mask).
        var stem = dataset.Splits["train"][0];
        var superpixels = dataset.ReadSuperpixels(stem, dataset.ImageSize(stem));
        Assert.Contains(0, superpixels.Index.Ids.ToArray());
        Assert.True(superpixels.Index.Count >= 2);
    }

    [Fact]
    public void Coco_export_then_import_reproduces_the_labels()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, Cli.Run("synth", "--out", temp["w"], "--train", "4", "--val", "2", "--size", "40").ExitCode);
        var (code, output) = Cli.Run("dataset", "export", temp["w"], "--format", "coco", "--out", temp["w/export.json"]);
        Assert.True(code == 0, output);
        (code, output) = Cli.Run("dataset", "import-coco", temp["w/export.json"], "--images", temp["w"], "--out", temp["copy"]);
        Assert.True(code == 0, output);
        var original = DatasetFolder.Open(temp["w"]);
        var copy = DatasetFolder.Open(temp["copy"]);
        Assert.Equal(original.Classes.Select(c => c.Name), copy.Classes.Select(c => c.Name));
        foreach (string stem in original.AllStems)
        {
            var size = original.ImageSize(stem);
            Assert.Equal(original.ReadPseudo(stem, size).Labels.ToArray(), copy.ReadPseudo(stem, size).Labels.ToArray());
        }
    }

    [Fact]
    public void Voc_export_then_import_reproduces_the_labels_and_splits()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, Cli.Run("synth", "--out", temp["w"], "--train", "3", "--val", "2", "--size", "32").ExitCode);
        Assert.Equal(0, Cli.Run("dataset", "export", temp["w"], "--format", "voc", "--labels", "Gt", "--out", temp["voc"]).ExitCode);
        Assert.Equal(0, Cli.Run("dataset", "import-voc", temp["voc"], "--out", temp["back"], "--as", "Gt", "--slic-segments", "0").ExitCode);
        var original = DatasetFolder.Open(temp["w"]);
        var back = DatasetFolder.Open(temp["back"]);
        Assert.Equal(original.Splits["val"], back.Splits["val"]);
        foreach (string stem in original.AllStems)
        {
            var size = original.ImageSize(stem);
            Assert.Equal(original.ReadGroundTruth(stem, size)!.Labels.ToArray(), back.ReadGroundTruth(stem, size)!.Labels.ToArray());
        }
    }

    [Fact]
    public void Cvat_export_writes_the_segmentation_mask_folder_for_every_stem()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, Cli.Run("synth", "--out", temp["w"], "--train", "3", "--val", "2", "--size", "32").ExitCode);
        var (code, output) = Cli.Run("dataset", "export", temp["w"], "--format", "cvat", "--out", temp["cvat"]);
        Assert.True(code == 0, output);
        var original = DatasetFolder.Open(temp["w"]);
        string[] labelMap = File.ReadAllLines(temp["cvat/labelmap.txt"]);
        Assert.Equal("# label:color_rgb:parts:actions", labelMap[0]);
        Assert.Equal(original.Classes.Select(c => c.Name), labelMap.Skip(1).Select(l => l.Split(':')[0])); // class 0 is background: no added line
        foreach (var (split, stems) in original.Splits)
        {
            Assert.Equal(stems, File.ReadAllLines(temp[$"cvat/ImageSets/Segmentation/{split}.txt"]));
            Assert.All(stems, stem => Assert.True(File.Exists(temp[$"cvat/SegmentationClass/{stem}.png"]) && File.Exists(temp[$"cvat/SegmentationObject/{stem}.png"])));
        }
    }

    [Fact]
    public void Sam_mask_folders_become_superpixel_maps_with_the_same_partition()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, Cli.Run("synth", "--out", temp["w"], "--train", "2", "--val", "0", "--size", "32").ExitCode);
        var dataset = DatasetFolder.Open(temp["w"]);
        var originals = new Dictionary<string, int[]>();
        foreach (string stem in dataset.AllStems)
        {
            var superpixels = dataset.ReadSuperpixels(stem, dataset.ImageSize(stem));
            originals[stem] = superpixels.Ids.ToArray();
            Directory.CreateDirectory(temp[$"sam/{stem}"]);
            foreach (int id in superpixels.Index.Ids)
            {
                var mask = superpixels.Ids.ToArray().Select(v => v == id ? (byte)255 : (byte)0).ToArray();
                File.WriteAllBytes(temp[$"sam/{stem}/{id}.png"], Alc.Imaging.Png.PngMapCodec.EncodeGray8(32, 32, mask));
            }
        }

        var (code, output) = Cli.Run("dataset", "import-sam", temp["sam"], "--out", temp["w"]);
        Assert.True(code == 0, output);
        foreach (var (stem, before) in originals)
        {
            var after = DatasetFolder.Open(temp["w"]).ReadSuperpixels(stem, dataset.ImageSize(stem)).Ids.ToArray();
            // Same partition: the id mapping before → after is a bijection.
            var pairs = before.Zip(after).Distinct().ToArray();
            Assert.Equal(pairs.Select(p => p.First).Distinct().Count(), pairs.Length);
            Assert.Equal(pairs.Select(p => p.Second).Distinct().Count(), pairs.Length);
        }
    }

    [Fact]
    public void A_failed_import_leaves_the_output_untouched()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, Cli.Run("synth", "--out", temp["w"], "--train", "2", "--val", "0", "--size", "32").ExitCode);
        string before = string.Join(",", Directory.EnumerateFiles(temp["w"], "*", SearchOption.AllDirectories).Order());
        // An annotation whose file name climbs out of the images folder.
        File.WriteAllText(temp["bad.json"], """
            {"images":[{"id":1,"file_name":"../../etc/passwd","width":32,"height":32}],
             "annotations":[],"categories":[{"id":1,"name":"chair"},{"id":2,"name":"sofa"},{"id":3,"name":"cat"},
             {"id":4,"name":"dog"},{"id":5,"name":"car"},{"id":6,"name":"bus"},{"id":7,"name":"person"}]}
            """);
        var (code, output) = Cli.Run("dataset", "import-coco", temp["bad.json"], "--images", temp["w/images"], "--out", temp["w"]);
        Assert.Equal(1, code);
        Assert.Contains("leads outside the images folder", output, StringComparison.Ordinal);
        Assert.Equal(before, string.Join(",", Directory.EnumerateFiles(temp["w"], "*", SearchOption.AllDirectories).Order()));
        Assert.Empty(Directory.GetDirectories(temp.Path, ".w.import-*"));
    }
}
