using Alc.Core.Cost;
using Alc.Core.Maps;
using Alc.Core.Metrics;
using Alc.Core.Oracle;
using Alc.Training;

namespace Alc.Engine.Rounds;

/// <summary>
/// A whole correction campaign against a simulated oracle: from the warm-start model θ0, each round selects B
/// queries with θ_(t−1) (<see cref="QuerySelector"/>), answers them from ground truth, applies the answers
/// (<see cref="AnswerApplier"/>), optionally corrects labels automatically and asks the strategy's region checks
/// (<see cref="AutomatedCorrection"/>, <see cref="RegionCheck"/>), retrains θ_t on D_t and measures (<see cref="CampaignEvaluator"/>).
/// The HTTP engine runs the same steps with people answering instead of the oracle.
/// </summary>
public static class SimulatedCampaign
{
    /// <summary>Runs <paramref name="rounds"/> rounds; returns round 0 (the warm start) and one record per round.</summary>
    /// <param name="train">Training images with D0 as their current labels (mutated).</param>
    /// <param name="validation">Validation images with ground truth.</param>
    /// <param name="warmStart">θ0, trained on D0 (shared across strategies of one seed; not disposed here).</param>
    /// <param name="trainer">Trains θ_t.</param>
    /// <param name="oracle">Answers queries from ground truth.</param>
    /// <param name="strategy">The strategy.</param>
    /// <param name="rounds">Rounds after the warm start.</param>
    /// <param name="judgeTrainer">
    /// Trains the strategy's out-of-fold judges (<see cref="Alc.Core.Correction.LabelCorrectionOptions.OutOfFoldModels"/>),
    /// for <see cref="Alc.Core.Correction.LabelCorrectionOptions.JudgeIterations"/>; <paramref name="trainer"/> when null.
    /// </param>
    /// <param name="progress">Step-by-step progress.</param>
    /// <param name="cancellationToken">Stops between steps.</param>
    public static IReadOnlyList<RoundRecord> Run(IReadOnlyList<CampaignImage> train, IReadOnlyList<CampaignImage> validation,
        ISegmentationPredictor warmStart, ISegmentationTrainer trainer, SimulatedOracle oracle, CorrectionStrategy strategy, int rounds,
        ISegmentationTrainer? judgeTrainer = null, IProgress<CampaignProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(warmStart);
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(oracle);
        ArgumentNullException.ThrowIfNull(strategy);
        strategy.Validate();
        int classes = warmStart.ClassCount;
        var ledger = new AnnotationLedger(classes);
        long corrected = 0;
        progress?.Report(new CampaignProgress(0, rounds, "evaluate"));
        var records = new List<RoundRecord>
        {
            new() { Round = 0, DataMIoU = CampaignEvaluator.DataMIoU(train, classes), ModelMIoU = CampaignEvaluator.ModelMIoU(warmStart, validation, cancellationToken) },
        };
        var byKey = train.ToDictionary(i => i.Key);
        var answers = new List<AnsweredSuperpixel>();
        ISegmentationPredictor model = warmStart;
        try
        {
            for (int round = 1; round <= rounds; round++)
            {
                progress?.Report(new CampaignProgress(round, rounds, "select"));
                int checkCount = strategy.AutoCorrection?.ChecksFor(strategy.Budget) ?? 0;
                var queries = QuerySelector.Select(train, model, strategy with { Budget = strategy.Budget - checkCount }, cancellationToken);
                var probabilities = strategy.Expansion && strategy.Epsilon > 0 ? Probabilities(model, queries, byKey, cancellationToken) : null;

                progress?.Report(new CampaignProgress(round, rounds, "answer"));
                var quality = new CorrectionQuality();
                foreach (var image in train)
                {
                    quality.AddImageBefore(image.Labels.Labels, image.GroundTruth!.Labels);
                }

                foreach (var query in queries)
                {
                    var image = byKey[query.ImageKey];
                    byte shown = image.Labels[query.Pixel];
                    var answer = oracle.Answer(image.Key, query.Pixel, shown, image.GroundTruth!.Labels, image.Labels, image.Superpixels);
                    ledger.Record(answer.Verdict, answer.Seconds);
                    quality.AddQuery(shown, image.GroundTruth.Labels[query.Pixel]);
                    var result = AnswerApplier.Apply(image, query with { ShownLabel = shown }, answer.Verdict, answer.Label, strategy,
                        probabilities?.GetValueOrDefault(image.Key));
                    quality.AddExpansion(result, image.Labels, image.GroundTruth.Labels);
                    corrected += result.Changed;
                    answers.Add(new AnsweredSuperpixel(image.Key, query.SuperpixelId, round, answer.Verdict, shown, answer.Label));
                }

                AutoCorrectionRecord? auto = null;
                if (strategy.AutoCorrection is { } lcm)
                {
                    progress?.Report(new CampaignProgress(round, rounds, "auto-correct"));
                    var checks = new List<RegionCheck>();
                    auto = AutoCorrect(train, model, judgeTrainer ?? trainer, answers, round, rounds, strategy, lcm, checkCount, checks, progress, cancellationToken);
                    var (checkChanged, checkRight) = AskChecks(checks, byKey, oracle, ledger, quality);
                    corrected += checkChanged;
                    auto = auto with { Checks = checks.Count, CheckPixels = checkChanged, CheckPixelsRight = checkRight };
                }

                cancellationToken.ThrowIfCancellationRequested();
                int current = round;
                var next = trainer.Train(train.Select(i => i.ToSample()).ToList(), strategy.Retrain == RetrainPolicy.Continue ? model : null,
                    progress is null ? null : new SyncProgress<TrainingProgress>(p => progress.Report(new CampaignProgress(current, rounds, "train", p))),
                    cancellationToken);
                if (!ReferenceEquals(model, warmStart))
                {
                    model.Dispose();
                }

                model = next;
                progress?.Report(new CampaignProgress(round, rounds, "evaluate"));
                records.Add(new RoundRecord
                {
                    Round = round,
                    Clicks = ledger.Clicks,
                    Bits = ledger.Bits,
                    Seconds = ledger.Seconds,
                    DataMIoU = CampaignEvaluator.DataMIoU(train, classes),
                    ModelMIoU = CampaignEvaluator.ModelMIoU(model, validation, cancellationToken),
                    Precision = quality.Precision,
                    Recall = quality.Recall,
                    CorrectedPixels = corrected,
                    AutoCorrection = auto,
                });
            }
        }
        finally
        {
            if (!ReferenceEquals(model, warmStart))
            {
                model.Dispose();
            }
        }

        return records;
    }

