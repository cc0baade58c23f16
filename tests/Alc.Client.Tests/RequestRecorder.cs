using System.Collections.Concurrent;

namespace Alc.Client.Tests;

/// <summary>Records every request the SDK sends (method and path), to check that the tests exercise every operation.</summary>
internal sealed class RequestRecorder : DelegatingHandler
{
    public ConcurrentBag<(string Method, string Path)> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add((request.Method.Method, request.RequestUri!.AbsolutePath));
        return base.SendAsync(request, cancellationToken);
    }
}
