using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Alc.Client.Tests.LabelStudio;

/// <summary>
/// The routes of the contract fake, with the bodies and validations of Label Studio's API reference
/// (api.labelstud.io): create and update projects, import and export tasks, list and create webhooks and ML backends.
/// Paths keep Label Studio's trailing slashes (Django routes): <c>/api/projects/</c>, <c>/api/projects/{id}/</c>,
/// <c>/api/projects/{id}/import</c>, <c>/api/projects/{id}/export</c>, <c>/api/webhooks/</c>, <c>/api/ml/</c>.
/// </summary>
internal sealed partial class LabelStudioContractRoutes(LabelStudioStore store, MlBackendCheck check, Func<JsonObject?> importRefusal)
{
    /// <summary>The webhook actions Label Studio knows (the ones a project's annotation and task events send).</summary>
    public static readonly IReadOnlySet<string> WebhookActions = new HashSet<string>(StringComparer.Ordinal)
    {
        "PROJECT_CREATED", "PROJECT_UPDATED", "PROJECT_DELETED", "TASKS_CREATED", "TASKS_DELETED", "ANNOTATION_CREATED", "ANNOTATIONS_CREATED",
        "ANNOTATION_UPDATED", "ANNOTATIONS_DELETED", "START_TRAINING", "LABEL_LINK_CREATED", "LABEL_LINK_UPDATED", "LABEL_LINK_DELETED",
    };

    /// <summary>Maps every route on <paramref name="app"/>.</summary>
    public void Map(WebApplication app)
    {
        app.MapPost("/api/projects/", CreateProject);
        app.MapPatch("/api/projects/{id:long}/", UpdateProject);
        app.MapPost("/api/projects/{id:long}/import", Import);
        app.MapGet("/api/projects/{id:long}/export", Export);
        app.MapGet("/api/webhooks/", (HttpContext context) => Listed(store.Webhooks(), context));
        app.MapPost("/api/webhooks/", CreateWebhook);
        app.MapGet("/api/ml/", (HttpContext context) => Listed(store.MlBackends().Select(Answered).ToList(), context));
        app.MapPost("/api/ml/", (Func<HttpContext, Task<IResult>>)CreateMlBackendAsync);
    }

    private IResult CreateProject(HttpContext context) => WithObject(context, body =>
    {
        // The reference marks label_config optional with a default; this contract requires it, as every push sends it.
        if (body["label_config"] is not JsonValue config || config.GetValueKind() != JsonValueKind.String)
        {
            return LabelStudioErrors.Invalid("label_config", "This field is required.");
        }

        if (ConfigProblem((string)config!) is string problem)
        {
            return LabelStudioErrors.Invalid("label_config", problem);
        }

        string title = (string?)body["title"] ?? "";
        if (title.Length is > 0 and < 3 or > 50)
        {
            return LabelStudioErrors.Invalid("title", "Ensure this field has between 3 and 50 characters.");
        }

        var project = store.AddProject(new JsonObject
        {
            ["title"] = title,
            ["label_config"] = (string)config!,
            ["maximum_annotations"] = (int?)body["maximum_annotations"] ?? 1,
            ["show_collab_predictions"] = (bool?)body["show_collab_predictions"] ?? true,
        });
        return Results.Json(project, statusCode: StatusCodes.Status201Created);
    });

    private IResult UpdateProject(HttpContext context, long id) => WithObject(context, body =>
    {
        if (store.Project(id) is null)
        {
            return LabelStudioErrors.NotFound();
        }

        if (body["label_config"] is JsonNode config && ConfigProblem(config.GetValueKind() == JsonValueKind.String ? (string)config! : "") is string problem)
        {
            return LabelStudioErrors.Invalid("label_config", problem);
        }

        return Results.Json(store.UpdateProject(id, body));
    });

