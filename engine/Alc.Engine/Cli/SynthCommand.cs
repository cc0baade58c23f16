using System.CommandLine;
using Alc.Core.Maps;
using Alc.Core.Metrics;
using Alc.Core.World;
using Alc.Imaging.Datasets;
using Alc.Imaging.Photos;
using Spectre.Console;

namespace Alc.Engine.Cli;

/// <summary><c>alc-engine synth</c>: writes the seeded benchmark world as an ALC dataset folder and prints its calibration.</summary>
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
            Description = "World preset: v1 (2–5 objects of similar size, the reports so far) or heavy-tailed (log-normal object areas fitted to COCO's area split, tiny masks and SAM fragments).",
            DefaultValueFactory = _ => "v1",
        };
        preset.AcceptOnlyFromAmong([.. WorldPresets.Names]);
        var command = new Command("synth", "Write the seeded synthetic benchmark world (images, gt, Grounded-SAM-like pseudo labels, SAM-like superpixels).")
        {
            output, seed, train, val, size, classes, preset,
        };
        command.SetAction(result =>
        {
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

        var noise = Progress.Run(console, "synth", progress => WorldFolder.Write(options, outputRoot, progress));

        var table = new Table().AddColumns("calibration (train split)", "value");
        table.AddRow("images (train / val)", $"{options.Train} / {options.Val}");
        table.AddRow("D0 Data mIoU", $"{noise.DataMIoU:0.000}");
        table.AddRow("superpixels with a wrong pseudo label", $"{noise.WrongSuperpixelShare:P1}");
        table.AddRow("superpixels spanning two GT classes", $"{noise.MixedSuperpixelShare:P1}");
        table.AddRow("superpixels per image", $"{(double)noise.Superpixels / options.Train:0.0}");
        var sizes = DatasetValidator.Validate(outputRoot).MaskSizes;
        if (sizes is not null)
        {
            table.AddRow("mask area: median / mean (share of image)", $"{sizes.MedianShare:P2} / {sizes.MeanShare:P2}");
            table.AddRow("mask area held by the largest 10 % of masks", $"{sizes.LargestTenthShare:P1}");
        }
        console.Write(table);
        console.MarkupLineInterpolated($"wrote [green]{outputRoot}[/]");
        return 0;
    }
}
