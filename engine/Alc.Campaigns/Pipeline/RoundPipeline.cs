using Alc.Campaigns.AutoCorrection;
using Alc.Core.Correction;
using Alc.Core.Maps;
using Alc.Training;

namespace Alc.Campaigns.Pipeline;

/// <summary>
/// The round, defined once for the bench, the engine's job runner and (through the engine) the examples. Round t runs
/// <see cref="RoundStage.Train"/> (θ_(t−1) on D_(t−1)) → <see cref="RoundStage.Measure"/> → <see cref="RoundStage.AutoCorrect"/>
/// → <see cref="RoundStage.Select"/> in <see cref="PrepareAsync"/>, which ends by publishing the round's queries to the
/// store; then <see cref="RoundStage.Ask"/> → <see cref="RoundStage.Apply"/> → <see cref="RoundStage.Close"/> happen where
/// the answers come from: <see cref="Simulation.SimulatedCampaign"/> asks the oracle in-process, the engine takes people's
/// answers through its ingestion. What differs sits behind the ports: the store, the trainer and the answerer.
/// </summary>
/// <param name="store">The campaign's state.</param>
/// <param name="trainer">Trains θ and the judges.</param>
/// <param name="strategy">The strategy.</param>
public sealed class RoundPipeline(ICampaignStore store, ICampaignTrainer trainer, CorrectionStrategy strategy)
{
    /// <summary>The stages <see cref="PrepareAsync"/> runs.</summary>
    public static IReadOnlyList<RoundStage> PrepareStages { get; } = [RoundStage.Train, RoundStage.Measure, RoundStage.AutoCorrect, RoundStage.Select];

    /// <summary>The strategy run.</summary>
    public CorrectionStrategy Strategy => strategy;

    /// <summary>
    /// Stages train → select of round <paramref name="round"/>; returns the published plan and θ_(t−1) (the caller
    /// disposes it). A round whose θ the store already keeps (a resumed job) skips training.
    /// </summary>
    /// <param name="round">Round t ≥ 1.</param>
    /// <param name="previous">θ_(t−2), to continue training from when the strategy says so.</param>
    /// <param name="meter">Progress of the stages.</param>
    /// <param name="cancellationToken">Stops between steps.</param>
    public async Task<(RoundPlan Plan, ISegmentationPredictor Model)> PrepareAsync(int round, ISegmentationPredictor? previous, RoundProgressMeter meter,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meter);
        var (model, modelMiou) = await TrainAndMeasureAsync(round, previous, meter, cancellationToken).ConfigureAwait(false);
        try
        {
            var correction = strategy.AutoCorrection is { Method: not CorrectionMethod.Lcm } c ? c : null;
            // No answer can change D_t before the round publishes its queries (answers need a querying round), so the judges train outside the lock.
            using var judges = correction is null ? null
                : await Task.Run(() => TrainJudges(correction, meter, cancellationToken), cancellationToken).ConfigureAwait(false);
            using var gate = await store.LockLabelsAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                AutoCorrectionOutcome? automated = null;
                if (correction is not null)
                {
                    meter.Report(RoundStage.AutoCorrect, 0.99, "correcting labels automatically");
                    automated = await Task.Run(() => AutoCorrectionStep.Correct(store.Train, judges is null ? _ => model : judges.For, store.AnswerLog, round,
                        strategy, correction.ChecksFor(strategy.Budget), cancellationToken), cancellationToken).ConfigureAwait(false);
                }

                meter.Report(RoundStage.Select, 0, "selecting queries");
                int reserved = automated?.Checks.Count ?? strategy.AutoCorrection?.ChecksFor(strategy.Budget) ?? 0;
                var queries = await Task.Run(() => Select(model, automated?.Checks ?? [], reserved, cancellationToken), cancellationToken).ConfigureAwait(false);
                var plan = new RoundPlan(round, modelMiou, automated, queries,
                    strategy.Expansion && strategy.Epsilon > 0 ? Probabilities(model, queries, cancellationToken) : null);
                store.Publish(plan);
                meter.Report(RoundStage.Select, 1, $"{queries.Count} queries ready");
                return (plan, model);
            }
            catch when (correction is not null)
            {
                // The automated correction changed D_t in memory; unless the plan was published, the store re-derives it.
                store.Discard();
                throw;
            }
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Stages train → measure alone: θ of the final labels, for the row that closes a campaign.</summary>
    public async Task<(ISegmentationPredictor Model, double? ModelMIoU)> TrainAndMeasureAsync(int round, ISegmentationPredictor? previous,
        RoundProgressMeter meter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meter);
        var model = store.TrainedModel(round);
        if (model is null)
        {
            List<SegmentationSample> samples;
            using (await store.LockLabelsAsync(cancellationToken).ConfigureAwait(false))
            {
                samples = store.Train.Select(i => i.ToSample()).ToList();
            }

            meter.Report(RoundStage.Train, 0, "training");
            var from = strategy.Retrain == RetrainPolicy.Continue ? previous : null;
            model = await Task.Run(() => trainer.Train(round, samples, from, meter.Training(RoundStage.Train, "training"), cancellationToken), cancellationToken).ConfigureAwait(false);
            try
            {
                store.SaveModel(round, model);
            }
            catch
            {
                model.Dispose();
                throw;
            }
        }

