using System.CommandLine;
using System.Text.Json;
using Alc.Bench;
using Spectre.Console;

namespace Alc.Engine.Cli;

/// <summary><c>alc-engine bench-ingest</c>: answer ingestion through the engine against a raw SQLite insert loop, and <c>next</c> latency.</summary>
public static class BenchIngestCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Creates the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var answers = new Option<int>("--answers") { Description = "Queries in the round (all get answered; enough that warm-up does not dominate).", DefaultValueFactory = _ => 10_000 };
        var clients = new Option<int>("--clients") { Description = "Concurrent clients.", DefaultValueFactory = _ => 32 };
        var scratch = new Option<DirectoryInfo?>("--scratch") { Description = "Folder for the scratch engine (default: the temp folder; pick the disk you deploy on)." };
        var output = new Option<FileInfo?>("--out") { Description = "Also write the result as JSON." };
        var command = new Command("bench-ingest", "Measure answers ingested per second from concurrent clients against a raw SQLite insert loop, and lease latency.")
        {
            answers, clients, scratch, output,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var measured = await console.Status().StartAsync("ingestion benchmark", async context =>
                await IngestionBenchmark.RunAsync(result.GetValue(answers), result.GetValue(clients), result.GetValue(scratch)?.FullName ?? Path.GetTempPath(),
                    new Progress<string>(s => context.Status($"ingestion benchmark: {s}")), cancellationToken));
            var table = new Table().AddColumns("measure", "value");
            table.AddRow("answers ingested (HTTP, one answer per request)", $"{measured.Answers} by {measured.Clients} clients");
            table.AddRow("engine: answers / s", $"{measured.HttpAnswersPerSecond:0}");
            table.AddRow("raw SQLite insert loop: rows / s", $"{measured.RawInsertsPerSecond:0}");
            table.AddRow("engine / raw", $"{measured.Ratio:0.00}×");
            table.AddRow("lease p50 / p99", $"{measured.NextP50Ms:0.0} / {measured.NextP99Ms:0.0} ms");
            table.AddRow("answer POST p50 / p99", $"{measured.AnswerP50Ms:0.0} / {measured.AnswerP99Ms:0.0} ms");
            table.AddRow("acknowledged / stored", $"{measured.Answers} / {measured.Stored}");
            table.AddRow("lost / duplicated / leased to two at once", $"{measured.Lost} / {measured.Duplicated} / {measured.DoubleHeld}");
            console.Write(table);
            if (result.GetValue(output) is FileInfo file)
            {
                await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(measured, Indented), cancellationToken);
            }

            return measured.Lost + measured.Duplicated + measured.DoubleHeld == 0 && measured.Stored == measured.Answers ? 0 : 1;
        });
        return command;
    }
}
