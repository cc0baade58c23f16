namespace Alc.Client;

/// <summary>Adds <c>X-Api-Key</c> to every request (engines configured with API keys require it).</summary>
public sealed class ApiKeyHandler(string apiKey) : DelegatingHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Remove("X-Api-Key");
        request.Headers.Add("X-Api-Key", apiKey);
        return base.SendAsync(request, cancellationToken);
    }
}
