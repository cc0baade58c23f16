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
/// <c>alc-engine pseudo-label</c>: a folder of photos and a <c>semantic</c> ONNX model become an ALC dataset folder — each
/// photo's argmax labels are its pseudo labels D0, SLIC makes its superpixels — ready for <c>dataset validate</c> and import.
/// </summary>
public static class PseudoLabelCommand
{
    private static readonly string[] PhotoExtensions = [".png", ".jpg", ".jpeg"];

    /// <summary>Creates the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var model = new Option<FileInfo>("--model") { Description = "A semantic ONNX model: image [N,3,H,W] → logits [N,L,h,w].", Required = true };
        var images = new Option<DirectoryInfo>("--images") { Description = "The folder of photos (.png, .jpg).", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "The dataset folder to write (must not exist yet).", Required = true };
        var classes = new Option<string?>("--classes") { Description = "Class names by id, comma-separated (default class-0, class-1, …); as many as the model's L." };
        var size = new Option<string?>("--size") { Description = "WxH the photos are resized to for the model (default: each photo's own size)." };
        var bgr = new Option<bool>("--bgr") { Description = "The model takes BGR channels (mean and std are then in BGR order)." };
        var mean = new Option<string>("--mean") { Description = "Per-channel mean on 0..1 values.", DefaultValueFactory = _ => "0.485,0.456,0.406" };
        var std = new Option<string>("--std") { Description = "Per-channel standard deviation.", DefaultValueFactory = _ => "0.229,0.224,0.225" };
        var segments = new Option<int>("--slic-segments") { Description = "SLIC superpixels per photo.", DefaultValueFactory = _ => 300 };
        var command = new Command("pseudo-label", "Write an ALC dataset from a folder of photos and a semantic ONNX model: argmax labels as pseudo labels, SLIC superpixels.")
        {
            model, images, output, classes, size, bgr, mean, std, segments,
        };
        command.SetAction(result =>
        {
            try
            {
                var preprocessing = new ModelPreprocessing(null, null, result.GetValue(bgr), Floats(result.GetValue(mean)!, "--mean"), Floats(result.GetValue(std)!, "--std"));
                if (result.GetValue(size) is string wxh)
                {
                    string[] parts = wxh.Split('x');
                    preprocessing = preprocessing with
                    {
                        Width = int.Parse(parts[0], CultureInfo.InvariantCulture),
                        Height = int.Parse(parts[^1], CultureInfo.InvariantCulture),
                    };
                }

                return Write(console, result.GetValue(model)!, result.GetValue(images)!, result.GetValue(output)!, result.GetValue(classes), preprocessing,
                    result.GetValue(segments));
            }
            catch (Exception ex) when (ex is OnnxModelException or MapFormatException or IOException or FormatException or ArgumentException)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
                return 1;
            }
        });
        return command;
    }

    private static int Write(IAnsiConsole console, FileInfo model, DirectoryInfo images, DirectoryInfo output, string? names, ModelPreprocessing preprocessing, int segments)
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

        using var segmenter = new SemanticSegmenter(File.ReadAllBytes(model.FullName), preprocessing);
        int? modelClasses = segmenter.Signature.Classes;
        string[] classNames = names?.Split(',', StringSplitOptions.TrimEntries) ?? [.. Enumerable.Range(0, modelClasses ?? 0).Select(i => $"class-{i}")];
        if (classNames.Length == 0 || (modelClasses is int l && l != classNames.Length))
        {
            throw new ArgumentException($"The model answers {modelClasses?.ToString(CultureInfo.InvariantCulture) ?? "an unknown number of"} classes; --classes names {classNames.Length}.");
        }

        var writer = new DatasetWriter(output.FullName);
        writer.WriteClasses([.. classNames.Select((n, i) => new ClassInfo(i, n, ClassesFile.Hex(VocPalette.Color(i))))]);
        var stems = new List<string>();
        Progress.Run(console, "pseudo-label", progress =>
        {
            foreach (string photo in photos)
            {
                var image = RgbImageCodec.Decode(photo);
                string stem = Path.GetFileNameWithoutExtension(photo);
                writer.WriteImage(stem, image);
                writer.WritePseudo(stem, new LabelMap(image.Width, image.Height, classNames.Length, segmenter.Label(image.Rgb, image.Width, image.Height)));
                writer.WriteSuperpixels(stem, Slic.SegmentMap(image.Rgb, image.Width, image.Height, new SlicOptions { SegmentCount = segments }));
                stems.Add(stem);
                progress.Report((stems.Count, photos.Length));
            }

            return stems.Count;
        });
        writer.WriteSplit("train", stems);
        console.MarkupLineInterpolated($"wrote [green]{stems.Count}[/] images with pseudo labels and superpixels to {output.FullName}; check it with alc-engine dataset validate");
        return 0;
    }

    private static float[] Floats(string text, string option)
    {
        float[] values = [.. text.Split(',').Select(v => float.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture))];
        return values.Length == 3 && values.All(float.IsFinite) ? values : throw new FormatException($"{option} takes three numbers, e.g. 0.5,0.5,0.5.");
    }
}