        try
        {
            bool measurable = store.Validation.Count > 0 && store.Validation.All(i => i.GroundTruth is not null);
            meter.Report(RoundStage.Measure, 0, "measuring the model");
            double? miou = measurable
                ? await Task.Run(() => CampaignEvaluator.ModelMIoU(model, store.Validation, cancellationToken), cancellationToken).ConfigureAwait(false)
                : null;
            meter.Report(RoundStage.Measure, 1, miou is { } m ? $"Model mIoU {m:0.0000}" : "no validation ground truth to measure against");
            return (model, miou);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private OutOfFoldModels? TrainJudges(LabelCorrectionOptions correction, RoundProgressMeter meter, CancellationToken cancellationToken)
    {
        int folds = Math.Max(1, correction.OutOfFoldModels);
        var progress = new Dictionary<int, IProgress<TrainingProgress>>();
        return AutoCorrectionStep.TrainJudges(store.Train, trainer.Judges, correction, (fold, p) =>
        {
            if (!progress.TryGetValue(fold, out var sink))
            {
                // The judges take all of the stage but its final inference pass.
                double width = 0.99 / folds;
                progress[fold] = sink = meter.Training(RoundStage.AutoCorrect, $"training judge {fold + 1}/{folds}", (fold * width, width));
            }

            sink.Report(p);
        }, cancellationToken);
    }

    // Region checks (at most the strategy's share of B), then the acquisition's queries for the rest of B, leaving out any on
    // a check's pixel; asked best score first (a check's score is its region's mass Σ f(ŷ)), checks before queries on ties.
    private List<PlannedQuery> Select(ISegmentationPredictor model, IReadOnlyList<RegionCheck> checks, int reserved, CancellationToken cancellationToken)
    {
        var planned = checks.Select(c => new PlannedQuery(c.ImageKey, c.Pixel, Image(c.ImageKey).Superpixels[c.Pixel], c.ShownLabel, c.Region.Mass, c)).ToList();
        if (strategy.Budget > reserved)
        {
            var asked = checks.Select(c => (c.ImageKey, c.Pixel)).ToHashSet();
            planned.AddRange(QuerySelector.Select(store.Train, model, strategy with { Budget = strategy.Budget - reserved }, cancellationToken)
                .Where(q => !asked.Contains((q.ImageKey, q.Pixel)))
                .Select(q => new PlannedQuery(q.ImageKey, q.Pixel, q.SuperpixelId, q.ShownLabel, q.Score)));
        }

        return planned.Select((q, i) => (q, i)).OrderByDescending(p => p.q.Score).ThenBy(p => p.i).Select(p => p.q).ToList();
    }

    private CampaignImage Image(int key) => store.Train.First(i => i.Key == key);

    // Softmax outputs of just the images that were queried (ε > 0 compares them during expansion).
    private Dictionary<int, ProbabilityMap> Probabilities(ISegmentationPredictor model, IReadOnlyList<PlannedQuery> queries, CancellationToken cancellationToken)
    {
        var images = queries.Select(q => q.ImageKey).Distinct().Select(Image).ToList();
        return images.Zip(model.PredictProbabilities(images.Select(i => i.ToInput()), cancellationToken))
            .ToDictionary(p => p.First.Key, p => new ProbabilityMap(p.First.Width, p.First.Height, model.ClassCount, p.Second));
    }
}
