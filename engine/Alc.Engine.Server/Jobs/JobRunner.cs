using Alc.Engine.Server.Hosting;
using Alc.Storage;
using Alc.Storage.Jobs;
using Alc.Storage.Rounds;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alc.Engine.Server.Jobs;

/// <summary>
/// The hosted service that works the job queue one job at a time, oldest first (training saturates the cores anyway):
/// round jobs on the <see cref="RoundWorker"/>, <c>pseudo-labels</c> jobs on the <see cref="PseudoLabelWorker"/>.
/// No project can hold it for long: each project has at most one round in progress, settings are bounded
/// (<see cref="Alc.Campaigns.Projects.SettingBounds"/>), and a job running past <see cref="EngineOptions.MaxJobSeconds"/>
/// is failed, so any queued job waits at most that long per job ahead of it. On start it puts jobs left running by a
/// stopped process back in the queue, so their rounds resume from their persisted state. A job that fails, times out
/// or is cancelled before its round reaches querying removes the round, so it can be started again.
/// </summary>
internal sealed partial class JobRunner(JobRepository jobs, RoundRepository rounds, RoundWorker worker, PseudoLabelWorker pseudoLabels, JobCancellations cancellations, JobSignal signal,
    IOptions<EngineOptions> options, ILogger<JobRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        int requeued = jobs.RequeueInterrupted();
        if (requeued > 0)
        {
            LogRequeued(logger, requeued);
        }

        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var job = jobs.NextQueued();
            if (job is null)
            {
                try
                {
                    await signal.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            await RunAsync(job, stoppingToken);
        }
    }

    private async Task RunAsync(JobRow job, CancellationToken stoppingToken)
    {
        if (!jobs.MarkRunning(job.Id))
        {
            return;
        }

        var started = jobs.Get(job.Id)!;
        double waited = Seconds(started.CreatedAt, started.StartedAt);
        LogStarted(logger, job.Id, job.ProjectId ?? 0, waited);
        int limit = options.Value.MaxJobSeconds;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(limit));
        using var stopOrDeadline = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, deadline.Token);
        var source = cancellations.Register(job.Id, stopOrDeadline.Token);
        try
        {
            string message = "done";
            if (job.Kind == PseudoLabelWorker.Kind)
            {
                message = await pseudoLabels.RunAsync(started, source.Token);
            }
            else
            {
                await worker.RunAsync(job, source.Token);
            }

            jobs.MarkSucceeded(job.Id, message);
            double took = Seconds(started.StartedAt, jobs.Get(job.Id)?.FinishedAt);
            LogSucceeded(logger, job.Id, took);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The engine is stopping: the job stays running and is requeued at the next start.
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            LogTimedOut(logger, job.Id, limit);
            Abandon(job);
            jobs.MarkFailed(job.Id, $"The job ran past MaxJobSeconds ({limit} s) and was stopped so other projects' rounds can run; " +
                (job.RoundId is null ? "run it again on a smaller dataset or with a smaller model input size." : "start the round again, with fewer iterations or a smaller model if it keeps timing out."));
        }
        catch (OperationCanceledException)
        {
            Abandon(job);
            jobs.MarkCancelled(job.Id);
            LogCancelled(logger, job.Id);
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, job.Id);
            Abandon(job);
            jobs.MarkFailed(job.Id, ex.Message);
        }
        finally
        {
            cancellations.Unregister(job.Id);
        }
    }

    // Before the job's final state: a client that sees the job finished finds the round gone, and a crash in between
    // leaves a running job without a round (requeued, then failed) rather than a round no job will ever move.
    private void Abandon(JobRow job)
    {
        if (job.RoundId is long roundId)
        {
            rounds.Abandon(roundId);
        }
    }

    private static double Seconds(string? from, string? to) =>
        from is null || to is null ? 0 : Math.Max(0, (StorageClock.Parse(to) - StorageClock.Parse(from)).TotalSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} started (project {ProjectId}) after {Waited:0.#} s in the queue")]
    private static partial void LogStarted(ILogger logger, long jobId, long projectId, double waited);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} succeeded after {Seconds:0.#} s")]
    private static partial void LogSucceeded(ILogger logger, long jobId, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} cancelled")]
    private static partial void LogCancelled(ILogger logger, long jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Requeued {Count} job(s) interrupted by the last stop")]
    private static partial void LogRequeued(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ran past MaxJobSeconds ({Seconds} s) and was stopped")]
    private static partial void LogTimedOut(ILogger logger, long jobId, int seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, long jobId);
}
