using Alc.Engine.Server.Tests.Models;
using Alc.Imaging.Datasets;
using Alc.Imaging.Maps;
using Alc.Imaging.Photos;

namespace Alc.Engine.Tests;

/// <summary>
/// <c>alc-engine pseudo-label</c> with ONNX models whose output is known exactly: a semantic 1×1 convolution whose class k
/// logit is the photo's channel k (mean 0, std 1), so every pixel's pseudo label is its strongest channel; and the
/// Grounded-SAM stand-ins (fixed boxes, a decoder whose mask is its box), so every pixel's label is the smallest box over it.
/// </summary>
public sealed class PseudoLabelCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("alc-pseudo-label-").FullName;

    [Fact]
    public void A_folder_of_photos_and_a_semantic_model_become_a_valid_dataset_whose_labels_are_the_argmax()
    {
        string photos = Directory.CreateDirectory(Path.Combine(_root, "photos")).FullName;
        // 6×4 photos: red on the left half, blue on the right (a), and all green (b).
        RgbImageCodec.WritePng(Path.Combine(photos, "a.png"), new RgbImage(6, 4, [.. Enumerable.Range(0, 24).SelectMany(p => p % 6 < 3 ? new byte[] { 200, 10, 0 } : [0, 20, 180])]));
        RgbImageCodec.WritePng(Path.Combine(photos, "b.png"), new RgbImage(6, 4, [.. Enumerable.Range(0, 24).SelectMany(_ => new byte[] { 30, 90, 60 })]));
        string model = Path.Combine(_root, "identity.onnx");
        File.WriteAllBytes(model, OnnxGraphs.Semantic([1, 0, 0, 0, 1, 0, 0, 0, 1], [0, 0, 0]));
        string dataset = Path.Combine(_root, "dataset");

        var (code, output) = Cli.Run("pseudo-label", "--model", model, "--images", photos, "--out", dataset, "--classes", "red,green,blue",
            "--mean", "0,0,0", "--std", "1,1,1", "--slic-segments", "4");
        Assert.True(code == 0, output);
        var folder = DatasetFolder.Open(dataset);
        Assert.Equal(["red", "green", "blue"], folder.Classes.Select(c => c.Name));
        Assert.Equal(["a", "b"], folder.Splits["train"]);
        Assert.Equal([.. Enumerable.Range(0, 24).Select(p => p % 6 < 3 ? (byte)0 : (byte)2)], LabelMapFile.Read(Path.Combine(dataset, "pseudo", "a.png"), 3).Labels.ToArray());
        Assert.All(LabelMapFile.Read(Path.Combine(dataset, "pseudo", "b.png"), 3).Labels.ToArray(), v => Assert.Equal(1, v));
        Assert.Equal(0, Cli.Run("dataset", "validate", dataset).ExitCode);

        // With SAM beside the model, segment-anything's automatic masks are the superpixels: the decoder stand-in answers the
        // half under each grid point, so two masks survive NMS (left 1, right 2, in grid order).
        string encoder = Path.Combine(_root, "encoder.onnx"), decoder = Path.Combine(_root, "regions.onnx");
        File.WriteAllBytes(encoder, OnnxGraphs.SamEncoder(16));
        File.WriteAllBytes(decoder, OnnxGraphs.SamRegionDecoder(16, 6, 4, [.. Enumerable.Range(0, 24).Select(p => p % 6 < 3 ? 0 : 1)], [0.95f, 0.95f]));
        (code, output) = Cli.Run("pseudo-label", "--model", model, "--sam-encoder", encoder, "--sam-decoder", decoder, "--images", photos, "--out", Path.Combine(_root, "sam"),
            "--classes", "red,green,blue", "--mean", "0,0,0", "--std", "1,1,1");
        Assert.True(code == 0, output);
        Assert.Equal([.. Enumerable.Range(0, 24).Select(p => p % 6 < 3 ? 1 : 2)], SuperpixelMapFile.Read(Path.Combine(_root, "sam", "superpixels", "a.png")).Ids.ToArray());
        Assert.Equal(0, Cli.Run("dataset", "validate", Path.Combine(_root, "sam")).ExitCode);

        // A one-channel (binary) model: its output is red − 0.5, so class 1 where red is above half (a's left half only).
        string binary = Path.Combine(_root, "binary.onnx");
        File.WriteAllBytes(binary, OnnxGraphs.Semantic([1, 0, 0], [-0.5f]));
        (code, output) = Cli.Run("pseudo-label", "--model", binary, "--images", photos, "--out", Path.Combine(_root, "binary"), "--mean", "0,0,0", "--std", "1,1,1",
            "--binary-threshold", "0", "--slic-segments", "4");
        Assert.True(code == 0, output);
        Assert.Equal([.. Enumerable.Range(0, 24).Select(p => p % 6 < 3 ? (byte)1 : (byte)0)], LabelMapFile.Read(Path.Combine(_root, "binary", "pseudo", "a.png"), 2).Labels.ToArray());
        (code, output) = Cli.Run("pseudo-label", "--model", binary, "--images", photos, "--out", Path.Combine(_root, "unsaid"));
        Assert.Equal(1, code);
        Assert.Contains("the model is binary: declare the binary threshold", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_list_that_does_not_match_the_model_or_a_model_of_another_role_is_one_error_line_and_nothing_is_written()
    {
        string photos = Directory.CreateDirectory(Path.Combine(_root, "photos")).FullName;
        RgbImageCodec.WritePng(Path.Combine(photos, "a.png"), new RgbImage(4, 4, new byte[48]));
        string model = Path.Combine(_root, "m.onnx");
        File.WriteAllBytes(model, OnnxGraphs.Semantic(3));
        var (code, output) = Cli.Run("pseudo-label", "--model", model, "--images", photos, "--out", Path.Combine(_root, "d1"), "--classes", "a,b");
        Assert.Equal(1, code);
        Assert.Contains("The model answers 3 classes; --classes names 2", output, StringComparison.Ordinal);
        File.WriteAllBytes(model, OnnxGraphs.Classifier());
        (code, output) = Cli.Run("pseudo-label", "--model", model, "--images", photos, "--out", Path.Combine(_root, "d2"));
        Assert.Equal(1, code);
        Assert.Contains("'scores' is float of rank 2", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "d1")) || Directory.Exists(Path.Combine(_root, "d2")));
    }

    [Fact]
    public void A_detector_and_sam_make_a_valid_dataset_whose_labels_and_superpixels_are_the_painted_masks()
    {
        string photos = Directory.CreateDirectory(Path.Combine(_root, "photos")).FullName;
        RgbImageCodec.WritePng(Path.Combine(photos, "a.png"), new RgbImage(8, 6, new byte[8 * 6 * 3]));
        // Box A covers the image (class 1 best), box B is x 2..6, y 3..6 (class 2 best); SAM stand-ins draw each box.
        string detector = Path.Combine(_root, "detector.onnx"), encoder = Path.Combine(_root, "encoder.onnx"), decoder = Path.Combine(_root, "decoder.onnx");
        File.WriteAllBytes(detector, OnnxGraphs.Detector([0, 0, 1, 1, 0.25f, 0.5f, 0.75f, 1], [0.9f, 0.1f, 0.3f, 0.6f], 2));
        File.WriteAllBytes(encoder, OnnxGraphs.SamEncoder(16));
        File.WriteAllBytes(decoder, OnnxGraphs.SamBoxDecoder(16));
        string dataset = Path.Combine(_root, "grounded");

        var (code, output) = Cli.Run("pseudo-label", "--detector", detector, "--sam-encoder", encoder, "--sam-decoder", decoder, "--images", photos, "--out", dataset);
        Assert.True(code == 0, output);
        var folder = DatasetFolder.Open(dataset);
        Assert.Equal(["background", "class-1", "class-2"], folder.Classes.Select(c => c.Name));
        bool InB(int p) => p % 8 is >= 2 and <= 5 && p / 8 >= 3;
        Assert.Equal([.. Enumerable.Range(0, 48).Select(p => InB(p) ? (byte)2 : (byte)1)], LabelMapFile.Read(Path.Combine(dataset, "pseudo", "a.png"), 3).Labels.ToArray());
        Assert.Equal([.. Enumerable.Range(0, 48).Select(p => InB(p) ? 2 : 1)], SuperpixelMapFile.Read(Path.Combine(dataset, "superpixels", "a.png")).Ids.ToArray());
        Assert.Equal(0, Cli.Run("dataset", "validate", dataset).ExitCode);

        (code, output) = Cli.Run("pseudo-label", "--detector", detector, "--sam-encoder", encoder, "--images", photos, "--out", Path.Combine(_root, "half"));
        Assert.Equal(1, code);
        Assert.Contains("--sam-encoder and --sam-decoder go together", output, StringComparison.Ordinal);
        (code, output) = Cli.Run("pseudo-label", "--detector", detector, "--sam-encoder", encoder, "--sam-decoder", decoder, "--images", photos, "--out", Path.Combine(_root, "four"),
            "--classes", "bg,a,b,c");
        Assert.Equal(1, code);
        Assert.Contains("'scores' scores 2 classes; a dataset of 4 classes needs 3", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "half")) || Directory.Exists(Path.Combine(_root, "four")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
