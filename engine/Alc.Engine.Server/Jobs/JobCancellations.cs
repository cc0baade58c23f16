using System.Collections.Concurrent;

namespace Alc.Engine.Server.Jobs;

/// <summary>The cancellation sources of the jobs running in this process, so <c>POST /jobs/{id}/cancel</c> can stop one.</summary>
internal sealed class JobCancellations
{
    private readonly ConcurrentDictionary<long, CancellationTokenSource> _running = new();

    public CancellationTokenSource Register(long jobId, CancellationToken stopping)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _running[jobId] = source;
        return source;
    }

    public void Unregister(long jobId)
    {
        if (_running.TryRemove(jobId, out var source))
        {
            source.Dispose();
        }
    }

    /// <summary>Signals a running job to stop; false when it is not running here.</summary>
    public bool Cancel(long jobId)
    {
        if (_running.TryGetValue(jobId, out var source))
        {
            try
            {
                source.Cancel();
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }

        return false;
    }
}
