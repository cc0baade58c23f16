using System.CommandLine;
using System.Text.Json;
using Alc.Bench;
using Spectre.Console;

namespace Alc.Engine.Cli;

/// <summary><c>alc-engine report</c>: re-renders report.md and the plots from a bench's results.json.</summary>
public static class ReportCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var results = new Argument<FileInfo[]>("RESULTS.json")
        {
            Description = "results.json files written by `alc-engine bench`; several (e.g. one per seed) are merged into one report when they were run alike.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for report.md and the plots (default: beside the results; required when merging)." };
        var command = new Command("report", "Re-render report.md, data-miou.png and model-miou.png from a bench's results.json, or merge several into one.") { results, output };
        command.SetAction(result =>
        {
            var files = result.GetValue(results)!;
            if (files.Length > 1 && result.GetValue(output) is null)
            {
                console.MarkupLine("[red]error:[/] merging results needs --out (a folder for the merged results.json), so no input is overwritten.");
                return 2;
            }

            var pieces = new List<BenchResults>();
            foreach (var file in files)
            {
                try
                {
                    pieces.Add(JsonSerializer.Deserialize<BenchResults>(File.ReadAllBytes(file.FullName)) ?? throw new JsonException("the file holds null"));
                }
                catch (Exception ex) when (ex is JsonException or IOException or NotSupportedException)
                {
                    console.MarkupLineInterpolated($"[red]error:[/] {file.Name}: {ex.Message}");
                    return 1;
                }
            }

            try
            {
                string folder = result.GetValue(output)?.FullName ?? files[0].DirectoryName!;
                BenchReport.Write(folder, BenchMerge.Merge(pieces));
                console.MarkupLineInterpolated($"wrote [green]{folder}[/] (results.json, report.md, data-miou.png, model-miou.png)");
                return 0;
            }
            catch (ArgumentException ex)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
                return 2;
            }
        });
        return command;
    }
}
