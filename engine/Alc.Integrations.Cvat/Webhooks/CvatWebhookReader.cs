using System.Globalization;
using System.Text.Json;

namespace Alc.Integrations.Cvat.Webhooks;

/// <summary>
/// Reads a CVAT webhook body into a <see cref="CvatWebhookEvent"/>. Fields it does not read are ignored, since CVAT
/// adds fields between versions; fields it reads must have their documented type, and the exception names the one that does not.
/// </summary>
public static class CvatWebhookReader
{
    /// <summary>ISO 8601 date-times as Python's <c>isoformat</c> writes them: 0–7 fraction digits, <c>Z</c>, an offset or none.</summary>
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mmK",
    ];

    /// <summary>
    /// Reads <paramref name="body"/>. The job is read only for events whose resource is <c>job</c> (the name ends in
    /// <c>:job</c>); <c>before_update.state</c> is read for any event that has it.
    /// </summary>
    /// <param name="body">The parsed request body.</param>
    /// <exception cref="CvatFormatException">The body is not a JSON object; <c>event</c> is missing or not a non-empty string;
    /// a job event has no <c>job</c> object; <c>job.id</c> or <c>job.task_id</c> is not an integer; <c>job.project_id</c> is neither
    /// an integer nor null; <c>job.state</c> or <c>job.stage</c> is not a string; <c>job.updated_date</c> is neither null nor an
    /// ISO 8601 time; a user (<c>sender</c>, <c>job.assignee</c>) is neither an object with an integer <c>id</c> and a string
    /// <c>username</c> nor null; <c>webhook_id</c> is neither an integer nor null; or <c>before_update.state</c> is neither a
    /// string nor null. The message names the field.</exception>
    public static CvatWebhookEvent Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new CvatFormatException($"A CVAT webhook body must be a JSON object, got {Kind(body)}.");
        }

        if (!body.TryGetProperty("event", out var e) || e.ValueKind != JsonValueKind.String || e.GetString() is not { Length: > 0 } name)
        {
            throw new CvatFormatException("event is required and must be a non-empty string (\"update:job\", \"ping\", …).");
        }

        CvatJob? job = null;
        if (name.EndsWith(":job", StringComparison.Ordinal))
        {
            job = body.TryGetProperty("job", out var j) && j.ValueKind == JsonValueKind.Object
                ? Job(j)
                : throw new CvatFormatException($"job is required and must be an object for a {name} event.");
        }

        return new CvatWebhookEvent(name, WebhookId(body), job, StateBefore(body), User(body, "sender", "sender"));
    }

    private static CvatJob Job(JsonElement job) => new(
        Integer(job, "id", "job.id"),
        Integer(job, "task_id", "job.task_id"),
        OptionalInteger(job, "project_id", "job.project_id"),
        Text(job, "state", "job.state"),
        Text(job, "stage", "job.stage"),
        Time(job, "updated_date", "job.updated_date"),
        User(job, "assignee", "job.assignee"));

    // A ping carries the whole webhook instead of its id.
    private static long? WebhookId(JsonElement body) =>
        body.TryGetProperty("webhook_id", out _) ? OptionalInteger(body, "webhook_id", "webhook_id")
        : body.TryGetProperty("webhook", out var w) && w.ValueKind == JsonValueKind.Object ? OptionalInteger(w, "id", "webhook.id")
        : null;

    private static string? StateBefore(JsonElement body)
    {
        if (!body.TryGetProperty("before_update", out var before) || before.ValueKind != JsonValueKind.Object
            || !before.TryGetProperty("state", out var state) || state.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return state.ValueKind == JsonValueKind.String
            ? state.GetString()
            : throw new CvatFormatException($"before_update.state must be a string, got {Kind(state)}.");
    }

    private static CvatUser? User(JsonElement parent, string key, string path)
    {
        if (!parent.TryGetProperty(key, out var user) || user.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return user.ValueKind == JsonValueKind.Object
            ? new CvatUser(Integer(user, "id", $"{path}.id"), Text(user, "username", $"{path}.username"))
            : throw new CvatFormatException($"{path} must be an object or null, got {Kind(user)}.");
    }

    private static long Integer(JsonElement parent, string key, string path) =>
        parent.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long n)
            ? n
            : throw new CvatFormatException($"{path} must be an integer.");

    private static long? OptionalInteger(JsonElement parent, string key, string path) =>
        !parent.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null
            ? null
            : value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long n)
                ? n
                : throw new CvatFormatException($"{path} must be an integer or null.");

    private static string Text(JsonElement parent, string key, string path) =>
        parent.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new CvatFormatException($"{path} must be a string.");

    private static DateTimeOffset? Time(JsonElement parent, string key, string path)
    {
        if (!parent.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        // Exact formats: DateTimeOffset.Parse would also take "12/03/2026" and other non-ISO text.
        return value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParseExact(value.GetString(), IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw new CvatFormatException($"{path} must be an ISO 8601 time, got {value.GetRawText()}.");
    }

    private static string Kind(JsonElement value) => value.ValueKind.ToString().ToLowerInvariant();
}
