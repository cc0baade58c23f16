using System.Diagnostics;
using Alc.Campaigns;
using Alc.Campaigns.AutoCorrection;
using Alc.Campaigns.Pipeline;
using Alc.Campaigns.Simulation;
using Alc.Core.Correction;
using Alc.Core.Oracle;
using Alc.Imaging.Datasets;
using Alc.Training;

namespace Alc.Bench;

/// <summary>
/// Runs every (strategy, seed) campaign of a bench on one dataset. Per seed, the warm start θ0 is trained once
/// on D0 and shared by all strategies (they differ only from round 1 on); each campaign starts from a fresh
/// copy of D0.
/// </summary>
public static class BenchRunner
{
    /// <summary>Runs the bench and returns its results (not yet written).</summary>
    /// <param name="options">What to run.</param>
    /// <param name="createTrainer">Makes the trainer for a seed's trainer options.</param>
    /// <param name="progress">Per-run progress.</param>
    /// <param name="cancellationToken">Stops between steps.</param>
    /// <exception cref="DatasetFormatException">The dataset is invalid or lacks ground truth.</exception>
    public static BenchResults Run(BenchOptions options, Func<TrainerOptions, ISegmentationTrainer> createTrainer,
        IProgress<BenchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(createTrainer);
        var clock = Stopwatch.StartNew();
        var dataset = DatasetFolder.Open(options.Data);
        if (!dataset.Splits.TryGetValue("val", out var valStems) || valStems.Count == 0)
        {
            throw new DatasetFormatException("splits/val.txt", "the bench needs a validation split with ground truth (Model mIoU)");
        }

        var train = Load(dataset, dataset.Splits["train"]);
        var validation = Fresh(Load(dataset, valStems));
        var strategies = options.Strategies();
        foreach (var (_, strategy) in strategies)
        {
            strategy.Validate();
        }

        var trainerOptions = options.Trainer with { ClassCount = dataset.ClassCount };
        var runs = new List<BenchRun>();
        foreach (long seed in options.Seeds)
        {
            var trainer = createTrainer(trainerOptions with { Seed = seed });
            var oracle = new SimulatedOracle(dataset.ClassCount, options.Oracle with { Seed = seed });
            var warmProgress = Relay(progress, "warm start", seed, options.Rounds);
            var warmMeter = new RoundProgressMeter(0, [RoundStage.Train], CorrectionStrategy.Default with { AutoCorrection = null }, trainerOptions.Iterations, warmProgress);
            using var warmStart = trainer.Train(Fresh(train).Select(i => i.ToSample()).ToList(), null, progress is null ? null : warmMeter.Training(RoundStage.Train, "warm start"),
                cancellationToken);
            // The ablation's "full" row is the sim strategy again: equal strategies (records compare by value) run once per seed.
            var done = new Dictionary<CorrectionStrategy, IReadOnlyList<RoundRecord>>();
            foreach (var (label, strategy) in strategies)
            {
                if (!done.TryGetValue(strategy, out var records))
                {
                    var campaignTrainer = new BenchTrainer(warmStart, trainer, JudgeTrainer(strategy, trainerOptions with { Seed = seed }, trainer, createTrainer));
                    records = SimulatedCampaign.Run(Fresh(train), validation, campaignTrainer, oracle, strategy with { Seed = seed }, options.Rounds,
                        trainerOptions.Iterations, Relay(progress, label, seed, options.Rounds), cancellationToken);
                    done[strategy] = records;
                }

                runs.Add(new BenchRun(label, seed, records));
            }
        }

        var t = trainerOptions;
        return new BenchResults
        {
            Dataset = options.DataName ?? dataset.Layout.Root,
            Config = new BenchConfig(options.Rounds, options.Budget, options.Seeds, options.Epsilon, t.Model, t.Iterations, t.BatchSize, t.CropSize,
                options.Retrain.ToString(), options.Oracle.Mode.ToString().ToLowerInvariant(), options.Oracle.ErrorRate, t.Device.ToString(),
                train.Count, validation.Count, dataset.ClassCount, Math.Round(clock.Elapsed.TotalSeconds, 1), options.AutoCorrect switch
                {
                    null => "none",
                    { Method: CorrectionMethod.Lcm } => "lcm",
                    _ => "confident",
                }),
            Runs = runs,
        };
    }

    // The out-of-fold judges train longer than θ_t when the strategy says so; same seed and settings otherwise.
    private static ISegmentationTrainer JudgeTrainer(CorrectionStrategy strategy, TrainerOptions options, ISegmentationTrainer trainer,
        Func<TrainerOptions, ISegmentationTrainer> createTrainer)
    {
        if (strategy.AutoCorrection is not { OutOfFoldModels: >= 2 } correction)
        {
            return trainer;
        }

        int iterations = correction.JudgeIterations(options.Iterations);
        return iterations == options.Iterations ? trainer : createTrainer(options with { Iterations = iterations });
    }

    private static SyncProgress<RoundProgress>? Relay(IProgress<BenchProgress>? progress, string run, long seed, int rounds) =>
        progress is null ? null : new SyncProgress<RoundProgress>(p => progress.Report(new BenchProgress(run, seed, rounds, p)));

    private sealed record Loaded(int Key, string Stem, byte[] Rgb, Alc.Core.Maps.LabelMap Pseudo, Alc.Core.Maps.SuperpixelMap Superpixels, Alc.Core.Maps.LabelMap Truth);

    private static List<Loaded> Load(DatasetFolder dataset, IReadOnlyList<string> stems)
    {
        var loaded = new List<Loaded>();
        for (int key = 0; key < stems.Count; key++)
        {
            string stem = stems[key];
            var photo = dataset.ReadImage(stem);
            var size = photo.Size;
            var truth = dataset.ReadGroundTruth(stem, size)
                ?? throw new DatasetFormatException($"gt/{stem}.png", "the bench answers from ground truth, and this image has none");
            loaded.Add(new Loaded(key, stem, photo.Rgb, dataset.ReadPseudo(stem, size), dataset.ReadSuperpixels(stem, size), truth));
        }

        return loaded;
    }

    // A campaign mutates its labels and answered sets, so every run starts from its own copy of D0.
    private static List<CampaignImage> Fresh(IEnumerable<Loaded> images) =>
        images.Select(i => new CampaignImage(i.Key, i.Stem, i.Rgb, i.Pseudo.Clone(), i.Superpixels, i.Truth)).ToList();
}
