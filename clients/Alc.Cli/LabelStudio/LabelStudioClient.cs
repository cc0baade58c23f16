using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Alc.Cli.LabelStudio;

/// <summary>
/// The few Label Studio REST calls a push needs (projects, import, export, webhooks, ML backends), authenticated with
/// <c>Authorization: Token …</c>. Every failure, refused or unreachable, is a <see cref="LabelStudioException"/> naming the call.
/// </summary>
internal sealed class LabelStudioClient : IDisposable
{
    private readonly HttpClient http;

    /// <summary>A client of the Label Studio at <paramref name="baseUrl"/> (which may sit under a path) over <paramref name="handler"/>.</summary>
    public LabelStudioClient(Uri baseUrl, string token, HttpMessageHandler handler)
    {
        // A trailing slash keeps a path prefix (https://host/label-studio/) when the relative routes below resolve against it.
        BaseUrl = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/");
        http = new HttpClient(handler) { BaseAddress = BaseUrl, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", token);
    }

    /// <summary>Label Studio's address, ending in a slash.</summary>
    public Uri BaseUrl { get; }

    /// <summary><c>POST /api/projects/</c>: creates a project and answers its id.</summary>
    public async Task<long> CreateProjectAsync(NewProject project, CancellationToken cancellationToken) =>
        Id(await SendAsync(HttpMethod.Post, "api/projects/", Body(project), cancellationToken), "POST /api/projects/");

    /// <summary><c>PATCH /api/projects/{id}/</c>: gives an existing project the engine's labeling config.</summary>
    public Task UpdateLabelConfigAsync(long project, string labelConfig, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, $"api/projects/{project}/", Body(new LabelConfigPatch(labelConfig)), cancellationToken);

    /// <summary>
    /// <c>GET /api/projects/{id}/export?exportType=JSON&amp;download_all_tasks=true</c>: every task of the project, annotated or not
    /// (without <c>download_all_tasks</c> Label Studio exports annotated tasks only, and unanswered ones would be imported twice).
    /// </summary>
    public async Task<JsonArray> ExportTasksAsync(long project, CancellationToken cancellationToken) =>
        Array(await SendAsync(HttpMethod.Get, $"api/projects/{project}/export?exportType=JSON&download_all_tasks=true", null, cancellationToken),
            $"GET /api/projects/{project}/export");

    /// <summary><c>POST /api/projects/{id}/import</c> with a JSON array of tasks; answers Label Studio's <c>task_count</c>.</summary>
    public async Task<int> ImportTasksAsync(long project, JsonArray tasks, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(HttpMethod.Post, $"api/projects/{project}/import", Json(tasks.ToJsonString()), cancellationToken);
        // An asynchronous import answers {"import": id} without a count; the tasks sent are then what was asked for.
        return answer?["task_count"] is JsonValue count && count.TryGetValue(out int imported) ? imported : tasks.Count;
    }

    /// <summary><c>GET /api/webhooks/?project={id}</c>: the project's webhooks.</summary>
    public async Task<JsonArray> WebhooksAsync(long project, CancellationToken cancellationToken) =>
        Array(await SendAsync(HttpMethod.Get, $"api/webhooks/?project={project}", null, cancellationToken), "GET /api/webhooks/");

    /// <summary><c>POST /api/webhooks/</c>: registers a webhook.</summary>
    public Task CreateWebhookAsync(NewWebhook webhook, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "api/webhooks/", Body(webhook), cancellationToken);

    /// <summary><c>GET /api/ml/?project={id}</c>: the project's ML backends.</summary>
    public async Task<JsonArray> MlBackendsAsync(long project, CancellationToken cancellationToken) =>
        Array(await SendAsync(HttpMethod.Get, $"api/ml/?project={project}", null, cancellationToken), "GET /api/ml/");

    /// <summary><c>POST /api/ml/</c>: connects an ML backend (Label Studio checks its <c>/health</c> and <c>/setup</c> first).</summary>
    public Task CreateMlBackendAsync(NewMlBackend backend, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "api/ml/", Body(backend), cancellationToken);

    /// <inheritdoc />
    public void Dispose() => http.Dispose();

    private async Task<JsonNode?> SendAsync(HttpMethod method, string route, HttpContent? content, CancellationToken cancellationToken)
    {
        string call = $"{method.Method} /{route.Split('?')[0]}";
        using var request = new HttpRequestMessage(method, route) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new LabelStudioException($"Label Studio {call}: cannot reach Label Studio at {BaseUrl}: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LabelStudioException($"Label Studio {call}: no answer within {http.Timeout.TotalSeconds:0} s", ex);
        }

        using (response)
        {
            string body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new LabelStudioException(call, response.StatusCode, body);
            }

            try
            {
                return string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body);
            }
            catch (JsonException ex)
            {
                throw new LabelStudioException($"Label Studio {call}: answered {(int)response.StatusCode} with a body that is not JSON " +
                    $"(is {BaseUrl} Label Studio?)", ex);
            }
        }
    }

    private static StringContent Body<T>(T body) => Json(JsonSerializer.Serialize(body, LabelStudioJson.Options));

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static long Id(JsonNode? answer, string call) =>
        answer?["id"] is JsonValue id && id.TryGetValue(out long value) ? value : throw new LabelStudioException($"Label Studio {call}: the answer has no project id");

    private static JsonArray Array(JsonNode? answer, string call) =>
        answer as JsonArray ?? throw new LabelStudioException($"Label Studio {call}: expected a JSON array, got {answer?.ToJsonString() ?? "nothing"}");
}
