using Alc.Storage.Jobs;
using Microsoft.Extensions.Logging;

namespace Alc.Engine.Server.Jobs;

/// <summary>
/// Wakes the job runner when a job is queued, so it does not wait for its next poll, and logs the queued job with how
/// many jobs run before it (a project's round queued behind another project's is visible in the log, not only as
/// <c>queued</c>).
/// </summary>
internal sealed partial class JobSignal(ILogger<JobSignal> logger) : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);

    /// <summary>Wakes the runner for <paramref name="queued"/>, the job just committed to the queue.</summary>
    public void Notify(JobRow queued)
    {
        ArgumentNullException.ThrowIfNull(queued);
        LogQueued(logger, queued.Id, queued.ProjectId ?? 0, queued.Message ?? "", queued.JobsAhead ?? 0);
        _signal.Release();
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} queued (project {ProjectId}, {What}): {Ahead} job(s) ahead of it")]
    private static partial void LogQueued(ILogger logger, long jobId, long projectId, string what, int ahead);
}
