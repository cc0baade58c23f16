using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace Alc.Engine.Cli;

/// <summary>
/// <c>alc-engine bench-demo</c>: how long annotators wait for a round of the <c>serve --demo</c> project, stage by stage,
/// against the bound the project promises (90 s on a 2-core machine in Release).
/// </summary>
public static class BenchDemoCommand
{
    /// <summary>The most seconds a demo round may take before its queries are ready (a 2-core machine, Release build, nothing else running).</summary>
    public const double BoundSeconds = 90;

    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Creates the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var rounds = new Option<int>("--rounds") { Description = "Rounds to measure (each closed unanswered before the next).", DefaultValueFactory = _ => 2 };
        var scratch = new Option<DirectoryInfo?>("--scratch") { Description = "Folder for the scratch engine (default: the temp folder)." };
        var output = new Option<FileInfo?>("--out") { Description = "Also write the timings as JSON." };
        var command = new Command("bench-demo",
            $"Measure how long a round of the serve --demo project takes until its queries are ready, per stage, against the {BoundSeconds:0} s bound (run it in Release with nothing else running).")
        {
            rounds, scratch, output,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var timings = await console.Status().StartAsync("demo round benchmark", async context =>
                await DemoRoundBenchmark.RunAsync(result.GetValue(rounds), result.GetValue(scratch)?.FullName ?? Path.GetTempPath(),
                    new Progress<string>(s => context.Status($"demo round benchmark: {s}")), cancellationToken: cancellationToken));
            var table = new Table().AddColumns("round", "ready after", "stages", "queries", $"within {BoundSeconds:0} s");
            foreach (var t in timings)
            {
                string stages = string.Join(", ", t.Stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Stage} {s.Seconds:0.0} s")));
                table.AddRow($"{t.Round}", string.Create(CultureInfo.InvariantCulture, $"{t.ReadySeconds:0.0} s"), Markup.Escape(stages), $"{t.Queries}",
                    t.ReadySeconds <= BoundSeconds ? "[green]yes[/]" : "[red]no[/]");
            }

            console.Write(table);
            console.MarkupLine($"{Environment.ProcessorCount} cores; {(IsRelease() ? "Release" : "[yellow]a Debug build: several times slower than Release[/]")}");
            if (result.GetValue(output) is FileInfo file)
            {
                await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(timings, Indented), cancellationToken);
            }

            return timings.All(t => t.ReadySeconds <= BoundSeconds) ? 0 : 1;
        });
        return command;
    }

    // Whether this assembly was compiled with optimisations (a Debug build trains several times slower).
    private static bool IsRelease() =>
        typeof(BenchDemoCommand).Assembly.GetCustomAttributes(typeof(System.Diagnostics.DebuggableAttribute), false)
            .OfType<System.Diagnostics.DebuggableAttribute>().All(d => !d.IsJITOptimizerDisabled);
}
