using System.Text.Json.Nodes;
using Alc.Core;
using Alc.Core.Maps;
using Alc.Imaging.Datasets;
using Alc.Imaging.Importers;
using Alc.Imaging.Photos;
using Alc.Integrations.LabelStudio.Labels;

namespace Alc.Imaging.Tests.Importers;

/// <summary>A Label Studio brush export (as the D_t export writes it, and as Label Studio names uploaded files) into the ALC format.</summary>
public sealed class LabelStudioImporterTests : IDisposable
{
    private static readonly ClassInfo[] Classes = [new(0, "background", "#000000"), new(1, "chair", "#00c000"), new(2, "person", "#c00000")];
    private readonly string _root = Path.Combine(Path.GetTempPath(), "alc-ls-" + Guid.NewGuid().ToString("N"));

    public LabelStudioImporterTests()
    {
        Directory.CreateDirectory(Photos);
        RgbImageCodec.WritePng(Path.Combine(Photos, "a.png"), new RgbImage(4, 3, new byte[4 * 3 * 3]));
        RgbImageCodec.WritePng(Path.Combine(Photos, "b.png"), new RgbImage(2, 2, new byte[2 * 2 * 3]));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Photos => Path.Combine(_root, "photos");

    private string Output => Path.Combine(_root, "out");

    private static readonly LabelMap A = new(4, 3, 3, [0, 1, 1, 0, 2, 2, LabelMap.Ignore, 0, 0, 0, 1, 1]);
    private static readonly LabelMap B = new(2, 2, 3, [2, 2, 2, 0]);

    private string Write(params JsonObject[] tasks)
    {
        string path = Path.Combine(_root, "export.json");
        File.WriteAllText(path, new JsonArray([.. tasks]).ToJsonString());
        return path;
    }

    [Fact]
    public void Each_tasks_masks_become_its_labels_exactly_with_classes_from_the_brush_labels()
    {
        // Label Studio names an uploaded file "<8 hex>-<name>"; the photo folder holds the original name.
        string export = Write(BrushTaskLabels.Task("/data/upload/3/0f1e2d3c-a.png", A, Classes), BrushTaskLabels.Task("http://ls/data/b.png?x=1", B, Classes));
        var summary = LabelStudioImporter.Import(export, Photos, Output, LabelRole.Gt);

        Assert.Equal(2, summary.Images["train"]);
        var dataset = DatasetFolder.Open(Output);
        Assert.Equal(["background", "chair", "person"], dataset.Classes.Select(c => c.Name));
        Assert.Equal(A.Labels.ToArray(), dataset.ReadGroundTruth("a", dataset.ImageSize("a"))!.Labels.ToArray());
        Assert.Equal(B.Labels.ToArray(), dataset.ReadGroundTruth("b", dataset.ImageSize("b"))!.Labels.ToArray());
    }

    [Fact]
    public void Pseudo_labels_get_superpixels_from_the_given_segmenter()
    {
        string export = Write(BrushTaskLabels.Task("a.png", A, Classes));
        LabelStudioImporter.Import(export, Photos, Output, LabelRole.Pseudo, superpixels: image => new SuperpixelMap(image.Width, image.Height, new int[image.Width * image.Height]));
        var dataset = DatasetFolder.Open(Output);
        Assert.Equal(A.Labels.ToArray(), dataset.ReadPseudo("a", dataset.ImageSize("a")).Labels.ToArray());
        Assert.All(dataset.ReadSuperpixels("a", dataset.ImageSize("a")).Ids.ToArray(), id => Assert.Equal(0, id));
    }

    [Theory]
    [InlineData("missing.png", "the photo 'missing.png'")]
    // Only the file name of data.image counts, so a path cannot leave the images folder: this is a.png again.
    [InlineData("../a.png", "a second task has the image 'a'")]
    [InlineData("b.png", "2×2 image")]
    public void A_bad_task_is_named_and_nothing_is_written(string image, string expected)
    {
        // The masks are 4×3: on b.png (2×2) they do not fit.
        string export = Write(BrushTaskLabels.Task("a.png", A, Classes), BrushTaskLabels.Task(image, A, Classes));
        var error = Assert.Throws<DatasetFormatException>(() => LabelStudioImporter.Import(export, Photos, Output));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("task #2", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public void Not_an_array_is_refused()
    {
        File.WriteAllText(Path.Combine(_root, "export.json"), "{\"tasks\": []}");
        Assert.Contains("array of tasks", Assert.Throws<DatasetFormatException>(() =>
            LabelStudioImporter.Import(Path.Combine(_root, "export.json"), Photos, Output)).Message, StringComparison.Ordinal);
    }
}
