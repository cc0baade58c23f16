using System.CommandLine;
using Alc.Core.Maps;
using Alc.Core.Metrics;
using Alc.Core.World;
using Alc.Imaging.Datasets;
using Alc.Imaging.Photos;
using Spectre.Console;

namespace Alc.Engine.Cli;

/// <summary><c>alc-engine synth</c>: writes a seeded benchmark world (a preset of docs/worlds.md) as an ALC dataset folder and prints its calibration.</summary>
public static class SynthCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Dataset folder to write.", Required = true };
        var seed = new Option<long>("--seed") { Description = "World seed (same seed, same bytes).", DefaultValueFactory = _ => 1 };
        var train = new Option<int>("--train") { Description = "Training images.", DefaultValueFactory = _ => 240 };
        var val = new Option<int>("--val") { Description = "Validation images.", DefaultValueFactory = _ => 60 };
        var size = new Option<int>("--size") { Description = "Image side in pixels.", DefaultValueFactory = _ => 128 };
        var classes = new Option<int>("--classes") { Description = "Classes including background (2..21).", DefaultValueFactory = _ => 8 };
        var preset = new Option<string>("--preset")
        {
            Description = "World preset: v1 (2–5 objects of similar size, the reports so far), heavy-tailed (log-normal object areas fitted to COCO's area split, tiny masks and SAM fragments) or fashion (real Fashion-MNIST product photos on textured backgrounds at the same scales, labelled by a few-shot classifier).",
            DefaultValueFactory = _ => "v1",
        };
        preset.AcceptOnlyFromAmong([.. WorldPresets.Names]);
        var fashionMnist = new Option<DirectoryInfo>("--fashion-mnist")
        {
            Description = $"fashion: folder with Fashion-MNIST's four *-ubyte.gz files (Debian's dataset-fashion-mnist installs them in {FashionMnist.DefaultDirectory}).",
            DefaultValueFactory = _ => new DirectoryInfo(FashionMnist.DefaultDirectory),
        };
        var shots = new Option<int>("--shots")
        {
            Description = "fashion: training photos per class of the few-shot classifier that makes the pseudo labels (fewer, more confusions).",
            DefaultValueFactory = _ => new PhotoWorldOptions().ShotsPerClass,
        };
        var command = new Command("synth", "Write a seeded benchmark world — synthetic or of real photos — (images, gt, Grounded-SAM-like pseudo labels, SAM-like superpixels).")
        {
            output, seed, train, val, size, classes, preset, fashionMnist, shots,
        };
        command.SetAction(result =>
        {
            if (result.GetValue(preset) == WorldPresets.Fashion)
            {
                if (result.GetResult(classes) is { Implicit: false })
                {
                    console.MarkupLine("[red]error:[/] --classes does not apply to the fashion world: its classes are background + Fashion-MNIST's 10.");
                    return 2;
                }

                var photoPreset = WorldPresets.Photo(result.GetValue(seed), FashionMnist.ClassNames.Count);
                var photo = photoPreset with
                {
                    World = photoPreset.World with { Train = result.GetValue(train), Val = result.GetValue(val), Size = result.GetValue(size) },
                    ShotsPerClass = result.GetValue(shots),
                };
                return RunPhoto(console, photo, result.GetValue(fashionMnist)!.FullName, result.GetValue(output)!.FullName);
            }

            var options = WorldPresets.Get(result.GetValue(preset)!, result.GetValue(seed)) with
            {
                Train = result.GetValue(train),
                Val = result.GetValue(val),
                Size = result.GetValue(size),
                Classes = result.GetValue(classes),
            };
            return Run(console, options, result.GetValue(output)!.FullName);
        });
        return command;
    }

    /// <summary>Writes the world to <paramref name="outputRoot"/>; returns the exit code.</summary>
    public static int Run(IAnsiConsole console, WorldOptions options, string outputRoot)
    {
        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return 2;
        }

        LabelNoiseStatistics noise;
        try
        {
            noise = Progress.Run(console, "synth", progress => WorldFolder.Write(options, outputRoot, progress));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] cannot write {outputRoot}: {ex.Message}");
            return 1;
        }

        PrintCalibration(console, noise, options.Train, outputRoot);
        return 0;
    }

    /// <summary>Writes the photo world from the Fashion-MNIST files in <paramref name="fashionMnist"/>; returns the exit code.</summary>
    public static int RunPhoto(IAnsiConsole console, PhotoWorldOptions options, string fashionMnist, string outputRoot)
    {
        PhotoCatalog catalog;
        try
        {
            catalog = FashionMnist.Load(fashionMnist);
            options.Validate(catalog);
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException or DatasetFormatException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return 2;
        }

        LabelNoiseStatistics noise;
        try
        {
            noise = Progress.Run(console, "synth", progress => WorldFolder.Write(options, catalog, outputRoot, progress));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] cannot write {outputRoot}: {ex.Message}");
            return 1;
        }

        PrintCalibration(console, noise, options.World.Train, outputRoot);
        return 0;
    }

    private static void PrintCalibration(IAnsiConsole console, LabelNoiseStatistics noise, int train, string outputRoot)
    {
        var table = new Table().AddColumns("calibration (train split)", "value");
        var report = DatasetValidator.Validate(outputRoot);
        table.AddRow("images (train / val)", $"{train} / {report.ImagesPerSplit.GetValueOrDefault("val")}");
        table.AddRow("D0 Data mIoU", $"{noise.DataMIoU:0.000}");
        table.AddRow("superpixels with a wrong pseudo label", $"{noise.WrongSuperpixelShare:P1}");
        table.AddRow("superpixels spanning two GT classes", $"{noise.MixedSuperpixelShare:P1}");
        table.AddRow("superpixels per image", $"{(double)noise.Superpixels / train:0.0}");
        var sizes = report.MaskSizes;
        if (sizes is not null)
        {
            table.AddRow("mask area: median / mean (share of image)", $"{sizes.MedianShare:P2} / {sizes.MeanShare:P2}");
            table.AddRow("mask area held by the largest 10 % of masks", $"{sizes.LargestTenthShare:P1}");
        }
        console.Write(table);
        console.MarkupLineInterpolated($"wrote [green]{outputRoot}[/]");
    }
}
