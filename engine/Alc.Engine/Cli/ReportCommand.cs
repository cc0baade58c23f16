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
                    var piece = JsonSerializer.Deserialize<BenchResults>(File.ReadAllBytes(file.FullName)) ?? throw new JsonException("the file holds null");
                    if (piece.Config is null || piece.Config.Seeds is null || piece.Runs is null || piece.Runs.Any(r => r is null || r.Rounds is null))
                    {
                        throw new JsonException("config, config.seeds, runs and every run's rounds must be present");
                    }

                    pieces.Add(piece);
                }
                catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
                {
                    console.MarkupLineInterpolated($"[red]error:[/] {file.Name}: {ex.Message}");
                    return 1;
                }
            }

            try
            {
                string folder = result.GetValue(output)?.FullName ?? files[0].DirectoryName!;
                // One file is re-rendered as it is; only several are merged (and re-ordered).
                BenchReport.Write(folder, pieces.Count == 1 ? pieces[0] : BenchMerge.Merge(pieces));
                console.MarkupLineInterpolated($"wrote [green]{folder}[/] (results.json, report.md, data-miou.png, model-miou.png)");
                return 0;
            }
            catch (ArgumentException ex)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
                return 2;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                console.MarkupLineInterpolated($"[red]error:[/] cannot write the report: {ex.Message}");
                return 1;
            }
        });
        return command;
    }
}
