using Alc.Storage.Jobs;
using Alc.Storage.Rounds;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alc.Engine.Server.Jobs;

/// <summary>
/// The hosted service that works the job queue one job at a time (training saturates the cores anyway). On start
/// it puts jobs left running by a stopped process back in the queue, so their rounds resume from their persisted state.
/// A job that fails or is cancelled before its round reaches querying removes the round, so it can be started again.
/// </summary>
internal sealed partial class JobRunner(JobRepository jobs, RoundRepository rounds, RoundWorker worker, JobCancellations cancellations, JobSignal signal,
    ILogger<JobRunner> logger) : BackgroundService
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

        var source = cancellations.Register(job.Id, stoppingToken);
        try
        {
            await worker.RunAsync(job, source.Token);
            jobs.MarkSucceeded(job.Id, "done");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The engine is stopping: the job stays running and is requeued at the next start.
        }
        catch (OperationCanceledException)
        {
            jobs.MarkCancelled(job.Id);
            Abandon(job);
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, job.Id);
            jobs.MarkFailed(job.Id, ex.Message);
            Abandon(job);
        }
        finally
        {
            cancellations.Unregister(job.Id);
        }
    }

    private void Abandon(JobRow job)
    {
        if (job.RoundId is long roundId)
        {
            rounds.Abandon(roundId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Requeued {Count} job(s) interrupted by the last stop")]
    private static partial void LogRequeued(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, long jobId);
}
