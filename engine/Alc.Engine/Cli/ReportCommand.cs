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
        var results = new Argument<FileInfo>("RESULTS.json") { Description = "A results.json written by `alc-engine bench`." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for report.md and the plots (default: beside the results)." };
        var command = new Command("report", "Re-render report.md, data-miou.png and model-miou.png from a bench's results.json.") { results, output };
        command.SetAction(result =>
        {
            var file = result.GetValue(results)!;
            try
            {
                var parsed = JsonSerializer.Deserialize<BenchResults>(File.ReadAllBytes(file.FullName))
                    ?? throw new JsonException("the file holds null");
                string folder = result.GetValue(output)?.FullName ?? file.DirectoryName!;
                BenchReport.Write(folder, parsed);
                console.MarkupLineInterpolated($"wrote [green]{folder}[/] (results.json, report.md, data-miou.png, model-miou.png)");
                return 0;
            }
            catch (Exception ex) when (ex is JsonException or IOException or NotSupportedException)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {file.Name}: {ex.Message}");
                return 1;
            }
        });
        return command;
    }
}
