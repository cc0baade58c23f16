using System.CommandLine;
using Alc.Core.Superpixels;
using Alc.Imaging;
using Alc.Imaging.Datasets;
using Alc.Imaging.Exporters;
using Alc.Imaging.Importers;
using Spectre.Console;

namespace Alc.Engine.Cli;

/// <summary><c>alc-engine dataset …</c>: validate, import and export dataset folders in the ALC format.</summary>
public static class DatasetCommands
{
    /// <summary>Creates the <c>dataset</c> command with its verbs.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var dataset = new Command("dataset", "Validate, import and export dataset folders in the ALC format.");
        dataset.Subcommands.Add(Validate(console));
        dataset.Subcommands.Add(ImportVoc(console));
        dataset.Subcommands.Add(ImportCoco(console));
        dataset.Subcommands.Add(ImportSam(console));
        dataset.Subcommands.Add(ImportLabelStudio(console));
        dataset.Subcommands.Add(Export(console));
        return dataset;
    }

    private static Command Validate(IAnsiConsole console)
    {
        var directory = new Argument<DirectoryInfo>("DIR") { Description = "The dataset folder." };
        var command = new Command("validate", "Check a dataset folder; print its images, classes, superpixels and D0 Data mIoU. Exit 1 when invalid.") { directory };
        command.SetAction(result => RunValidate(console, result.GetValue(directory)!.FullName));
        return command;
    }

    /// <summary>Validates <paramref name="root"/> and prints the report; 0 when valid, 1 when not.</summary>
    public static int RunValidate(IAnsiConsole console, string root)
    {
        var report = Progress.Run(console, "validate", progress => DatasetValidator.Validate(root, progress));
        var table = new Table().AddColumns("dataset", report.Root);
        table.AddRow("classes", report.Classes.Count == 0 ? "—" : $"{report.Classes.Count} ({string.Join(", ", report.Classes.Select(c => c.Name))})");
        table.AddRow("images", string.Join(", ", report.ImagesPerSplit.Select(s => $"{s.Key} {s.Value}")));
        table.AddRow("valid images", report.ValidImages.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("with ground truth", report.ImagesWithGroundTruth.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (report.SuperpixelsPerImage is var (min, mean, max))
        {
            table.AddRow("superpixels per image", $"min {min}, mean {mean:0.0}, max {max}");
        }

        if (report.MaskSizes is { Count: > 0 } sizes)
        {
            // Compare with your own SAM masks: a heavy tail has a small median against the mean and most area in the largest tenth.
            table.AddRow("mask area: median / mean (share of image)", $"{sizes.MedianShare:P2} / {sizes.MeanShare:P2}");
            table.AddRow("mask area held by the largest 10 % of masks", $"{sizes.LargestTenthShare:P1}");
        }

        if (report.DataMIoU is double miou)
        {
            table.AddRow("D0 Data mIoU (train)", $"{miou:0.000}");
            table.AddRow("superpixels with a wrong pseudo label", $"{report.WrongSuperpixelShare:P1}");
            table.AddRow("superpixels spanning two GT classes", $"{report.MixedSuperpixelShare:P1}");
        }

        console.Write(table);
        foreach (string warning in report.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }

        foreach (string error in report.Errors)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {error}");
        }

        console.MarkupLine(report.IsValid ? "[green]valid[/]" : $"[red]invalid[/] ({report.Errors.Count} problem(s))");
        return report.IsValid ? 0 : 1;
    }

    private static Command ImportVoc(IAnsiConsole console)
    {
        var source = new Argument<DirectoryInfo>("SRC") { Description = "A PASCAL VOC folder (JPEGImages, SegmentationClass, ImageSets/Segmentation)." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Dataset folder to create or extend.", Required = true };
        var role = new Option<LabelRole>("--as") { Description = "Import the masks as pseudo labels or ground truth.", DefaultValueFactory = _ => LabelRole.Pseudo };
        var segments = new Option<int>("--slic-segments") { Description = "SLIC superpixels per image for images without superpixels (0 = none).", DefaultValueFactory = _ => 300 };
        var command = new Command("import-voc", "Import a PASCAL VOC folder into the ALC format (SLIC superpixels where none exist).") { source, output, role, segments };
        command.SetAction(result =>
        {
            int n = result.GetValue(segments);
            Func<Alc.Imaging.Photos.RgbImage, Alc.Core.Maps.SuperpixelMap>? slic = n <= 0 ? null
                : image => Slic.SegmentMap(image.Rgb, image.Width, image.Height, new SlicOptions { SegmentCount = n });
            return Import(console, "import-voc", progress =>
                VocImporter.Import(result.GetValue(source)!.FullName, result.GetValue(output)!.FullName, result.GetValue(role), slic, progress));
        });
        return command;
    }

    private static Command ImportCoco(IAnsiConsole console)
    {
        var annotations = new Argument<FileInfo>("ANNOTATIONS.json") { Description = "COCO JSON (polygons or RLE)." };
        var images = new Option<DirectoryInfo>("--images") { Description = "Folder the JSON's file_name entries are relative to.", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Dataset folder to create or extend.", Required = true };
        var role = new Option<LabelRole>("--as") { Description = "Import the masks as pseudo labels (with superpixels) or ground truth.", DefaultValueFactory = _ => LabelRole.Pseudo };
        var split = new Option<string>("--split") { Description = "Split the images join.", DefaultValueFactory = _ => "train" };
        split.AcceptOnlyFromAmong([.. DatasetLayout.Splits]);
        var command = new Command("import-coco", "Import COCO JSON masks (Grounded-SAM output) into the ALC format, painted largest first.") { annotations, images, output, role, split };
        command.SetAction(result => Import(console, "import-coco", progress => CocoImporter.Import(
            result.GetValue(annotations)!.FullName, result.GetValue(images)!.FullName, result.GetValue(output)!.FullName,
            result.GetValue(role), result.GetValue(split)!, progress)));
        return command;
    }

    private static Command ImportLabelStudio(IAnsiConsole console)
    {
        var tasks = new Argument<FileInfo>("EXPORT.json") { Description = "A Label Studio JSON export of a brush segmentation project (an array of tasks)." };
        var images = new Option<DirectoryInfo>("--images") { Description = "Folder with the tasks' photos, by the file name in data.image.", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Dataset folder to create or extend.", Required = true };
        var role = new Option<LabelRole>("--as") { Description = "Import the masks as pseudo labels or ground truth.", DefaultValueFactory = _ => LabelRole.Pseudo };
        var split = new Option<string>("--split") { Description = "Split the images join.", DefaultValueFactory = _ => "train" };
        split.AcceptOnlyFromAmong([.. DatasetLayout.Splits]);
        var segments = new Option<int>("--slic-segments") { Description = "SLIC superpixels per image for pseudo labels (0 = none).", DefaultValueFactory = _ => 300 };
        var command = new Command("import-label-studio",
            "Import a Label Studio brush-mask export into the ALC format: each task's last annotation becomes its labels (unpainted pixels class 0).")
            { tasks, images, output, role, split, segments };
        command.SetAction(result =>
        {
            int n = result.GetValue(segments);
            Func<Alc.Imaging.Photos.RgbImage, Alc.Core.Maps.SuperpixelMap>? slic = n <= 0 ? null
                : image => Slic.SegmentMap(image.Rgb, image.Width, image.Height, new SlicOptions { SegmentCount = n });
            return Import(console, "import-label-studio", progress => LabelStudioImporter.Import(result.GetValue(tasks)!.FullName,
                result.GetValue(images)!.FullName, result.GetValue(output)!.FullName, result.GetValue(role), result.GetValue(split)!, slic, progress));
        });
        return command;
    }

    private static Command ImportSam(IAnsiConsole console)
    {
        var masks = new Argument<DirectoryInfo>("MASKS") { Description = "SAM automatic-mask output: one folder per image stem of binary PNG masks." };
        var output = new Option<DirectoryInfo>("--out") { Description = "The dataset folder whose superpixels to replace.", Required = true };
        var command = new Command("import-sam", "Turn per-mask PNGs (SAM automatic mask generator) into the dataset's superpixel maps.") { masks, output };
        command.SetAction(result => Import(console, "import-sam", progress =>
            SamMaskImporter.Import(result.GetValue(masks)!.FullName, result.GetValue(output)!.FullName, progress)));
        return command;
    }

    private static Command Export(IAnsiConsole console)
    {
        var directory = new Argument<DirectoryInfo>("DIR") { Description = "The dataset folder." };
        var format = new Option<string>("--format")
        {
            Description = "voc (palette PNG folder), coco (RLE JSON file) or cvat (CVAT Segmentation mask 1.1 folder; zip its contents to import it).",
            DefaultValueFactory = _ => "voc",
        };
        format.AcceptOnlyFromAmong("voc", "coco", "cvat");
        var labels = new Option<ExportLabels>("--labels") { Description = "Which labels to export.", DefaultValueFactory = _ => ExportLabels.Pseudo };
        var output = new Option<string>("--out") { Description = "Output folder (voc, cvat) or JSON file (coco).", Required = true };
        var command = new Command("export", "Export a dataset's labels as VOC palette PNGs, COCO RLE JSON or a CVAT Segmentation mask 1.1 folder.") { directory, format, labels, output };
        command.SetAction(result =>
        {
            try
            {
                var dataset = DatasetFolder.Open(result.GetValue(directory)!.FullName);
                var source = VocExporter.FromFolder(dataset, result.GetValue(labels));
                string target = Path.GetFullPath(result.GetValue(output)!);
                int count = Progress.Run(console, "export", progress => result.GetValue(format) switch
                {
                    "coco" => CocoExporter.Export(dataset, target, source, progress),
                    "cvat" => CvatMaskExporter.Export(dataset, target, source, progress),
                    _ => VocExporter.Export(dataset, target, source, progress),
                });
                console.MarkupLineInterpolated($"exported [green]{count}[/] {(result.GetValue(format) == "coco" ? "annotations" : "images")} to {target}");
                return 0;
            }
            catch (Exception ex) when (ex is DatasetFormatException or MapFormatException or IOException)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
                return 1;
            }
        });
        return command;
    }

    private static int Import(IAnsiConsole console, string title, Func<IProgress<(int Done, int Total)>, ImportSummary> import)
    {
        try
        {
            var summary = Progress.Run(console, title, import);
            console.MarkupLineInterpolated($"imported {string.Join(", ", summary.Images.Select(s => $"{s.Key} {s.Value}"))} ({summary.Classes} classes)");
            return 0;
        }
        catch (Exception ex) when (ex is DatasetFormatException or MapFormatException or IOException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return 1;
        }
    }
}
