using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Alc.Engine.Server.Tests.LabelStudio;

/// <summary>
/// Label Studio webhook bodies for the tests: the committed fixtures (transcribed from Label Studio's webhook reference)
/// with the test's query, project, annotation, time and class put in, and the calls that post them.
/// </summary>
internal static class WebhookBodies
{
    /// <summary>The prefix of a project's Label Studio endpoints.</summary>
    public static string Prefix(long projectId) => $"/integrations/label-studio/projects/{projectId}";

    /// <summary>A fixture as JSON.</summary>
    public static JsonObject Fixture(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "label-studio-fixtures", name)))!.AsObject();

    /// <summary>
    /// An ANNOTATION_CREATED or ANNOTATION_UPDATED body for <paramref name="queryId"/> of <paramref name="project"/>: a confirm
    /// (<paramref name="trueLabel"/> null), a wrong verdict with that true label, or the verdict <paramref name="verdict"/> when given.
    /// </summary>
    public static JsonObject Annotation(long queryId, long project, long annotationId = 17, string? trueLabel = null, bool updated = false,
        string? at = null, string? verdict = null, long user = 1, double? lead = null)
    {
        var body = Fixture(updated ? "annotation-updated.json" : "annotation-created.json");
        var annotation = body["annotation"]!.AsObject();
        annotation["id"] = annotationId;
        annotation["completed_by"] = user;
        if (lead is not null)
        {
            annotation["lead_time"] = lead;
        }

        if (at is not null)
        {
            annotation["updated_at"] = at;
        }

        var result = new JsonArray(Choice("verdict", verdict ?? (trueLabel is null ? "confirm" : "wrong")));
        if (trueLabel is not null)
        {
            result.Add(Choice("true_label", trueLabel));
        }

        annotation["result"] = result;
        var data = body["task"]!["data"]!.AsObject();
        data["query_id"] = queryId;
        data["alc_project"] = project;
        return body;
    }

    /// <summary>An ANNOTATIONS_DELETED body.</summary>
    public static JsonObject Deleted(params long[] annotationIds)
    {
        var body = Fixture("annotations-deleted.json");
        body["annotations"] = new JsonArray([.. annotationIds.Select(id => (JsonNode)new JsonObject { ["id"] = id })]);
        return body;
    }

    /// <summary>Posts a body to the project's webhook, with the secret header when given.</summary>
    public static Task<HttpResponseMessage> Post(this HttpClient client, long projectId, JsonNode body, string? secret = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, $"{Prefix(projectId)}/webhook")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            message.Headers.Add("X-Alc-Webhook-Secret", secret);
        }

        return client.SendAsync(message);
    }

    /// <summary>Posts and asserts 201; returns the engine's answer.</summary>
    public static async Task<JsonElement> Deliver(this HttpClient client, long projectId, JsonNode body)
    {
        var response = await client.Post(projectId, body);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 201, $"expected 201, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Label Studio's /predict for tasks with these data objects; returns the results in order.</summary>
    public static async Task<JsonElement> Predict(this HttpClient client, long projectId, params JsonNode[] data)
    {
        var tasks = new JsonArray([.. data.Select((d, i) => (JsonNode)new JsonObject { ["id"] = 100 + i, ["data"] = d })]);
        var response = await client.PostAsJsonAsync($"{Prefix(projectId)}/predict", new JsonObject { ["tasks"] = tasks, ["project"] = "2.1700000000" });
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("results");
    }

    private static JsonObject Choice(string name, string value) => new()
    {
        ["value"] = new JsonObject { ["choices"] = new JsonArray(value) },
        ["id"] = $"id-{name}",
        ["from_name"] = name,
        ["to_name"] = "image",
        ["type"] = "choices",
    };
}
