using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alc.Client;

namespace Alc.Cli.LabelStudio;

/// <summary>
/// Puts an engine project's querying round into Label Studio: the engine's labeling config, the round's tasks that the
/// project lacks, and (once) the webhook and ML backend that bring annotations back. Running it again in the same round
/// imports and creates nothing; in the next round it imports that round's tasks.
/// </summary>
/// <param name="engine">The engine, able to read its Label Studio endpoints.</param>
/// <param name="labelStudio">Label Studio.</param>
/// <param name="step">Told a line before each step, for progress output.</param>
internal sealed class LabelStudioPush(IAlcApi engine, LabelStudioClient labelStudio, Action<string> step)
{
    /// <summary>Runs the push.</summary>
    /// <exception cref="AlcApiException">The engine refused a read.</exception>
    /// <exception cref="LabelStudioException">Label Studio refused a call or could not be reached.</exception>
    public async Task<PushResult> RunAsync(PushRequest request, CancellationToken cancellationToken)
    {
        step($"engine: reading project {request.Project}'s labeling config and tasks");
        string config = await ConfigAsync(request.Project, cancellationToken);
        var tasks = await TasksAsync(request.Project, cancellationToken);

        long project;
        if (request.LabelStudioProject is long existing)
        {
            step($"Label Studio: giving project {existing} the engine's labeling config");
            await labelStudio.UpdateLabelConfigAsync(existing, config, cancellationToken);
            project = existing;
        }
        else
        {
            step($"Label Studio: creating project \"{request.Title}\"");
            project = await labelStudio.CreateProjectAsync(new NewProject(request.Title, config), cancellationToken);
        }

        step($"Label Studio: comparing the round's {tasks.Count} tasks with project {project}'s");
        var there = (await labelStudio.ExportTasksAsync(project, cancellationToken)).Select(TaskKey.Of).OfType<TaskKey>().ToHashSet();
        var missing = new JsonArray(tasks.Where(t => TaskKey.Of(t) is not { } key || !there.Contains(key)).Select(t => t?.DeepClone()).ToArray());
        int imported = 0;
        if (missing.Count > 0)
        {
            step($"Label Studio: importing {missing.Count} tasks");
            imported = await labelStudio.ImportTasksAsync(project, missing, cancellationToken);
        }

        step("Label Studio: checking the webhook");
        bool webhook = await EnsureAsync(await labelStudio.WebhooksAsync(project, cancellationToken), request.WebhookUrl,
            () => labelStudio.CreateWebhookAsync(NewWebhook.For(project, request.WebhookUrl, request.WebhookSecret), cancellationToken));
        step("Label Studio: checking the ML backend");
        bool backend = await EnsureAsync(await labelStudio.MlBackendsAsync(project, cancellationToken), request.MlBackendUrl,
            () => labelStudio.CreateMlBackendAsync(NewMlBackend.For(request.MlBackendUrl, project, request.BasicAuth), cancellationToken));

        return new PushResult(project, $"{labelStudio.BaseUrl}projects/{project}/data", request.LabelStudioProject is null, imported, tasks.Count - missing.Count,
            webhook, request.WebhookUrl, backend, request.MlBackendUrl);
    }

    // The first engine read: a 401 here means the engine's Label Studio endpoints want Basic auth the push did not send.
    private async Task<string> ConfigAsync(long project, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await engine.LabelStudioConfigAsync(project, cancellationToken).EnsureSuccess();
            return await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (AlcApiException ex) when (ex.Status == HttpStatusCode.Unauthorized)
        {
            throw new AlcApiException($"{ex.Message} Give --basic-auth user:password (or set ALC_LABELSTUDIO__BASICAUTH), the engine's LabelStudio:BasicAuth.", ex);
        }
    }

    // The SDK types tasks.json as object: System.Text.Json hands back the array as a JsonElement.
    private async Task<JsonArray> TasksAsync(long project, CancellationToken cancellationToken)
    {
        object content = await engine.LabelStudioTasksAsync(project, cancellationToken).ContentOrThrow();
        return JsonSerializer.SerializeToNode(content) as JsonArray ?? throw new AlcApiException($"The engine's tasks.json of project {project} is not a JSON array.");
    }

    // Registered once: an entry with the same URL (trailing slashes aside) is the one a previous push made.
    private static async Task<bool> EnsureAsync(JsonArray registered, string url, Func<Task> create)
    {
        if (registered.Any(entry => entry?["url"] is JsonValue value && value.TryGetValue(out string? u) && string.Equals(u.TrimEnd('/'), url, StringComparison.Ordinal)))
        {
            return false;
        }

        await create();
        return true;
    }
}