    // Imported data is verified against the label config: every $variable it uses must be a key of each task's data.
    private IResult Import(HttpContext context, long id)
    {
        if (store.Project(id) is not { } project)
        {
            return LabelStudioErrors.NotFound();
        }

        if (Parse(context) is not JsonArray items)
        {
            return LabelStudioErrors.Invalid("non_field_errors", "The import body must be a JSON array of tasks.");
        }

        var variables = Variables((string)project["label_config"]!);
        var tasks = new List<JsonObject>();
        foreach (var (item, index) in items.Select((item, index) => (item, index)))
        {
            if (item is not JsonObject task || task["data"] is not JsonObject data)
            {
                return LabelStudioErrors.Invalid("non_field_errors", $"Task {index}: a task must be an object with a \"data\" object.");
            }

            if (variables.FirstOrDefault(v => !data.ContainsKey(v)) is string absent)
            {
                return LabelStudioErrors.Invalid("non_field_errors", $"Task {index}: \"{absent}\" key is expected in task data (the label config uses ${absent}).");
            }

            if (task["predictions"] is JsonNode predictions && (predictions is not JsonArray list || list.Any(p => p?["result"] is not JsonArray)))
            {
                return LabelStudioErrors.Invalid("non_field_errors", $"Task {index}: predictions must be a list of objects with a \"result\" list.");
            }

            tasks.Add(task);
        }

        if (importRefusal() is { } refusal)
        {
            return LabelStudioErrors.Invalid(refusal);
        }

        int predictionCount = store.AddTasks(id, tasks);
        return Results.Json(new JsonObject
        {
            ["task_count"] = tasks.Count,
            ["annotation_count"] = tasks.Sum(t => t["annotations"]?.AsArray().Count ?? 0),
            ["prediction_count"] = predictionCount,
            ["duration"] = 0.01,
            ["file_upload_ids"] = new JsonArray(),
            ["could_be_tasks_list"] = false,
            ["found_formats"] = new JsonArray(),
            ["data_columns"] = new JsonArray(),
        }, statusCode: StatusCodes.Status201Created);
    }

    // Without download_all_tasks=true Label Studio exports only tasks that have annotations.
    private IResult Export(HttpContext context, long id)
    {
        if (store.Project(id) is null)
        {
            return LabelStudioErrors.NotFound();
        }

        string format = context.Request.Query["exportType"].ToString() is { Length: > 0 } given ? given : context.Request.Query["export_type"].ToString();
        if (format is not ("" or "JSON"))
        {
            return LabelStudioErrors.Invalid("exportType", $"This contract fake exports JSON only, not {format}.");
        }

        bool all = context.Request.Query["download_all_tasks"].ToString() is "true" or "True" or "1";
        var tasks = store.Tasks(id).Where(t => all || t["annotations"]!.AsArray().Count > 0);
        return Results.Json(new JsonArray(tasks.Select(t => (JsonNode?)t).ToArray()));
    }

    private IResult CreateWebhook(HttpContext context) => WithObject(context, body =>
    {
        if (UrlProblem(body["url"]) is string problem)
        {
            return LabelStudioErrors.Invalid("url", problem);
        }

        if (body["project"] is JsonNode project && (project is not JsonValue value || !value.TryGetValue(out long id) || store.Project(id) is null))
        {
            return LabelStudioErrors.Invalid("project", $"Invalid pk \"{project}\" - object does not exist.");
        }

        if (body["actions"] is JsonNode actions && (actions is not JsonArray list || list.Any(a => a is not JsonValue v || !WebhookActions.Contains(v.ToString()))))
        {
            return LabelStudioErrors.Invalid("actions", $"Actions must be a list of {string.Join(", ", WebhookActions)}.");
        }

        if (body["headers"] is JsonNode headers && (headers is not JsonObject map || map.Any(h => h.Value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)))
        {
            return LabelStudioErrors.Invalid("headers", "Key and value must be strings.");
        }

        var webhook = store.AddWebhook(new JsonObject
        {
            ["organization"] = 1,
            ["project"] = body["project"]?.DeepClone(),
            ["url"] = (string)body["url"]!,
            ["send_payload"] = (bool?)body["send_payload"] ?? true,
            ["send_for_all_actions"] = (bool?)body["send_for_all_actions"] ?? true,
            ["headers"] = body["headers"]?.DeepClone() ?? new JsonObject(),
            ["is_active"] = (bool?)body["is_active"] ?? true,
            ["actions"] = body["actions"]?.DeepClone() ?? new JsonArray(),
        });
        return Results.Json(webhook, statusCode: StatusCodes.Status201Created);
    });

