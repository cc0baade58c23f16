using System.Globalization;
using System.Text.Json;
using Alc.Integrations.LabelStudio.Tasks;

namespace Alc.Integrations.LabelStudio.Webhooks;

/// <summary>Reads a webhook body into a <see cref="WebhookEvent"/>, naming the field when one is missing or malformed.</summary>
public static class WebhookEventReader
{
    /// <summary>The action of a new or updated annotation.</summary>
    public const string AnnotationCreated = "ANNOTATION_CREATED";

    /// <summary>The action of an updated annotation.</summary>
    public const string AnnotationUpdated = "ANNOTATION_UPDATED";

    /// <summary>The action of a bulk delete (Label Studio's only delete action for annotations in its webhook reference).</summary>
    public const string AnnotationsDeleted = "ANNOTATIONS_DELETED";

    /// <summary>The singular form the reference also names.</summary>
    public const string AnnotationDeleted = "ANNOTATION_DELETED";

    /// <summary>The ML backend's "Start training" action.</summary>
    public const string StartTraining = "START_TRAINING";

    /// <summary>Reads <paramref name="body"/>.</summary>
    /// <exception cref="LabelStudioFormatException">The body is not a webhook payload of the action it names.</exception>
    public static WebhookEvent Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new LabelStudioFormatException("A webhook body must be a JSON object.");
        }

        if (!body.TryGetProperty("action", out var a) || a.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(a.GetString()))
        {
            throw new LabelStudioFormatException("action is required: a webhook body names its event in \"action\".");
        }

        string action = a.GetString()!;
        long? project = body.TryGetProperty("project", out var p) ? OptionalId(p, "project") : null;
        return action switch
        {
            AnnotationCreated or AnnotationUpdated => Annotation(body, action, project),
            AnnotationsDeleted or AnnotationDeleted => new AnnotationsDeletedEvent(action, project, DeletedIds(body)),
            StartTraining => new StartTrainingEvent(action, project),
            _ => new IgnoredEvent(action, project),
        };
    }

    private static AnnotationEvent Annotation(JsonElement body, string action, long? project)
    {
        var annotation = Object(body, "annotation");
        long id = Id(annotation, "id", "annotation.id");
        string revision = Revision(annotation);
        var result = annotation.TryGetProperty("result", out var r) && r.ValueKind != JsonValueKind.Null ? r.Clone() : JsonDocument.Parse("[]").RootElement;
        if (!body.TryGetProperty("task", out var task) || task.ValueKind != JsonValueKind.Object)
        {
            throw new LabelStudioFormatException(
                "task is required: the payload must carry the annotated task with its data (Label Studio sends \"task\": {…} with annotation events).");
        }

        var data = TaskData.Read(Object(task, "data", "task.data"));
        long completedBy = annotation.TryGetProperty("completed_by", out var by) && by.ValueKind == JsonValueKind.Object
            ? Id(by, "id", "annotation.completed_by.id")
            : Id(annotation, "completed_by", "annotation.completed_by");
        double lead = 0;
        if (annotation.TryGetProperty("lead_time", out var l) && l.ValueKind != JsonValueKind.Null)
        {
            lead = l.ValueKind == JsonValueKind.Number && l.TryGetDouble(out double s) && double.IsFinite(s) && s >= 0
                ? s
                : throw new LabelStudioFormatException($"annotation.lead_time must be a non-negative number of seconds, got {l.GetRawText()}.");
        }

        bool cancelled = annotation.TryGetProperty("was_cancelled", out var c) && c.ValueKind == JsonValueKind.True;
        if (!cancelled && result.ValueKind != JsonValueKind.Array)
        {
            throw new LabelStudioFormatException("annotation.result must be an array of result items.");
        }

        return new AnnotationEvent(action, project, id, revision, result, data, completedBy, lead, cancelled);
    }

    // updated_at (else created_at) in UTC with 7 fraction digits: equal instants give equal text, later ones sort after.
    private static string Revision(JsonElement annotation)
    {
        foreach (string key in (string[])["updated_at", "created_at"])
        {
            if (annotation.TryGetProperty(key, out var t) && t.ValueKind == JsonValueKind.String)
            {
                return DateTimeOffset.TryParse(t.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                    ? at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)
                    : throw new LabelStudioFormatException($"annotation.{key} must be an ISO 8601 time, got {t.GetRawText()}.");
            }
        }

        throw new LabelStudioFormatException("annotation.updated_at is required: with the annotation id it tells a new revision from a replayed delivery.");
    }

    private static List<long> DeletedIds(JsonElement body)
    {
        if (body.TryGetProperty("annotations", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            var ids = new List<long>();
            int i = 0;
            foreach (var item in list.EnumerateArray())
            {
                ids.Add(item.ValueKind == JsonValueKind.Object ? Id(item, "id", $"annotations[{i}].id") : throw new LabelStudioFormatException($"annotations[{i}] must be an object with an id."));
                i++;
            }

            return ids;
        }

        // The singular form in the reference carries the deleted annotation's id at the top level.
        return body.TryGetProperty("id", out _) ? [Id(body, "id", "id")] : throw new LabelStudioFormatException("annotations is required: the deleted annotations' ids.");
    }

    private static JsonElement Object(JsonElement parent, string key, string? path = null) =>
        parent.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw new LabelStudioFormatException($"{path ?? key} is required and must be an object.");

    private static long Id(JsonElement parent, string key, string path) =>
        parent.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long id) && id >= 0
            ? id
            : throw new LabelStudioFormatException($"{path} is required and must be a non-negative integer.");

    // project is an object with an id in Label Studio's payloads; a bare id is accepted too.
    private static long? OptionalId(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.Object => value.TryGetProperty("id", out _) ? Id(value, "id", $"{path}.id") : null,
        JsonValueKind.Number => value.TryGetInt64(out long id) ? id : throw new LabelStudioFormatException($"{path} must be an integer id."),
        JsonValueKind.Null => null,
        _ => throw new LabelStudioFormatException($"{path} must be an object."),
    };
}
