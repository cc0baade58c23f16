using System.CommandLine;
using Spectre.Console;

namespace Alc.Engine.Cli;

/// <summary>The <c>alc-engine</c> command tree.</summary>
public static class EngineCommandLine
{
    /// <summary>Builds the root command with every verb, writing to <paramref name="console"/> (the terminal by default).</summary>
    public static RootCommand Build(IAnsiConsole? console = null)
    {
        console ??= AnsiConsole.Console;
        var root = new RootCommand("Alc.Engine: active label correction for semantic segmentation datasets.");
        root.Subcommands.Add(SynthCommand.Create(console));
        root.Subcommands.Add(DatasetCommands.Create(console));
        return root;
    }
}
