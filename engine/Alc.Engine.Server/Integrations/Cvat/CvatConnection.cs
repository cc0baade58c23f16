using Alc.Engine.Server.Hosting;
using Alc.Engine.Server.Problems;
using Alc.Integrations.Cvat.Rest;
using Microsoft.Extensions.Options;

namespace Alc.Engine.Server.Integrations.Cvat;

/// <summary>The engine's one HTTP client to CVAT (pooled connections, a bounded timeout) and the clients made from the settings.</summary>
internal sealed class CvatConnection(IOptions<EngineOptions> options) : IDisposable
{
    // CVAT waits 10 s for a webhook's answer; reading a job must fit well inside that.
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The settings.</summary>
    public CvatOptions Options => options.Value.Cvat;

    /// <summary>A client of the configured CVAT.</summary>
    /// <exception cref="ApiProblemException">409 naming the settings when CVAT is not configured.</exception>
    public CvatClient Client() => Options.Configured
        ? new CvatClient(_http, new Uri(Options.Url), Options.Token)
        : throw ApiProblemException.Conflict("The CVAT integration is not configured: set ALC_CVAT__URL (CVAT's URL as the engine reaches it) and " +
            "ALC_CVAT__TOKEN (a CVAT API token), and ALC_CVAT__WEBHOOKSECRET for the webhook.");

    public void Dispose() => _http.Dispose();
}
