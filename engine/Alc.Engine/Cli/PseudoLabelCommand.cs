using System.CommandLine;
using System.Globalization;
using Alc.Core;
using Alc.Core.Maps;
using Alc.Core.Superpixels;
using Alc.Imaging;
using Alc.Imaging.Datasets;
using Alc.Imaging.Maps;
using Alc.Imaging.Photos;
using Alc.Inference;
using Spectre.Console;

namespace Alc.Engine.Cli;

/// <summary>
/// <c>alc-engine pseudo-label</c>: a folder of photos and the user's ONNX models become an ALC dataset folder ready for
/// <c>dataset validate</c> and import — with a <c>semantic</c> model, each photo's argmax labels are D0 and SLIC makes the
/// superpixels; with a detector and SAM's encoder and decoder (the paper's Grounded-SAM rule), the masks SAM draws for the
/// boxes above the box threshold, painted largest first, are both D0 and the superpixels.
/// </summary>
public static class PseudoLabelCommand
{
    private static readonly string[] PhotoExtensions = [".png", ".jpg", ".jpeg"];

    /// <summary>Creates the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var model = new Option<FileInfo?>("--model") { Description = "A semantic ONNX model: image [N,3,H,W] → logits [N,L,h,w]. Or give --detector, --sam-encoder and --sam-decoder." };
        var detector = new Option<FileInfo?>("--detector") { Description = "A detector ONNX model: image → boxes [N,4] (x0,y0,x1,y1 in 0..1) and scores [N,C], column k = class k+1." };
        var samEncoder = new Option<FileInfo?>("--sam-encoder") { Description = "SAM's image encoder exported to ONNX (input [1,3,S,S], S = 1024 for SAM; ImageNet mean and std, SAM's own). With --model: SAM automatic-mask superpixels." };
        var samDecoder = new Option<FileInfo?>("--sam-decoder") { Description = "SAM's prompt decoder exported with the segment-anything repository's export_onnx_model.py." };
        var boxThreshold = new Option<float>("--box-threshold") { Description = "The least best-class score a detector box needs (the paper's 0.2).", DefaultValueFactory = _ => BoxDetector.DefaultBoxThreshold };
        var images = new Option<DirectoryInfo>("--images") { Description = "The folder of photos (.png, .jpg).", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "The dataset folder to write (must not exist yet).", Required = true };
        var classes = new Option<string?>("--classes") { Description = "Class names by id, comma-separated (default class-0, class-1, …); as many as the model's L." };
        var size = new Option<string?>("--size") { Description = "WxH the photos are resized to for the semantic model or the detector (default: each photo's own size)." };
        var bgr = new Option<bool>("--bgr") { Description = "The semantic model or the detector takes BGR channels (mean and std are then in BGR order)." };
        var mean = new Option<string>("--mean") { Description = "Per-channel mean on 0..1 values.", DefaultValueFactory = _ => "0.485,0.456,0.406" };
        var std = new Option<string>("--std") { Description = "Per-channel standard deviation.", DefaultValueFactory = _ => "0.229,0.224,0.225" };
        var binary = new Option<float?>("--binary-threshold") { Description = "For a one-channel (binary) semantic model: class 1 where its output exceeds this (0.5 for a probability map, 0 for a logit)." };
        var device = new Option<InferenceDevice>("--device") { Description = "Where ONNX Runtime runs the models: Auto (CUDA when its provider and a GPU are there), Cpu or Cuda.", DefaultValueFactory = _ => InferenceDevice.Auto };
        var segments = new Option<int>("--slic-segments") { Description = "SLIC superpixels per photo (semantic model only).", DefaultValueFactory = _ => 300 };
        var command = new Command("pseudo-label",
            "Write an ALC dataset from a folder of photos and ONNX models: a semantic model's argmax labels with SLIC superpixels, or Grounded-SAM's painted masks (--detector, --sam-encoder, --sam-decoder).")
        {
            model, detector, samEncoder, samDecoder, boxThreshold, images, output, classes, size, bgr, mean, std, binary, device, segments,
        };
        command.SetAction(result =>
        {
            try
            {
                var preprocessing = new ModelPreprocessing(null, null, result.GetValue(bgr), Floats(result.GetValue(mean)!, "--mean"), Floats(result.GetValue(std)!, "--std"), result.GetValue(binary));
                if (result.GetValue(size) is string wxh)
                {
                    string[] parts = wxh.Split('x');
                    preprocessing = preprocessing with
                    {
                        Width = int.Parse(parts[0], CultureInfo.InvariantCulture),
                        Height = int.Parse(parts[^1], CultureInfo.InvariantCulture),
                    };
                }

                var labeller = Labeller(result.GetValue(model), result.GetValue(detector), result.GetValue(samEncoder), result.GetValue(samDecoder),
                    result.GetValue(boxThreshold), preprocessing, result.GetValue(classes), result.GetValue(segments), result.GetValue(device));
                using (labeller.Models)
                {
                    return Write(console, labeller, result.GetValue(images)!, result.GetValue(output)!);
                }
            }
            catch (Exception ex) when (ex is OnnxModelException or MapFormatException or IOException or FormatException or ArgumentException)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
                return 1;
            }
        });
        return command;
    }

    private static int Write(IAnsiConsole console, PhotoLabeller labeller, DirectoryInfo images, DirectoryInfo output)
    {
        if (output.Exists)
        {
            throw new IOException($"{output.FullName} exists; pseudo-label writes a new dataset folder.");
        }

        string[] photos = images.EnumerateFiles().Where(f => PhotoExtensions.Contains(f.Extension.ToLowerInvariant())).Select(f => f.FullName).Order(StringComparer.Ordinal).ToArray();
        if (photos.Length == 0)
        {
            throw new IOException($"{images.FullName} holds no .png or .jpg photo.");
        }

        var writer = new DatasetWriter(output.FullName);
        writer.WriteClasses([.. labeller.ClassNames.Select((n, i) => new ClassInfo(i, n, ClassesFile.Hex(VocPalette.Color(i))))]);
        var stems = new List<string>();
        Progress.Run(console, "pseudo-label", progress =>
        {
            foreach (string photo in photos)
            {
                var image = RgbImageCodec.Decode(photo);
                string stem = Path.GetFileNameWithoutExtension(photo);
                var (labels, superpixels) = labeller.Label(image);
                writer.WriteImage(stem, image);
                writer.WritePseudo(stem, labels);
                writer.WriteSuperpixels(stem, superpixels);
                stems.Add(stem);
                progress.Report((stems.Count, photos.Length));
            }

            return stems.Count;
        });
        writer.WriteSplit("train", stems);
        console.MarkupLineInterpolated($"wrote [green]{stems.Count}[/] images with pseudo labels and superpixels ({labeller.What}) to {output.FullName}; check it with alc-engine dataset validate");
        return 0;
    }

    // The semantic model, or the Grounded-SAM trio; every model is opened (and checked) once.
    private static PhotoLabeller Labeller(FileInfo? model, FileInfo? detector, FileInfo? samEncoder, FileInfo? samDecoder, float boxThreshold,
        ModelPreprocessing preprocessing, string? names, int segments, InferenceDevice device)
    {
        string[]? given = names?.Split(',', StringSplitOptions.TrimEntries);
        if ((samEncoder is null) != (samDecoder is null))
        {
            throw new ArgumentException("--sam-encoder and --sam-decoder go together.");
        }

        if (model is not null && detector is null)
        {
            var segmenter = new SemanticSegmenter(File.ReadAllBytes(model.FullName), preprocessing, device: device);
            string[] classNames = ClassNames(given, segmenter.Signature.LabelClasses, segmenter, "The model answers", backgroundFirst: false);
            LabelMap Labels(RgbImage image) => new(image.Width, image.Height, classNames.Length, segmenter.Label(image.Rgb, image.Width, image.Height));
            if (samEncoder is null)
            {
                return new PhotoLabeller(classNames, image => (Labels(image), Slic.SegmentMap(image.Rgb, image.Width, image.Height, new SlicOptions { SegmentCount = segments })),
                    segmenter, "semantic model, SLIC superpixels");
            }

            // With SAM beside the semantic model: segment-anything's automatic masks (its defaults) are the superpixels.
            SamPrompter prompter;
            try
            {
                prompter = new SamPrompter(File.ReadAllBytes(samEncoder.FullName), ModelPreprocessing.ImageNet, File.ReadAllBytes(samDecoder!.FullName), device: device);
            }
            catch
            {
                segmenter.Dispose();
                throw;
            }

            var generator = new SamMaskGenerator(prompter, new SamAutomaticMasks());
            return new PhotoLabeller(classNames, image => (Labels(image), new SuperpixelMap(image.Width, image.Height, generator.Superpixels(image.Rgb, image.Width, image.Height).Superpixels)),
                new Owned(segmenter, prompter), "semantic model, SAM automatic-mask superpixels");
        }

        if (model is not null || detector is null || samEncoder is null || samDecoder is null)
        {
            throw new ArgumentException("Give either --model (a semantic model; with --sam-encoder and --sam-decoder, SAM superpixels) or all of --detector, --sam-encoder and --sam-decoder (Grounded-SAM).");
        }

        if (!float.IsFinite(boxThreshold) || boxThreshold is < 0 or > 1)
        {
            throw new ArgumentException($"--box-threshold must be in 0..1 (got {boxThreshold.ToString(CultureInfo.InvariantCulture)}).");
        }

        var boxes = new BoxDetector(File.ReadAllBytes(detector.FullName), preprocessing, given?.Length, device: device);
        SamPrompter sam;
        try
        {
            sam = new SamPrompter(File.ReadAllBytes(samEncoder.FullName), ModelPreprocessing.ImageNet, File.ReadAllBytes(samDecoder.FullName), device: device);
        }
        catch
        {
            boxes.Dispose();
            throw;
        }

        var labeller = new GroundedSamLabeller(boxes, sam, boxes.ClassCount, boxThreshold);
        string[] grounded = ClassNames(given, boxes.ClassCount, labeller, "With background, the detector scores", backgroundFirst: true);
        return new PhotoLabeller(grounded, image =>
        {
            var painted = labeller.Label(image.Rgb, image.Width, image.Height).Painted;
            return (new LabelMap(image.Width, image.Height, grounded.Length, painted.Classes), new SuperpixelMap(image.Width, image.Height, painted.Superpixels));
        }, labeller, "Grounded-SAM masks painted largest first as labels and superpixels");
    }

    // The names given, or defaults (class-0, class-1, …; class 0 "background" for Grounded-SAM, where it is what no mask covers).
    private static string[] ClassNames(string[]? given, int? count, IDisposable owner, string what, bool backgroundFirst)
    {
        string[] names = given ?? [.. Enumerable.Range(0, count ?? 0).Select(i => i == 0 && backgroundFirst ? "background" : $"class-{i}")];
        if (names.Length < 2 || (count is int l && l != names.Length))
        {
            owner.Dispose();
            throw new ArgumentException($"{what} {count?.ToString(CultureInfo.InvariantCulture) ?? "an unknown number of"} classes; --classes names {names.Length}.");
        }

        return names;
    }

    /// <summary>Models disposed together.</summary>
    private sealed class Owned(params IDisposable[] models) : IDisposable
    {
        public void Dispose() => Array.ForEach(models, m => m.Dispose());
    }

    /// <summary>What labels each photo, with the class names and the models to dispose at the end.</summary>
    private sealed record PhotoLabeller(string[] ClassNames, Func<RgbImage, (LabelMap Labels, SuperpixelMap Superpixels)> Label, IDisposable Models, string What);

    private static float[] Floats(string text, string option)
    {
        float[] values = [.. text.Split(',').Select(v => float.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture))];
        return values.Length == 3 && values.All(float.IsFinite) ? values : throw new FormatException($"{option} takes three numbers, e.g. 0.5,0.5,0.5.");
    }
}
