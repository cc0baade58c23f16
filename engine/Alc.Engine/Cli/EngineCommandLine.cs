using System.CommandLine;
using Alc.Training;
using Alc.Training.Models;
using Spectre.Console;

namespace Alc.Engine.Cli;

/// <summary>The <c>alc-engine</c> command tree.</summary>
public static class EngineCommandLine
{
    /// <summary>
    /// Builds the root command with every verb, writing to <paramref name="console"/> (the terminal by default)
    /// and training with <paramref name="createTrainer"/> (TorchSharp with the model registry by default).
    /// </summary>
    public static RootCommand Build(IAnsiConsole? console = null, Func<TrainerOptions, ISegmentationTrainer>? createTrainer = null)
    {
        console ??= AnsiConsole.Console;
        createTrainer ??= options => new SegmentationTrainer(options, SegmentationModels.Create);
        var root = new RootCommand("Alc.Engine: active label correction for semantic segmentation datasets.");
        root.Subcommands.Add(SynthCommand.Create(console));
        root.Subcommands.Add(DatasetCommands.Create(console));
        root.Subcommands.Add(BenchCommand.Create(console, createTrainer));
        root.Subcommands.Add(ReportCommand.Create(console));
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(BenchIngestCommand.Create(console));
        root.Subcommands.Add(BenchDemoCommand.Create(console));
        root.Subcommands.Add(BenchTrainCommand.Create(console));
        root.Subcommands.Add(PseudoLabelCommand.Create(console));
        root.Subcommands.Add(OpenApiCommand.Create());
        return root;
    }
}
