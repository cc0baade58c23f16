using System.Collections.Concurrent;

namespace Alc.Engine.Server.Jobs;

/// <summary>
/// The cancellation sources of the jobs running in this process, so <c>POST /jobs/{id}/cancel</c> can stop one.
/// A cancel that arrives between the runner claiming a job and registering its source is kept and applied at registration,
/// so no acknowledged cancel is lost to that race.
/// </summary>
internal sealed class JobCancellations
{
    private readonly ConcurrentDictionary<long, CancellationTokenSource> _running = new();
    private readonly ConcurrentDictionary<long, bool> _requested = new();

    /// <summary>Creates the job's source, already cancelled when a cancel for it came in before it was registered.</summary>
    public CancellationTokenSource Register(long jobId, CancellationToken stopping)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _running[jobId] = source;
        if (_requested.TryRemove(jobId, out _))
        {
            source.Cancel();
        }

        return source;
    }

    public void Unregister(long jobId)
    {
        _requested.TryRemove(jobId, out _);
        if (_running.TryRemove(jobId, out var source))
        {
            source.Dispose();
        }
    }

    /// <summary>Signals a running job to stop, or records the request for a job the runner has claimed but not yet registered.</summary>
    public void Cancel(long jobId)
    {
        _requested[jobId] = true;
        if (_running.TryGetValue(jobId, out var source))
        {
            try
            {
                _requested.TryRemove(jobId, out _);
                source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The job finished meanwhile: there is nothing left to stop.
            }
        }
    }
}
