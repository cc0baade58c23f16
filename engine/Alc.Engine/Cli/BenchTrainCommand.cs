using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Alc.Bench;
using Spectre.Console;

namespace Alc.Engine.Cli;

/// <summary>
/// <c>alc-engine bench-train</c>: the bench's training step in the project's trainer (with its data pipeline) against the same
/// step in PyTorch, iterations per second and their ratio from one run.
/// </summary>
public static class BenchTrainCommand
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Creates the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var models = new Option<string>("--models") { Description = "Models to compare.", DefaultValueFactory = _ => "fcn-small,deeplabv3plus-resnet18" };
        var iterations = new Option<int>("--iterations") { Description = "Measured steps per model and side (after 3 warm-up steps).", DefaultValueFactory = _ => 30 };
        var batch = new Option<int>("--batch") { Description = "Batch size (the bench's).", DefaultValueFactory = _ => 8 };
        var crop = new Option<int>("--crop") { Description = "Crop side (the bench's).", DefaultValueFactory = _ => 96 };
        var output = new Option<FileInfo?>("--out") { Description = "Also write the result as JSON." };
        var command = new Command("bench-train",
            "Measure training iterations per second of the project's trainer (data pipeline included) against the same step in PyTorch (Debian's python3-torch, installed with apt when missing and run as root).")
        {
            models, iterations, batch, crop, output,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (!PyTorchInstalled() && !TryInstallPyTorch(console))
            {
                console.MarkupLine("[red]error:[/] PyTorch is not installed for /usr/bin/python3: apt-get install -y python3-torch (Debian 12's PyTorch 1.13).");
                return 1;
            }

            string[] names = result.GetValue(models)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var measured = await console.Status().StartAsync("training speed", context => Task.FromResult(TrainingSpeedBenchmark.Run(names,
                result.GetValue(iterations), batch: result.GetValue(batch), crop: result.GetValue(crop), progress: new StatusProgress(context))));
            var table = new Table().AddColumns("model", "parameters (project / PyTorch)", "project it/s (with data pipeline)", "PyTorch it/s (fixed batch)", "project / PyTorch", "threads");
            foreach (var m in measured)
            {
                table.AddRow(m.Model, $"{m.Parameters:N0} / {m.PyTorchParameters:N0}", $"{m.ProjectIterationsPerSecond:0.00}", $"{m.PyTorchIterationsPerSecond:0.00}",
                    $"{m.Ratio:0.00}×", $"{m.Threads}");
            }

            console.Write(table);
            console.MarkupLineInterpolated($"PyTorch {measured[0].PyTorchVersion}; batch {result.GetValue(batch)}, crop {result.GetValue(crop)}, CPU");
            if (result.GetValue(output) is FileInfo file)
            {
                await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(measured, Indented), cancellationToken);
            }

            return measured.All(m => m.Parameters == m.PyTorchParameters) ? 0 : 1;
        });
        return command;
    }

    private static bool PyTorchInstalled() => Run(TrainingSpeedBenchmark.Python, "-c", "import torch") == 0;

    // Installs Debian's python3-torch when this process may (root, apt-get present); says so first.
    private static bool TryInstallPyTorch(IAnsiConsole console)
    {
        if (Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
        {
            return false;
        }

        console.MarkupLine("installing python3-torch with apt-get (once per machine)");
        return Run("/usr/bin/apt-get", "install", "-y", "-q", "python3-torch") == 0 && PyTorchInstalled();
    }

    private static int Run(string program, params string[] arguments)
    {
        if (!File.Exists(program))
        {
            return -1;
        }

        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync(); // both pipes drained at once, so neither can fill and block the child
        process.StandardOutput.ReadToEnd();
        errors.Wait();
        process.WaitForExit();
        return process.ExitCode;
    }

    // Shows the benchmark's step on the status line.
    private sealed class StatusProgress(StatusContext context) : IProgress<string>
    {
        public void Report(string value) => context.Status($"training speed: {value}");
    }
}
