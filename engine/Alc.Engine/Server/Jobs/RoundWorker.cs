using System.Text.Json;
using Alc.Core.Oracle;
using Alc.Engine.Rounds;
using Alc.Engine.Server.Campaigns;
using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Hosting;
using Alc.Storage;
using Alc.Storage.Jobs;
using Alc.Storage.Queries;
using Alc.Storage.Rounds;
using Alc.Training;
using Alc.Training.Models;
using Microsoft.Extensions.Options;

namespace Alc.Engine.Server.Jobs;

/// <summary>
/// Runs one round's job from whatever state the round is in, so a restarted engine resumes it: training (θ_t on
/// D_t, checkpoint to the blob store, then <c>scoring</c>), scoring (Model mIoU on val; for a strategy with automated
/// correction, <see cref="AutoCorrectionStep"/>: judges trained on D_t relabel confident regions and propose region checks;
/// <see cref="QuerySelector"/> over the training split for the rest of B; all committed at once, then <c>querying</c>), and — for a project whose oracle is <c>gt</c> — answering every
/// query from ground truth through the same ingestion people use.
/// </summary>
internal sealed class RoundWorker(
    IOptions<EngineOptions> options, EnginePaths paths, BlobStore blobs, RoundRepository rounds, QueryRepository queries, JobRepository jobs,
    CampaignStates states, AnswerIngestion ingestion)
{
    /// <summary>Works the job's round forward until it is querying (or closed, for the gt oracle).</summary>
    public async Task RunAsync(JobRow job, CancellationToken cancellationToken)
    {
        var round = rounds.Get(job.RoundId ?? throw new InvalidOperationException($"Job {job.Id} has no round."))
            ?? throw new InvalidOperationException($"Round {job.RoundId} of job {job.Id} no longer exists.");
        var state = states.Get(round.ProjectId);
        ISegmentationPredictor? model = null;
        try
        {
            if (round.State == RoundStates.Training)
            {
                model = await TrainAsync(job, round, state, cancellationToken);
                round = rounds.Get(round.Id)!;
            }

            if (round.State == RoundStates.Scoring)
            {
                model ??= Load(round, state);
                await ScoreAsync(job, round, state, model, cancellationToken);
                round = rounds.Get(round.Id)!;
            }
        }
        finally
        {
            model?.Dispose();
        }

        if (round.State == RoundStates.Querying && state.Project.Oracle == "gt")
        {
            jobs.ReportProgress(job.Id, 0.95, $"round {round.Number}: the gt oracle answers");
            await AnswerFromGroundTruthAsync(round, state, cancellationToken);
        }
    }

    private async Task<ISegmentationPredictor> TrainAsync(JobRow job, RoundRow round, CampaignState state, CancellationToken cancellationToken)
    {
        List<SegmentationSample> samples;
        await state.Gate.WaitAsync(cancellationToken);
        try
        {
            samples = state.Train.Select(i => i.ToSample()).ToList();
        }
        finally
        {
            state.Gate.Release();
        }

        var trainer = Trainer(state);
        var progress = new SyncProgress<TrainingProgress>(p =>
        {
            if (Reportable(p))
            {
                jobs.ReportProgress(job.Id, 0.8 * p.Iteration / p.Iterations,
                    $"round {round.Number}: training {p.Iteration}/{p.Iterations}, loss {p.Loss:0.000}");
            }
        });
        var model = await Task.Run(() => trainer.Train(samples, null, progress, cancellationToken), cancellationToken);
        try
        {
            string file = paths.TemporaryFile(".ckpt");
            try
            {
                model.Save(file);
                string blob = blobs.Put(File.ReadAllBytes(file));
                rounds.CompleteTraining(round, blob);
            }
            finally
            {
                File.Delete(file);
            }
        }
        catch
        {
            model.Dispose();
            throw;
        }

        return model;
    }

    private TorchSegmentationPredictor Load(RoundRow round, CampaignState state)
    {
        var row = rounds.Model(round.ModelId ?? throw new InvalidOperationException($"Round {round.Number} is scoring without a model."))!;
        string file = paths.TemporaryFile(".ckpt");
        try
        {
            File.WriteAllBytes(file, blobs.Get(row.CheckpointBlob));
            return Trainer(state).LoadPredictor(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task ScoreAsync(JobRow job, RoundRow round, CampaignState state, ISegmentationPredictor model, CancellationToken cancellationToken)
    {
        jobs.ReportProgress(job.Id, TrainShare(state), $"round {round.Number}: measuring the model");
        double? modelMiou = state.HasValidationTruth
            ? await Task.Run(() => CampaignEvaluator.ModelMIoU(model, state.Validation, cancellationToken), cancellationToken)
            : null;
        var correction = state.Strategy.AutoCorrection;
        // No answer can change D_t while the round scores (answers need a querying round), so the judges train outside the gate.
        using var judges = correction is null ? null : await Task.Run(() => TrainJudges(job, round, state, correction, cancellationToken), cancellationToken);
        await state.Gate.WaitAsync(cancellationToken);
        try
        {
            AutoCorrectionOutcome? automated = null;
            if (correction is not null)
            {
                jobs.ReportProgress(job.Id, 0.85, $"round {round.Number}: correcting labels automatically");
                // No answers passed: the engine's only automated correction (the default's confident pixels) reads none; A²LC's LCM is bench-only.
                automated = await Task.Run(() => AutoCorrectionStep.Correct(state.Train, judges is null ? _ => model : judges.For, [], round.Number,
                    state.Strategy, correction.ChecksFor(state.Strategy.Budget), cancellationToken), cancellationToken);
            }

            jobs.ReportProgress(job.Id, 0.9, $"round {round.Number}: selecting queries");
            var stored = await Task.Run(() => SelectQueries(state, model, automated?.Checks ?? [], cancellationToken), cancellationToken);
            rounds.CompleteScoring(round, stored, modelMiou, automated is null ? null : Store(automated));
            if (stored.Count == 0)
            {
                // Every superpixel is answered: nothing to ask, the round closes at once.
                var closing = rounds.Get(round.Id)!;
                rounds.Close(closing, RoundMetricsCalculator.Compute(state, closing, [], []) with { ModelMiou = modelMiou });
            }
        }
        catch when (correction is not null)
        {
            // The automated correction changed D_t in memory; unless the round committed, re-derive it from the database.
            states.Invalidate(state.Project.Id);
            throw;
        }
        finally
        {
            state.Gate.Release();
        }
    }

    private OutOfFoldModels? TrainJudges(JobRow job, RoundRow round, CampaignState state, Alc.Core.Correction.LabelCorrectionOptions correction,
        CancellationToken cancellationToken)
    {
        var trainer = new SegmentationTrainer(ProjectSettings.Judges(state.Settings, correction, state.ClassCount, options.Value.Device), SegmentationModels.Create);
        double from = TrainShare(state), share = (0.85 - from) / Math.Max(1, correction.OutOfFoldModels);
        return AutoCorrectionStep.TrainJudges(state.Train, trainer, correction, (fold, p) =>
        {
            if (Reportable(p))
            {
                jobs.ReportProgress(job.Id, from + (share * (fold + ((double)p.Iteration / p.Iterations))),
                    $"round {round.Number}: training judge {fold + 1}/{correction.OutOfFoldModels} {p.Iteration}/{p.Iterations}, loss {p.Loss:0.000}");
            }
        }, cancellationToken);
    }

    // Region checks first (at most the strategy's share of B), then the acquisition's queries for the rest of B; a check's score is its region's Σ f(ŷ).
    private List<NewQuery> SelectQueries(CampaignState state, ISegmentationPredictor model, IReadOnlyList<RegionCheck> checks, CancellationToken cancellationToken)
    {
        var stored = checks.Select(c => new NewQuery(c.ImageKey, c.Pixel, state.ById[c.ImageKey].Superpixels[c.Pixel], c.ShownLabel, c.Region.Mass,
            blobs.Put(AutoCorrectionBlobs.EncodeRegion(c.Region.Pixels)))).ToList();
        int budget = state.Strategy.Budget - checks.Count;
        if (budget > 0)
        {
            var asked = checks.Select(c => ((long)c.ImageKey, c.Pixel)).ToHashSet();
            stored.AddRange(QuerySelector.Select(state.Train, model, state.Strategy with { Budget = budget }, cancellationToken)
                .Where(q => !asked.Contains((q.ImageKey, q.Pixel)))
                .Select(q => new NewQuery(q.ImageKey, q.Pixel, q.SuperpixelId, q.ShownLabel, q.Score)));
        }

        return stored;
    }

    private NewAutoCorrection Store(AutoCorrectionOutcome automated) =>
        new(automated.Changes.Sum(c => (long)c.Pixels.Length), blobs.Put(AutoCorrectionBlobs.EncodeChanges(automated.Changes)),
            JsonSerializer.Serialize(automated.Record));

    // Every fifth iteration and the last: often enough for a progress bar, rare enough for the jobs table.
    private static bool Reportable(TrainingProgress p) => p.Iteration % 5 == 0 || p.Iteration == p.Iterations;

    // Share of the job's progress bar θ_t's training takes: 0.8, or less when the judges train too (in proportion to their iterations).
    private static double TrainShare(CampaignState state)
    {
        int iterations = state.Settings.Iterations;
        return state.Strategy.AutoCorrection is { OutOfFoldModels: >= 2 } c
            ? 0.8 * iterations / (iterations + (c.OutOfFoldModels * (double)c.JudgeIterations(iterations)))
            : 0.8;
    }

    private async Task AnswerFromGroundTruthAsync(RoundRow round, CampaignState state, CancellationToken cancellationToken)
    {
        if (!state.HasTrainTruth)
        {
            throw new InvalidOperationException("The project's oracle is gt but some training images have no ground truth.");
        }

        var oracle = new SimulatedOracle(state.ClassCount, new OracleOptions { Seed = state.Settings.Seed });
        var open = queries.ForRound(round.Id).Where(q => !q.Answered).ToList();
        if (open.Count == 0)
        {
            return;
        }

        var items = new List<AnswerItem>(open.Count);
        foreach (var q in open)
        {
            var image = state.ById[q.ImageId];
            var answer = oracle.Answer(image.Key, q.Pixel, (byte)q.ShownLabel, image.GroundTruth!.Labels, image.Labels, image.Superpixels);
            var verdict = answer.Verdict switch
            {
                Alc.Core.Cost.QueryVerdict.Confirm => Verdict.Confirm,
                Alc.Core.Cost.QueryVerdict.Correct => Verdict.Correct,
                _ => Verdict.Unsure,
            };
            items.Add(new AnswerItem
            {
                QueryId = q.Id,
                Verdict = verdict,
                Label = verdict == Verdict.Correct ? answer.Label : null,
                ElapsedMs = (long)Math.Round(answer.Seconds * 1000),
            });
        }

        // Keys name the chunk's first query, so a resumed job never reuses a key for a different chunk.
        foreach (var chunk in items.Chunk(AnswerIngestion.MaxBatch))
        {
            await ingestion.SubmitAsync(round.ProjectId, $"oracle-round-{round.Id}-q{chunk[0].QueryId}",
                new AnswerBatchRequest { Annotator = "oracle", Answers = chunk }, cancellationToken);
        }
    }

    private SegmentationTrainer Trainer(CampaignState state) =>
        new(ProjectSettings.Trainer(state.Settings, state.ClassCount, options.Value.Device), SegmentationModels.Create);
}
