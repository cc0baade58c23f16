using Alc.Campaigns.AutoCorrection;
using Alc.Campaigns.Pipeline;
using Alc.Core.Correction;
using Alc.Core.Cost;
using Alc.Core.Metrics;
using Alc.Core.Oracle;
using Alc.Training;

namespace Alc.Campaigns.Simulation;

/// <summary>
/// A whole correction campaign against a simulated oracle, on the one <see cref="RoundPipeline"/>: rounds 1..R each
/// prepare (train θ_(t−1) → measure → auto-correct → select), ask the oracle in the plan's order, apply and close; a
/// last train → measure gives θ_R of the final labels. The HTTP engine runs the same pipeline with people answering.
/// </summary>
public static class SimulatedCampaign
{
    /// <summary>Runs <paramref name="rounds"/> rounds; returns the history rows 0..R (<see cref="RoundRecord"/>).</summary>
    /// <param name="train">Training images with D0 as their current labels (mutated).</param>
    /// <param name="validation">Validation images with ground truth.</param>
    /// <param name="trainer">Trains θ (round 1's is the shared warm start) and the judges.</param>
    /// <param name="oracle">Answers queries from ground truth.</param>
    /// <param name="strategy">The strategy.</param>
    /// <param name="rounds">Rounds R.</param>
    /// <param name="iterations">θ's training iterations (weights progress).</param>
    /// <param name="progress">Stage-by-stage progress.</param>
    /// <param name="cancellationToken">Stops between steps.</param>
    public static IReadOnlyList<RoundRecord> Run(IReadOnlyList<CampaignImage> train, IReadOnlyList<CampaignImage> validation, ICampaignTrainer trainer,
        SimulatedOracle oracle, CorrectionStrategy strategy, int rounds, int iterations, IProgress<RoundProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(oracle);
        ArgumentNullException.ThrowIfNull(strategy);
        strategy.Validate();
        int classes = train.Count > 0 ? train[0].Labels.ClassCount : 0;
        var store = new InMemoryCampaignStore(train, validation);
        var pipeline = new RoundPipeline(store, trainer, strategy);
        var asked = new Asked(store, new OracleAnswerer(oracle), trainer.Judges, strategy, classes);
        var closed = new List<RoundRecord> { new() { Round = 0, DataMIoU = CampaignEvaluator.DataMIoU(train, classes) } };
        var history = new List<RoundRecord>();
        ISegmentationPredictor? model = null;
        try
        {
            for (int round = 1; round <= rounds + 1; round++)
            {
                ISegmentationPredictor next;
                double? modelMiou;
                if (round > rounds)
                {
                    var meter = new RoundProgressMeter(round, [RoundStage.Train, RoundStage.Measure], strategy, iterations, progress);
                    (next, modelMiou) = pipeline.TrainAndMeasureAsync(round, model, meter, cancellationToken).GetAwaiter().GetResult();
                }
                else
                {
                    var meter = new RoundProgressMeter(round, Enum.GetValues<RoundStage>(), strategy, iterations, progress);
                    var (plan, trained) = pipeline.PrepareAsync(round, model, meter, cancellationToken).GetAwaiter().GetResult();
                    next = trained;
                    modelMiou = plan.ModelMIoU;
                    closed.Add(asked.AskAndClose(plan, trained, meter, cancellationToken));
                }

                model?.Dispose();
                model = next;
                // Row t pairs D_t (closed by round t) with θ_t, which round t+1 trains and measures.
                history.Add(closed[round - 1] with { ModelMIoU = modelMiou ?? double.NaN });
            }
        }
        finally
        {
            model?.Dispose();
        }

        return history;
    }

    // Stages ask → apply → close with the oracle: the cost ledger, the quality of the batch, and the log LCM learns from.
    private sealed class Asked(InMemoryCampaignStore store, IAnswerer answerer, ISegmentationTrainer judges, CorrectionStrategy strategy, int classes)
    {
        private readonly Dictionary<int, CampaignImage> _byKey = store.Train.ToDictionary(i => i.Key);
        private readonly AnnotationLedger _ledger = new(classes);
        private long _corrected;

        public RoundRecord AskAndClose(RoundPlan plan, ISegmentationPredictor model, RoundProgressMeter meter, CancellationToken cancellationToken)
        {
            var quality = new CorrectionQuality();
            foreach (var image in store.Train)
            {
                quality.AddImageBefore(image.Labels.Labels, image.GroundTruth!.Labels);
            }

            var checks = Ask(plan.Queries, plan, quality, meter);
            var auto = plan.AutoCorrection?.Record;
            if (strategy.AutoCorrection is { Method: CorrectionMethod.Lcm } lcm)
            {
                // A²LC's LCM learns from the round's own answers, so it runs after them; its checks are asked at once.
                meter.Report(RoundStage.AutoCorrect, 0, "correcting labels automatically (after the answers)");
                var outcome = AutoCorrectionStep.Run(store.Train, model, judges, store.AnswerLog, plan.Round, strategy, lcm.ChecksFor(strategy.Budget),
                    null, cancellationToken);
                var asked = outcome.Checks.Select(c => new PlannedQuery(c.ImageKey, c.Pixel, _byKey[c.ImageKey].Superpixels[c.Pixel], c.ShownLabel, c.Region.Mass, c)).ToList();
                checks = Ask(asked, plan, quality, meter);
                auto = outcome.Record;
            }

            meter.Report(RoundStage.Close, 0, "measuring the labels");
            var record = new RoundRecord
            {
                Round = plan.Round,
                Clicks = _ledger.Clicks,
                Bits = _ledger.Bits,
                Seconds = _ledger.Seconds,
                DataMIoU = CampaignEvaluator.DataMIoU(store.Train, classes),
                Precision = quality.Precision,
                Recall = quality.Recall,
                CorrectedPixels = _corrected,
                AutoCorrection = auto is null ? null : auto with { CheckPixels = checks.Changed, CheckPixelsRight = checks.Right },
            };
            meter.Report(RoundStage.Close, 1, "closed");
            return record;
        }

        // Asks each query in order and applies its answer; returns the pixels region checks changed and of those the ones now right.
        private (long Changed, long Right) Ask(IReadOnlyList<PlannedQuery> queries, RoundPlan plan, CorrectionQuality quality, RoundProgressMeter meter)
        {
            long changed = 0, right = 0;
            for (int i = 0; i < queries.Count; i++)
            {
                var query = queries[i];
                var image = _byKey[query.ImageKey];
                var truth = image.GroundTruth!;
                var (verdict, label, seconds) = answerer.Answer(image, query);
                _ledger.Record(verdict, seconds);
                quality.AddQuery(query.ShownLabel, truth.Labels[query.Pixel]);
                var result = AnswerStep.Apply(image, query, verdict, label, strategy, plan.Probabilities?.GetValueOrDefault(query.ImageKey));
                quality.AddExpansion(result, image.Labels, truth.Labels);
                _corrected += result.Changed;
                if (query.Check is null)
                {
                    store.Log(new AnsweredSuperpixel(image.Key, query.SuperpixelId, plan.Round, verdict, query.ShownLabel, label));
                }
                else
                {
                    changed += result.Changed;
                    right += result.ChangedPixels.Count(p => truth[p] == image.Labels[p]);
                }

                meter.Report(RoundStage.Apply, (i + 1.0) / queries.Count, $"answered {i + 1}/{queries.Count}");
            }

            return (changed, right);
        }
    }
}
