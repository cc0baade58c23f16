using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Alc.Client;

/// <summary>Following a job: its server-sent progress events, or waiting for it to finish.</summary>
public static class JobWatching
{
    /// <summary>The job each time it changes, until it finishes (<c>GET /jobs/{id}/events</c>).</summary>
    public static async IAsyncEnumerable<JobDto> WatchJobAsync(this IAlcApi api, long jobId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        using var response = await api.GetJobEventsAsync(jobId, cancellationToken).EnsureSuccess().ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var parser = SseParser.Create(stream, (_, data) => JsonSerializer.Deserialize<JobDto>(data, AlcJson.Options)!);
        await foreach (var item in parser.EnumerateAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return item.Data;
        }
    }

    /// <summary>Waits for the job to finish, reporting each change; returns its final state.</summary>
    public static async Task<JobDto> WaitForJobAsync(this IAlcApi api, long jobId, IProgress<JobDto>? progress = null, CancellationToken cancellationToken = default)
    {
        JobDto? last = null;
        await foreach (var job in api.WatchJobAsync(jobId, cancellationToken).ConfigureAwait(false))
        {
            progress?.Report(job);
            last = job;
        }

        return last ?? await api.GetJobAsync(jobId, cancellationToken).ContentOrThrow().ConfigureAwait(false);
    }
}
