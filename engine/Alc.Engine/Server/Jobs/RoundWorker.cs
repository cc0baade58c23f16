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
/// D_t, checkpoint to the blob store, then <c>scoring</c>), scoring (Model mIoU on val, <see cref="QuerySelector"/>
/// over the training split, then <c>querying</c>), and — for a project whose oracle is <c>gt</c> — answering every
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
            if (p.Iteration % 5 == 0 || p.Iteration == p.Iterations)
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
        jobs.ReportProgress(job.Id, 0.8, $"round {round.Number}: measuring the model");
        double? modelMiou = state.HasValidationTruth
            ? await Task.Run(() => CampaignEvaluator.ModelMIoU(model, state.Validation, cancellationToken), cancellationToken)
            : null;
        jobs.ReportProgress(job.Id, 0.85, $"round {round.Number}: selecting queries");
        await state.Gate.WaitAsync(cancellationToken);
        try
        {
            var selected = await Task.Run(() => QuerySelector.Select(state.Train, model, state.Strategy, cancellationToken), cancellationToken);
            var stored = selected.Select(q => new NewQuery(q.ImageKey, q.Pixel, q.SuperpixelId, q.ShownLabel, q.Score)).ToList();
            rounds.CompleteScoring(round, stored, modelMiou);
            if (stored.Count == 0)
            {
                // Every superpixel is answered: nothing to ask, the round closes at once.
                var closing = rounds.Get(round.Id)!;
                rounds.Close(closing, RoundMetricsCalculator.Compute(state, closing, [], []) with { ModelMiou = modelMiou });
            }
        }
        finally
        {
            state.Gate.Release();
        }
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