    private async Task<IResult> CreateMlBackendAsync(HttpContext context)
    {
        if (Parse(context) is not JsonObject body)
        {
            return LabelStudioErrors.Invalid("non_field_errors", "Invalid data. Expected a dictionary.");
        }

        if (UrlProblem(body["url"]) is string urlProblem)
        {
            return LabelStudioErrors.Invalid("url", urlProblem);
        }

        if (body["project"] is not JsonValue projectId || !projectId.TryGetValue(out long id) || store.Project(id) is not { } project)
        {
            return LabelStudioErrors.Invalid("project", "This field is required and must name an existing project.");
        }

        string auth = (string?)body["auth_method"] ?? "NONE";
        if (auth is not ("NONE" or "BASIC_AUTH"))
        {
            return LabelStudioErrors.Invalid("auth_method", $"\"{auth}\" is not a valid choice.");
        }

        var backend = new JsonObject
        {
            ["url"] = (string)body["url"]!,
            ["project"] = id,
            ["title"] = (string?)body["title"] ?? "default",
            ["is_interactive"] = (bool?)body["is_interactive"] ?? false,
            ["auth_method"] = auth,
            ["basic_auth_user"] = (string?)body["basic_auth_user"],
            ["basic_auth_pass"] = (string?)body["basic_auth_pass"],
            ["state"] = "CO",
        };
        if (await check.RefusalAsync(backend, project, $"{context.Request.Scheme}://{context.Request.Host}") is string refusal)
        {
            return LabelStudioErrors.Invalid("url", refusal);
        }

        return Results.Json(Answered(store.AddMlBackend(backend)), statusCode: StatusCodes.Status201Created);
    }

    // The password is write-only: answers say whether one is set.
    private static JsonObject Answered(JsonObject backend)
    {
        var answer = backend.DeepClone().AsObject();
        answer["basic_auth_pass_is_set"] = answer["basic_auth_pass"] is not null;
        answer.Remove("basic_auth_pass");
        return answer;
    }

    private static IResult Listed(IEnumerable<JsonObject> rows, HttpContext context)
    {
        string project = context.Request.Query["project"].ToString();
        var matching = rows.Where(r => project.Length == 0 || r["project"]?.ToString() == project);
        return Results.Json(new JsonArray(matching.Select(r => (JsonNode?)r).ToArray()));
    }

    private static IResult WithObject(HttpContext context, Func<JsonObject, IResult> handle) =>
        Parse(context) is JsonObject body ? handle(body) : LabelStudioErrors.Invalid("non_field_errors", "Invalid data. Expected a dictionary.");

    private static JsonNode? Parse(HttpContext context)
    {
        try
        {
            return JsonNode.Parse((string)context.Items[LabelStudioContractFake.BodyItem]!);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? UrlProblem(JsonNode? url) =>
        url is JsonValue value && value.TryGetValue(out string? text) && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? null
            : "Enter a valid URL.";

    private static string? ConfigProblem(string config)
    {
        try
        {
            return XDocument.Parse(config).Root?.Name.LocalName == "View" ? null : "The label config's root tag must be <View>.";
        }
        catch (XmlException ex)
        {
            return $"The label config is not valid XML: {ex.Message}";
        }
    }

    private static List<string> Variables(string config) => [.. DataVariable().Matches(config).Select(m => m.Groups[1].Value).Distinct()];

    [GeneratedRegex(@"value=""\$([A-Za-z_][A-Za-z0-9_]*)""")]
    private static partial Regex DataVariable();
}
