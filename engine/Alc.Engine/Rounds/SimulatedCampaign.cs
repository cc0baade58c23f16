using Alc.Core.Correction;
using Alc.Core.Maps;
using Alc.Core.Metrics;
using Alc.Core.Oracle;
using Alc.Training;

namespace Alc.Engine.Rounds;

/// <summary>
/// A whole correction campaign against a simulated oracle: from the warm-start model θ0, each round selects B
/// queries with θ_(t−1) (<see cref="QuerySelector"/>), answers them from ground truth, applies the answers
/// (<see cref="AnswerApplier"/>), retrains θ_t on D_t and measures (<see cref="CampaignEvaluator"/>). A strategy with
/// automated correction (<see cref="AutoCorrectionStep"/>) runs it first in the round — confident pixels, whose region
/// checks then share B with the acquisition's queries, as the engine does — or, for A²LC's LCM, after the answers.
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
        var asked = new OracleAnswers(train, oracle, strategy, classes);
        progress?.Report(new CampaignProgress(0, rounds, "evaluate"));
        var records = new List<RoundRecord>
        {
            new() { Round = 0, DataMIoU = CampaignEvaluator.DataMIoU(train, classes), ModelMIoU = CampaignEvaluator.ModelMIoU(warmStart, validation, cancellationToken) },
        };
        ISegmentationPredictor model = warmStart;
        try
        {
            for (int round = 1; round <= rounds; round++)
            {
                int current = round;
                var (auto, quality) = SelectAndAsk(train, model, judgeTrainer ?? trainer, strategy, round, rounds, asked, progress, cancellationToken);
                cancellationToken.ThrowIfCancellationRequested();
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
                    Clicks = asked.Ledger.Clicks,
                    Bits = asked.Ledger.Bits,
                    Seconds = asked.Ledger.Seconds,
                    DataMIoU = CampaignEvaluator.DataMIoU(train, classes),
                    ModelMIoU = CampaignEvaluator.ModelMIoU(model, validation, cancellationToken),
                    Precision = quality.Precision,
                    Recall = quality.Recall,
                    CorrectedPixels = asked.Corrected,
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

    // One round's selection and answers, with the strategy's automated correction and region checks; returns what the correction did.
    private static (AutoCorrectionRecord? Auto, CorrectionQuality Quality) SelectAndAsk(IReadOnlyList<CampaignImage> train, ISegmentationPredictor model,
        ISegmentationTrainer judgeTrainer, CorrectionStrategy strategy, int round, int rounds, OracleAnswers asked, IProgress<CampaignProgress>? progress,
        CancellationToken cancellationToken)
    {
        var judgeProgress = progress is null ? null
            : new Action<int, TrainingProgress>((_, p) => progress.Report(new CampaignProgress(round, rounds, "auto-correct: out-of-fold models", p)));
        // Confident-pixel correction runs where the engine's RoundWorker runs it, before the round's queries are selected, so
        // the HTTP engine and the bench reach the same labels; A²LC's LCM learns from the round's own answers, so it runs after them.
        AutoCorrectionOutcome? first = null;
        if (strategy.AutoCorrection is { Method: not CorrectionMethod.Lcm } confident)
        {
            progress?.Report(new CampaignProgress(round, rounds, "auto-correct"));
            first = AutoCorrectionStep.Run(train, model, judgeTrainer, asked.Log, round, strategy, confident.ChecksFor(strategy.Budget), judgeProgress,
                cancellationToken);
        }

        progress?.Report(new CampaignProgress(round, rounds, "select"));
        int reserved = first?.Checks.Count ?? strategy.AutoCorrection?.ChecksFor(strategy.Budget) ?? 0;
        var queries = strategy.Budget > reserved
            ? QuerySelector.Select(train, model, strategy with { Budget = strategy.Budget - reserved }, cancellationToken)
            : [];
        var probabilities = strategy.Expansion && strategy.Epsilon > 0 ? Probabilities(model, queries, asked, cancellationToken) : null;

        progress?.Report(new CampaignProgress(round, rounds, "answer"));
        var quality = new CorrectionQuality();
        foreach (var image in train)
        {
            quality.AddImageBefore(image.Labels.Labels, image.GroundTruth!.Labels);
        }

        if (first is not null)
        {
            return (AskInEngineOrder(first, queries, asked, round, quality, probabilities), quality);
        }

        foreach (var query in queries)
        {
            asked.Ask(query, asked.Image(query.ImageKey).Labels[query.Pixel], round, quality, probabilities?.GetValueOrDefault(query.ImageKey));
        }

        if (strategy.AutoCorrection is null)
        {
            return (null, quality);
        }

        progress?.Report(new CampaignProgress(round, rounds, "auto-correct"));
        var outcome = AutoCorrectionStep.Run(train, model, judgeTrainer, asked.Log, round, strategy, reserved, judgeProgress, cancellationToken);
        return (WithChecks(outcome, outcome.Checks.Select(c => asked.Ask(c, quality)).ToList()), quality);
    }

    // As the engine stores and answers them: region checks, then the acquisition's queries minus any on a check's pixel,
    // answered best score first (a check's score is its region's mass), each showing the label it had when selected.
    private static AutoCorrectionRecord AskInEngineOrder(AutoCorrectionOutcome outcome, IReadOnlyList<CorrectionQuery> queries, OracleAnswers asked,
        int round, CorrectionQuality quality, Dictionary<int, ProbabilityMap>? probabilities)
    {
        var checkPixels = outcome.Checks.Select(c => (c.ImageKey, c.Pixel)).ToHashSet();
        var results = new List<(long Changed, long Right)>();
        var order = outcome.Checks.Select(c => (Score: c.Region.Mass, Check: (RegionCheck?)c, Query: (CorrectionQuery?)null))
            .Concat(queries.Where(q => !checkPixels.Contains((q.ImageKey, q.Pixel))).Select(q => (q.Score, Check: (RegionCheck?)null, Query: (CorrectionQuery?)q)))
            .OrderByDescending(item => item.Score);
        foreach (var (_, check, query) in order)
        {
            if (check is not null)
            {
                results.Add(asked.Ask(check, quality));
            }
            else
            {
                asked.Ask(query!, query!.ShownLabel, round, quality, probabilities?.GetValueOrDefault(query.ImageKey));
            }
        }

        return WithChecks(outcome, results);
    }

    private static AutoCorrectionRecord WithChecks(AutoCorrectionOutcome outcome, List<(long Changed, long Right)> results) => outcome.Record with
    {
        CheckPixels = results.Sum(r => r.Changed),
        CheckPixelsRight = results.Sum(r => r.Right),
    };

    // Softmax outputs of just the images that were queried (ε > 0 compares them during expansion).
    private static Dictionary<int, ProbabilityMap> Probabilities(ISegmentationPredictor model, IReadOnlyList<CorrectionQuery> queries,
        OracleAnswers asked, CancellationToken cancellationToken)
    {
        var images = queries.Select(q => q.ImageKey).Distinct().Select(asked.Image).ToList();
        return images.Zip(model.PredictProbabilities(images.Select(i => i.ToInput()), cancellationToken))
            .ToDictionary(p => p.First.Key, p => new ProbabilityMap(p.First.Width, p.First.Height, model.ClassCount, p.Second));
    }
}
