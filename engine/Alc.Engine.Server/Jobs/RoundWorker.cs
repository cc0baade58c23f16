using Alc.Campaigns.Answers;
using Alc.Campaigns.Pipeline;
using Alc.Campaigns.Projects;
using Alc.Engine.Server.Hosting;
using Alc.Storage;
using Alc.Storage.Jobs;
using Alc.Storage.Projects;
using Alc.Storage.Rounds;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alc.Engine.Server.Jobs;

/// <summary>
/// Runs one round's job on the <see cref="RoundPipeline"/> from whatever state the round is in, so a restarted engine
/// resumes it: stages train → select against the project's <see cref="StoredCampaign"/>, job progress from the
/// pipeline's <see cref="RoundProgressMeter"/> (each stage it enters is also logged), and — for a project whose oracle
/// is <c>gt</c> — the answers from ground truth.
/// </summary>
internal sealed partial class RoundWorker(
    IOptions<EngineOptions> options, EnginePaths paths, BlobStore blobs, RoundRepository rounds, JobRepository jobs, CampaignStates states,
    GroundTruthAnswerer oracle, ILogger<RoundWorker> logger)
{
    /// <summary>Works the job's round forward until it is querying (or closed, for the gt oracle).</summary>
    public async Task RunAsync(JobRow job, CancellationToken cancellationToken)
    {
        var round = rounds.Get(job.RoundId ?? throw new InvalidOperationException($"Job {job.Id} has no round."))
            ?? throw new InvalidOperationException($"Round {job.RoundId} of job {job.Id} no longer exists.");
        var state = states.Get(round.ProjectId);
        RoundStage? entered = null;
        void Report(RoundStage stage, double fraction, double stageFraction, string message)
        {
            string name = StoredText.Of(stage);
            if (entered != stage)
            {
                LogStage(logger, job.Id, round.ProjectId, round.Number, name, fraction);
                entered = stage;
            }

            jobs.ReportProgress(job.Id, fraction, name, stageFraction, message);
        }

        if (round.State is RoundStatus.Training or RoundStatus.Scoring)
        {
            var trainer = new ProjectTrainer(state, options.Value.Device);
            var store = new StoredCampaign(states, state, round, rounds, blobs, trainer.Model, paths.Temporary);
            var pipeline = new RoundPipeline(store, trainer, state.Strategy);
            var meter = new RoundProgressMeter(round.Number, RoundPipeline.PrepareStages, state.Strategy, state.Settings.Iterations,
                new Campaigns.SyncProgress<RoundProgress>(p => Report(p.Stage, p.Fraction, p.StageFraction, p.Message)));
            var (_, model) = await pipeline.PrepareAsync(round.Number, null, meter, cancellationToken);
            model.Dispose();
            round = rounds.Get(round.Id)!;
        }

        if (round.State == RoundStatus.Querying && state.Project.Oracle == ProjectOracle.Gt)
        {
            Report(RoundStage.Ask, 1, 0, $"round {round.Number}: the gt oracle answers");
            await oracle.AnswerAsync(round, state, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} (project {ProjectId}, round {Round}): stage {Stage} at {Fraction:P0} overall")]
    private static partial void LogStage(ILogger logger, long jobId, long projectId, int round, string stage, double fraction);
}
