using System.Text.Json;
using Alc.Core.World;
using Alc.Imaging.Datasets;
using Alc.Imaging.Tests.Support;

namespace Alc.Imaging.Tests.Datasets;

/// <summary>Reading Fashion-MNIST's IDX files into the photo world's catalog, and writing the photo world as a dataset folder.</summary>
public sealed class FashionMnistTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("alc-fmnist-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_training_file_gives_the_items_and_the_test_file_the_shot_pool()
    {
        IdxFiles.WriteCatalog(_root, perClass: 3);
        var catalog = FashionMnist.Load(_root);
        Assert.Equal(FashionMnist.ClassNames, catalog.ClassNames);
        Assert.Equal(30, catalog.Items.Count);
        Assert.Equal(30, catalog.Shots.Count);
        Assert.All(catalog.Items, p => Assert.Equal(28, p.Side));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0], catalog.Items.Take(11).Select(p => p.Label));
        // Item 4 is class 4: its band covers rows 10..17, so row 10 is bright and row 9 is not.
        Assert.Equal(230, catalog.Items[4].Pixels[(10 * 28) + 10]);
        Assert.Equal(90, catalog.Items[4].Pixels[(9 * 28) + 10]);
        Assert.Equal(0, catalog.Items[4].Pixels[0]);
    }

    [Fact]
    public void A_missing_file_says_how_to_install_the_dataset()
    {
        var error = Assert.Throws<FileNotFoundException>(() => FashionMnist.Load(_root));
        Assert.Contains("apt-get install dataset-fashion-mnist", error.Message, StringComparison.Ordinal);
        Assert.Contains("train-images-idx3-ubyte.gz", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_files_are_named_with_the_reason()
    {
        IdxFiles.WriteCatalog(_root, perClass: 1);
        string labels = Path.Combine(_root, "train-labels-idx1-ubyte.gz");

        IdxFiles.Write(labels, 0x0801, [9], new byte[9]);
        Assert.Contains("holds 9 labels for the 10 images", Assert.Throws<DatasetFormatException>(() => FashionMnist.Load(_root)).Message, StringComparison.Ordinal);

        IdxFiles.Write(labels, 0x0801, [10], [0, 1, 2, 3, 4, 5, 6, 7, 8, 12]);
        Assert.Contains("label 12 at item 9", Assert.Throws<DatasetFormatException>(() => FashionMnist.Load(_root)).Message, StringComparison.Ordinal);

        IdxFiles.Write(labels, 0x0803, [10], new byte[10]);
        Assert.Contains("not an IDX file of rank 1", Assert.Throws<DatasetFormatException>(() => FashionMnist.Load(_root)).Message, StringComparison.Ordinal);

        IdxFiles.Write(labels, 0x0801, [10], new byte[7]);
        Assert.Contains("declares 10 values but holds 7 bytes", Assert.Throws<DatasetFormatException>(() => FashionMnist.Load(_root)).Message, StringComparison.Ordinal);

        File.WriteAllText(labels, "not gzip");
        var notGzip = Assert.Throws<DatasetFormatException>(() => FashionMnist.Load(_root));
        Assert.Equal("train-labels-idx1-ubyte.gz: is not a gzip file", notGzip.Message);
    }

    [Fact]
    public void The_photo_world_writes_a_valid_folder_with_the_fashion_classes()
    {
        IdxFiles.WriteCatalog(Path.Combine(_root, "fmnist"), perClass: 3);
        var options = WorldPresets.Photo(2) with { World = WorldPresets.Photo(2).World with { Train = 6, Val = 2, Size = 48 }, ShotsPerClass = 2 };
        string folder = Path.Combine(_root, "world");
        var noise = WorldFolder.Write(options, FashionMnist.Load(Path.Combine(_root, "fmnist")), folder);

        var report = DatasetValidator.Validate(folder);
        Assert.Empty(report.Errors);
        Assert.Equal(8, report.ValidImages);
        Assert.Equal(["background", .. FashionMnist.ClassNames], report.Classes.Select(c => c.Name));
        Assert.Equal(noise.DataMIoU, report.DataMIoU!.Value, 6);
        using var classes = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "classes.json")));
        Assert.Equal(11, classes.RootElement.EnumerateArray().Count());
    }
}
