using System.CommandLine;
using System.Globalization;
using Alc.Bench;
using Alc.Campaigns;
using Alc.Campaigns.Pipeline;
using Alc.Core.Acquisition;
using Alc.Core.Correction;
using Alc.Core.Oracle;
using Alc.Core.World;
using Alc.Imaging;
using Alc.Imaging.Datasets;
using Alc.Training;
using Spectre.Console;

namespace Alc.Engine.Cli;

/// <summary><c>alc-engine bench</c>: runs correction campaigns with a simulated oracle and reports label efficiency.</summary>
public static class BenchCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(IAnsiConsole console, Func<TrainerOptions, ISegmentationTrainer> createTrainer)
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "Dataset folder with ground truth (e.g. from `alc-engine synth`); or give --world." };
        var world = new Option<string>("--world")
        {
            Description = $"Instead of --data: bench a world preset ({string.Join(", ", WorldPresets.Names)}), written with world seed 1 to a temporary folder, as the docs/bench reports were.",
        };
        world.AcceptOnlyFromAmong([.. WorldPresets.Names]);
        var fashionMnist = new Option<DirectoryInfo>("--fashion-mnist")
        {
            Description = $"--world fashion: folder with Fashion-MNIST's *-ubyte.gz files.",
            DefaultValueFactory = _ => new DirectoryInfo(FashionMnist.DefaultDirectory),
        };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for results.json, report.md, data-miou.png, model-miou.png.", Required = true };
        var acquisitions = new Option<string>("--acquisitions") { Description = $"Comma-separated strategies: acquisitions ({string.Join(", ", Acquisitions.Names)}), an acquisition with +lcm (A²LC's automated correction, e.g. sim+lcm), or default.", DefaultValueFactory = _ => "sim,lcil,softmin,aiou,margin,random" };
        var rounds = new Option<int>("--rounds") { Description = "Rounds after the warm start.", DefaultValueFactory = _ => 5 };
        var budget = new Option<int>("--budget") { Description = "Queries per round (B).", DefaultValueFactory = _ => 100 };
        var seeds = new Option<string>("--seeds") { Description = "Comma-separated seeds.", DefaultValueFactory = _ => "1,2,3" };
        var model = new Option<string>("--model") { Description = "Segmentation model.", DefaultValueFactory = _ => Alc.Training.Models.SegmentationModels.FcnSmallName };
        // Bench defaults sized for fcn-small on the default world: 5 rounds × 6 acquisitions × 3 seeds in < 30 min on 2 cores.
        var iterations = new Option<int>("--iterations") { Description = "Training iterations per round.", DefaultValueFactory = _ => 250 };
        var batch = new Option<int>("--batch") { Description = "Training batch size.", DefaultValueFactory = _ => new TrainerOptions().BatchSize };
        var crop = new Option<int>("--crop") { Description = "Training crop size.", DefaultValueFactory = _ => new TrainerOptions().CropSize };
        var learningRate = new Option<double>("--lr") { Description = "Initial learning rate.", DefaultValueFactory = _ => 0.05 };
        var device = new Option<DevicePreference>("--device") { Description = "auto (CUDA when available), cpu or cuda.", DefaultValueFactory = _ => DevicePreference.Auto };
        var retrain = new Option<RetrainPolicy>("--retrain") { Description = "FromInitial (paper) or Continue.", DefaultValueFactory = _ => RetrainPolicy.FromInitial };
        var epsilon = new Option<double>("--epsilon") { Description = "ε of the label expansion (eq. 12).", DefaultValueFactory = _ => 0 };
        var oracle = new Option<string>("--oracle") { Description = "gt (answers from the queried pixel) or paper (the authors' majority rule).", DefaultValueFactory = _ => "gt" };
        oracle.AcceptOnlyFromAmong("gt", "paper");
        var errorRate = new Option<double>("--error-rate") { Description = "Share of wrong oracle answers.", DefaultValueFactory = _ => 0 };
        var autoCorrect = new Option<string>("--auto-correct") { Description = "Automated correction for the plain acquisition names: none, lcm (A²LC's, after each round's answers) or confident (the default strategy's, before each round's selection: out-of-fold confident regions and region checks).", DefaultValueFactory = _ => "none" };
        autoCorrect.AcceptOnlyFromAmong("none", "lcm", "confident");
        var ablation = new Option<bool>("--ablation") { Description = "Also run the paper's Table 3 rows (no pool / look-ahead / expansion)." };
        var command = new Command("bench", "Run correction campaigns per acquisition and seed with a simulated oracle; write results.json, report.md and plots.")
        {
            data, world, fashionMnist, output, acquisitions, rounds, budget, seeds, model, iterations, batch, crop, learningRate, device, retrain, epsilon, oracle, errorRate,
            autoCorrect, ablation,
        };
        command.SetAction((result, cancellationToken) =>
        {
            string? preset = result.GetValue(world);
            if ((preset is null) == (result.GetValue(data) is null))
            {
                console.MarkupLine("[red]error:[/] give the dataset with --data DIR or a world preset with --world NAME (one of them).");
                return Task.FromResult(2);
            }

            string? scratch = preset is null ? null : Path.Combine(Path.GetTempPath(), $"alc-bench-world-{preset}-{Guid.NewGuid():N}");
            var options = Parse(result, scratch ?? result.GetValue(data)!.FullName);
            if (options is null)
            {
                return Task.FromResult(2);
            }

            try
            {
                if (preset is not null)
                {
                    int written = preset == WorldPresets.Fashion
                        ? SynthCommand.RunPhoto(console, WorldPresets.Photo(1, FashionMnist.ClassNames.Count), result.GetValue(fashionMnist)!.FullName, scratch!)
                        : SynthCommand.Run(console, WorldPresets.Get(preset, 1), scratch!);
                    if (written != 0)
                    {
                        return Task.FromResult(written);
                    }

                    // The temporary folder is gone after the run: results.json names the world by how to write it again.
                    options = options with { DataName = $"world {preset} (alc-engine synth --preset {preset} --seed 1)" };
                }

                return Task.FromResult(Run(console, options, createTrainer, cancellationToken));
            }
            finally
            {
                if (scratch is not null && Directory.Exists(scratch))
                {
                    Directory.Delete(scratch, recursive: true);
                }
            }
        });
        return command;

        // The options as given, or null after printing why they are refused.
        BenchOptions? Parse(ParseResult result, string dataRoot)
        {
            BenchOptions options;
            try
            {
                options = new BenchOptions
                {
                    Data = dataRoot,
                    Output = result.GetValue(output)!.FullName,
                    Acquisitions = result.GetValue(acquisitions)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    Rounds = result.GetValue(rounds),
                    Budget = result.GetValue(budget),
                    Seeds = result.GetValue(seeds)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray(),
                    Epsilon = result.GetValue(epsilon),
                    Ablation = result.GetValue(ablation),
                    Retrain = result.GetValue(retrain),
                    AutoCorrect = result.GetValue(autoCorrect) switch
                    {
                        "lcm" => new LabelCorrectionOptions(),
                        "confident" => CorrectionStrategy.DefaultAutoCorrection,
                        _ => null,
                    },
                    Oracle = new OracleOptions
                    {
                        Mode = result.GetValue(oracle) == "paper" ? OracleMode.Paper : OracleMode.Pixel,
                        ErrorRate = result.GetValue(errorRate),
                    },
                    Trainer = new TrainerOptions
                    {
                        Model = result.GetValue(model)!,
                        Iterations = result.GetValue(iterations),
                        BatchSize = result.GetValue(batch),
                        CropSize = result.GetValue(crop),
                        LearningRate = result.GetValue(learningRate),
                        Device = result.GetValue(device),
                    },
                };
                options.Oracle.Validate();
                foreach (var (_, strategy) in options.Strategies())
                {
                    strategy.Validate();
                }

                if (options.Rounds < 1 || options.Seeds.Count == 0 || options.Strategies().Count == 0)
                {
                    throw new ArgumentException("The bench needs ≥ 1 round, ≥ 1 seed and ≥ 1 acquisition.");
                }
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
                return null;
            }

            return options;
        }
    }

    /// <summary>Runs the bench with a progress bar per run and writes the report; returns the exit code.</summary>
    public static int Run(IAnsiConsole console, BenchOptions options, Func<TrainerOptions, ISegmentationTrainer> createTrainer, CancellationToken cancellationToken)
    {
        try
        {
            BenchResults results = default!;
            if (console.Profile.Capabilities.Interactive)
            {
                console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                    .Start(context =>
                    {
                        var tasks = new Dictionary<(string, long), ProgressTask>();
                        results = BenchRunner.Run(options, createTrainer, new SyncProgress<BenchProgress>(p =>
                        {
                            if (!tasks.TryGetValue((p.Run, p.Seed), out var task))
                            {
                                tasks[(p.Run, p.Seed)] = task = context.AddTask($"{Markup.Escape(p.Run)} · seed {p.Seed}", maxValue: 1);
                            }

                            var c = p.Campaign;
                            bool warm = p.Run == "warm start";
                            // R rounds and the last train → measure of θ_R, each as one share of the bar.
                            task.Value = Math.Max(task.Value, warm ? c.Fraction : Math.Min(1, (c.Round - 1 + c.Fraction) / (p.Rounds + 1)));
                            task.Description = $"{Markup.Escape(p.Run)} · seed {p.Seed} · {Markup.Escape(c.Message)}";
                        }), cancellationToken);
                        foreach (var task in tasks.Values)
                        {
                            task.Value = task.MaxValue;
                        }
                    });
            }
            else
            {
                results = BenchRunner.Run(options, createTrainer, new SyncProgress<BenchProgress>(p =>
                {
                    if (p.Campaign is { Stage: RoundStage.Measure, StageFraction: 1 })
                    {
                        console.WriteLine($"{p.Run} · seed {p.Seed} · {p.Campaign.Message}");
                    }
                }), cancellationToken);
            }

            string markdown = BenchReport.Write(options.Output, results);
            console.WriteLine(markdown.Split("\n## ", 3) is { Length: > 1 } parts ? "## " + parts[1] : markdown);
            console.MarkupLineInterpolated($"wrote [green]{options.Output}[/] (results.json, report.md, data-miou.png, model-miou.png) in {results.Config.WallSeconds / 60:0.0} min");
            return 0;
        }
        catch (Exception ex) when (ex is DatasetFormatException or MapFormatException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return 1;
        }
    }
}
