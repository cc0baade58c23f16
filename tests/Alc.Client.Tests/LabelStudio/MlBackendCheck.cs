using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Alc.Client.Tests.LabelStudio;

/// <summary>
/// What Label Studio does before it stores an ML backend: it calls the backend's <c>/health</c> and then <c>/setup</c>
/// (with the project's labeling config as <c>schema</c>) using the backend's auth, and refuses the backend when either fails.
/// Without a handler to reach backends the check is skipped (a test that only records the registration).
/// </summary>
internal sealed class MlBackendCheck(HttpMessageHandler? backends, string token) : IDisposable
{
    private readonly HttpClient? http = backends is null ? null : new HttpClient(backends, disposeHandler: false);
    private readonly List<string> calls = [];

    /// <summary>The backend calls made, <c>GET {url}/health → 200</c>.</summary>
    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (calls)
            {
                return [.. calls];
            }
        }
    }

    /// <summary>Checks the backend <paramref name="backend"/> of <paramref name="project"/>; answers Label Studio's refusal message, or null when it is usable.</summary>
    /// <param name="backend">The backend's fields (url, auth).</param>
    /// <param name="project">The Label Studio project it serves.</param>
    /// <param name="hostname">Label Studio's own address, which <c>/setup</c> tells the backend.</param>
    public async Task<string?> RefusalAsync(JsonObject backend, JsonObject project, string hostname)
    {
        if (http is null)
        {
            return null;
        }

        string url = ((string)backend["url"]!).TrimEnd('/');
        var auth = (string?)backend["auth_method"] == "BASIC_AUTH"
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{backend["basic_auth_user"]}:{backend["basic_auth_pass"]}")))
            : null;

        using var health = new HttpRequestMessage(HttpMethod.Get, $"{url}/health");
        health.Headers.Authorization = auth;
        var (status, body) = await SendAsync(health);
        if (status != 200)
        {
            return $"Can't connect to ML backend {url}, health check failed: {status} {body}";
        }

        using var setup = new HttpRequestMessage(HttpMethod.Post, $"{url}/setup")
        {
            Content = new StringContent(new JsonObject
            {
                ["project"] = $"{project["id"]}.{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}",
                ["schema"] = (string?)project["label_config"],
                ["hostname"] = hostname,
                ["access_token"] = token,
                ["model_version"] = null,
                ["extra_params"] = null,
            }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        setup.Headers.Authorization = auth;
        (status, body) = await SendAsync(setup);
        return status == 200 ? null : $"Successfully connected to {url} but it doesn't look like a valid ML backend. Reason: {status} {body}";
    }

    /// <inheritdoc />
    public void Dispose() => http?.Dispose();

    private async Task<(int Status, string Body)> SendAsync(HttpRequestMessage request)
    {
        using var response = await http!.SendAsync(request);
        int status = (int)response.StatusCode;
        lock (calls)
        {
            calls.Add($"{request.Method} {request.RequestUri!.AbsolutePath} → {status}");
        }

        return (status, await response.Content.ReadAsStringAsync());
    }
}
