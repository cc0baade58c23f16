namespace Alc.Cli.LabelStudio;

/// <summary>
/// Adds HTTP Basic auth to every request to the engine: its Label Studio endpoints check the credentials Label Studio
/// sends, never <c>X-Api-Key</c>, so the CLI reads the labeling config and tasks as Label Studio would.
/// </summary>
internal sealed class BasicAuthHandler(BasicAuth credentials) : DelegatingHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = credentials.Header();
        return base.SendAsync(request, cancellationToken);
    }
}