    // Region checks go to the same oracle, cost and quality ledgers as acquisition queries; returns pixels changed and of those right.
    private static (long Changed, long Right) AskChecks(List<RegionCheck> checks, Dictionary<int, CampaignImage> byKey, SimulatedOracle oracle,
        AnnotationLedger ledger, CorrectionQuality quality)
    {
        long changed = 0, right = 0;
        foreach (var check in checks)
        {
            var image = byKey[check.ImageKey];
            var truth = image.GroundTruth!;
            var answer = oracle.Answer(image.Key, check.Pixel, check.ShownLabel, truth.Labels, image.Labels, image.Superpixels);
            ledger.Record(answer.Verdict, answer.Seconds);
            quality.AddQuery(check.ShownLabel, truth.Labels[check.Pixel]);
            var result = check.Apply(image, answer.Verdict, answer.Label);
            quality.AddExpansion(result, image.Labels, truth.Labels);
            changed += result.Changed;
            right += result.ChangedPixels.Count(p => truth[p] == image.Labels[p]);
        }

        return (changed, right);
    }

    // The automated correction, judged by θ_(t−1) or by out-of-fold models trained on D_t after this round's answers.
    private static AutoCorrectionRecord AutoCorrect(IReadOnlyList<CampaignImage> train, ISegmentationPredictor model, ISegmentationTrainer trainer,
        List<AnsweredSuperpixel> answers, int round, int rounds, CorrectionStrategy strategy, Alc.Core.Correction.LabelCorrectionOptions options,
        int checkCount, List<RegionCheck> checks, IProgress<CampaignProgress>? progress, CancellationToken cancellationToken)
    {
        long seed = (strategy.Seed * 1009) + round;
        if (options.OutOfFoldModels < 2)
        {
            return AutomatedCorrection.Run(train, _ => model, answers, round, options, strategy.ExcludeZeroId, seed, checkCount, checks, cancellationToken);
        }

        using var folds = OutOfFoldModels.Train(train, trainer, options.OutOfFoldModels,
            progress is null ? null : (_, p) => progress.Report(new CampaignProgress(round, rounds, "auto-correct: out-of-fold models", p)), cancellationToken);
        return AutomatedCorrection.Run(train, folds.For, answers, round, options, strategy.ExcludeZeroId, seed, checkCount, checks, cancellationToken);
    }

    // Softmax outputs of just the images that were queried (ε > 0 compares them during expansion).
    private static Dictionary<int, ProbabilityMap> Probabilities(ISegmentationPredictor model, IReadOnlyList<CorrectionQuery> queries,
        Dictionary<int, CampaignImage> byKey, CancellationToken cancellationToken)
    {
        var images = queries.Select(q => q.ImageKey).Distinct().Select(k => byKey[k]).ToList();
        return images.Zip(model.PredictProbabilities(images.Select(i => i.ToInput()), cancellationToken))
            .ToDictionary(p => p.First.Key, p => new ProbabilityMap(p.First.Width, p.First.Height, model.ClassCount, p.Second));
    }
}
