using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Alc.Integrations.Cvat.Rest;

/// <summary>
/// The part of CVAT's REST API (<c>/api/…</c>, v2) that a correction task needs: projects, tasks and their data, jobs,
/// labels, annotations and webhooks. Every call sends <c>Authorization: Token …</c>; lists are read page by page by
/// following <c>next</c> (sent to <see cref="BaseUrl"/>, since CVAT behind a proxy may name another host).
/// </summary>
public sealed partial class CvatClient
{
    private readonly HttpClient _http;
    private readonly string _token;

    /// <summary>A client of the CVAT at <paramref name="baseUrl"/> (e.g. <c>http://cvat.example:8080</c>).</summary>
    /// <param name="http">The HTTP client (its base address is not used).</param>
    /// <param name="baseUrl">CVAT's URL, without <c>/api</c>.</param>
    /// <param name="token">A CVAT API token (Profile → Security, or <c>POST /api/auth/login</c>'s key).</param>
    public CvatClient(HttpClient http, Uri baseUrl, string token)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        _http = http;
        _token = token;
        BaseUrl = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/");
    }

    /// <summary>CVAT's URL, ending in <c>/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The user the token belongs to.</summary>
    /// <exception cref="CvatException">CVAT refused the token or could not be reached.</exception>
    public async Task<string> SelfAsync(CancellationToken cancellationToken)
    {
        var self = await SendAsync(HttpMethod.Get, "api/users/self", null, cancellationToken);
        return Text(self, "username");
    }

    /// <summary>The projects named exactly <paramref name="name"/> (CVAT's <c>name</c> filter also matches substrings).</summary>
    public async Task<CvatResource?> FindProjectAsync(string name, CancellationToken cancellationToken) =>
        (await ListAsync($"api/projects?name={Uri.EscapeDataString(name)}", cancellationToken)).Select(Resource).FirstOrDefault(p => p.Name == name);

    /// <summary>Creates a project with <paramref name="labels"/> (label specs as <c>POST /api/projects</c> takes them).</summary>
    public async Task<CvatResource> CreateProjectAsync(string name, JsonArray labels, CancellationToken cancellationToken) =>
        Resource(await SendAsync(HttpMethod.Post, "api/projects", new JsonObject { ["name"] = name, ["labels"] = labels }, cancellationToken));

    /// <summary>The task of <paramref name="projectId"/> named exactly <paramref name="name"/>, or null.</summary>
    public async Task<CvatResource?> FindTaskAsync(long projectId, string name, CancellationToken cancellationToken) =>
        (await ListAsync($"api/tasks?project_id={projectId}&name={Uri.EscapeDataString(name)}", cancellationToken)).Select(Resource)
            .FirstOrDefault(t => t.Name == name && t.ProjectId == projectId);

    /// <summary>A task by id.</summary>
    /// <exception cref="CvatException">404 when CVAT has no such task.</exception>
    public async Task<CvatResource> TaskAsync(long taskId, CancellationToken cancellationToken) =>
        Resource(await SendAsync(HttpMethod.Get, $"api/tasks/{taskId}", null, cancellationToken));

    /// <summary>Creates a task in <paramref name="projectId"/> (it takes the project's labels).</summary>
    public async Task<CvatResource> CreateTaskAsync(long projectId, string name, CancellationToken cancellationToken) =>
        Resource(await SendAsync(HttpMethod.Post, "api/tasks", new JsonObject { ["name"] = name, ["project_id"] = projectId }, cancellationToken));

    /// <summary>The labels of a project or task, e.g. <c>("task_id", 7)</c>.</summary>
    public async Task<IReadOnlyList<CvatLabel>> LabelsAsync(string owner, long id, CancellationToken cancellationToken) =>
        [.. (await ListAsync($"api/labels?{owner}={id}", cancellationToken)).Select(CvatJson.Label)];

    /// <summary>The jobs of a task, in id order.</summary>
    public async Task<IReadOnlyList<JsonElement>> JobsAsync(long taskId, CancellationToken cancellationToken) =>
        [.. (await ListAsync($"api/jobs?task_id={taskId}", cancellationToken)).OrderBy(j => j.GetProperty("id").GetInt64())];

    /// <summary>A job by id, as CVAT serialises it (the same object a webhook carries).</summary>
    /// <exception cref="CvatException">404 when CVAT has no such job.</exception>
    public Task<JsonElement> JobAsync(long jobId, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, $"api/jobs/{jobId}", null, cancellationToken);

    /// <summary>The frames of a job, with their task-wide numbers (<c>start_frame</c> + index).</summary>
    public async Task<IReadOnlyList<CvatFrame>> FramesAsync(long jobId, CancellationToken cancellationToken)
    {
        var meta = await SendAsync(HttpMethod.Get, $"api/jobs/{jobId}/data/meta", null, cancellationToken);
        int start = CvatJson.Int(meta, "start_frame");
        return [.. meta.GetProperty("frames").EnumerateArray().Select((f, i) => new CvatFrame(start + i, Text(f, "name"), CvatJson.Int(f, "width"), CvatJson.Int(f, "height")))];
    }

    /// <summary>A job's annotations: <c>{version, tags, shapes, tracks}</c>.</summary>
    public Task<JsonElement> AnnotationsAsync(long jobId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"api/jobs/{jobId}/annotations", null, cancellationToken);

    /// <summary>Adds shapes to a job (<c>PATCH …/annotations?action=create</c>), leaving its other annotations as they are.</summary>
    public Task CreateShapesAsync(long jobId, JsonArray shapes, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, $"api/jobs/{jobId}/annotations?action=create",
            new JsonObject { ["version"] = 0, ["tags"] = new JsonArray(), ["shapes"] = shapes, ["tracks"] = new JsonArray() }, cancellationToken);

    /// <summary>The webhooks of a project (CVAT never returns their secrets).</summary>
    public async Task<IReadOnlyList<JsonElement>> WebhooksAsync(long projectId, CancellationToken cancellationToken) =>
        await ListAsync($"api/webhooks?project_id={projectId}", cancellationToken);

    /// <summary>Registers a project webhook for <c>update:job</c>, signed with <paramref name="secret"/>.</summary>
    public async Task<long> CreateWebhookAsync(long projectId, string targetUrl, string secret, CancellationToken cancellationToken)
    {
        var created = await SendAsync(HttpMethod.Post, "api/webhooks", new JsonObject
        {
            ["target_url"] = targetUrl,
            ["description"] = "Alc.Engine: reads a correction job's answers when it is completed",
            ["type"] = "project",
            ["project_id"] = projectId,
            ["events"] = new JsonArray("update:job"),
            ["content_type"] = "application/json",
            ["secret"] = secret,
            ["is_active"] = true,
            ["enable_ssl"] = true,
        }, cancellationToken);
        return CvatJson.Long(created, "id");
    }

    // Every call: the token, JSON in and out, and CVAT's own words on failure.
    internal async Task<JsonElement> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", _token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Content = content ?? (body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new CvatException($"CVAT at {BaseUrl} could not be reached ({method} /{path}): {ex.Message}");
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CvatException($"CVAT at {BaseUrl} did not answer {method} /{path} in time: {ex.Message}");
        }

        using (response)
        {
            string text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                string hint = response.StatusCode == HttpStatusCode.Unauthorized ? " Check the CVAT token." : "";
                throw new CvatException($"CVAT refused {method} /{path.Split('?')[0]} with {(int)response.StatusCode}: {Excerpt(text)}{hint}", response.StatusCode);
            }

            try
            {
                return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
            }
            catch (JsonException)
            {
                throw new CvatException($"CVAT answered {method} /{path.Split('?')[0]} with something that is not JSON: {Excerpt(text)}", response.StatusCode);
            }
        }
    }

    // A paginated list: {count, next, previous, results}; next is followed as a path on BaseUrl.
    private async Task<List<JsonElement>> ListAsync(string path, CancellationToken cancellationToken)
    {
        var all = new List<JsonElement>();
        string? next = path.Contains('?', StringComparison.Ordinal) ? $"{path}&page_size=100" : $"{path}?page_size=100";
        for (int page = 0; next is not null; page++)
        {
            if (page == 10_000)
            {
                throw new CvatException($"CVAT's list /{path} does not end.");
            }

            var body = await SendAsync(HttpMethod.Get, next, null, cancellationToken);
            if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
            {
                throw new CvatException($"CVAT's list /{path} is not a page of results.");
            }

            all.AddRange(results.EnumerateArray());
            next = body.TryGetProperty("next", out var n) && n.ValueKind == JsonValueKind.String
                ? Uri.TryCreate(n.GetString(), UriKind.Absolute, out var url) ? url.PathAndQuery.TrimStart('/') : n.GetString()!.TrimStart('/')
                : null;
        }

        return all;
    }

    private static CvatResource Resource(JsonElement e) => new(CvatJson.Long(e, "id"), Text(e, "name"),
        e.TryGetProperty("project_id", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt64() : null,
        e.TryGetProperty("size", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : 0);

    private static string Text(JsonElement e, string name) => CvatJson.Text(e, name);

    private static string Excerpt(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
