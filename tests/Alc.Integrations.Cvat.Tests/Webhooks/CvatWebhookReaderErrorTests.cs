using System.Text.Json;
using Alc.Integrations.Cvat.Webhooks;

namespace Alc.Integrations.Cvat.Tests.Webhooks;

/// <summary>Each malformed field is a <see cref="CvatFormatException"/> that names it.</summary>
public sealed class CvatWebhookReaderErrorTests
{
    private static void Rejects(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);
        var error = Assert.Throws<CvatFormatException>(() => CvatWebhookReader.Read(document.RootElement));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    /// <summary>A valid job event whose job has <paramref name="field"/> (a "key": value pair) replacing the default one of that key.</summary>
    private static string JobWith(string field)
    {
        var job = new Dictionary<string, string>
        {
            ["id"] = "7", ["task_id"] = "3", ["project_id"] = "2", ["stage"] = "\"annotation\"", ["state"] = "\"completed\"",
        };
        string key = field[..field.IndexOf(':', StringComparison.Ordinal)].Trim('"');
        string value = field[(field.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        if (value == "absent")
        {
            job.Remove(key);
        }
        else
        {
            job[key] = value;
        }

        return "{\"event\": \"update:job\", \"job\": {" + string.Join(", ", job.Select(kv => $"\"{kv.Key}\": {kv.Value}")) + "}}";
    }

    [Fact]
    public void TheDefaultJobIsValid()
    {
        // Guards the helper: without a change its body reads, so each rejection below is the changed field's.
        using var document = JsonDocument.Parse(JobWith("\"state\": \"completed\""));
        Assert.True(CvatWebhookReader.Read(document.RootElement).CompletesJob);
    }

    [Theory]
    [InlineData("[]", "must be a JSON object, got array")]
    [InlineData("\"update:job\"", "must be a JSON object, got string")]
    [InlineData("null", "must be a JSON object, got null")]
    public void BodyNotAnObject(string json, string expected) => Rejects(json, expected);

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"event\": null}")]
    [InlineData("{\"event\": 3}")]
    [InlineData("{\"event\": \"\"}")]
    public void EventMissingOrNotAString(string json) => Rejects(json, "event is required and must be a non-empty string");

    [Theory]
    [InlineData("{\"event\": \"update:job\"}")]
    [InlineData("{\"event\": \"update:job\", \"job\": null}")]
    [InlineData("{\"event\": \"create:job\", \"job\": [7]}")]
    public void JobEventWithoutAJobObject(string json) => Rejects(json, "job is required and must be an object for a");

    [Theory]
    [InlineData("\"id\": absent", "job.id must be an integer")]
    [InlineData("\"id\": \"7\"", "job.id must be an integer")]
    [InlineData("\"id\": 7.5", "job.id must be an integer")]
    [InlineData("\"id\": null", "job.id must be an integer")]
    [InlineData("\"id\": 1e30", "job.id must be an integer")]
    [InlineData("\"task_id\": absent", "job.task_id must be an integer")]
    [InlineData("\"task_id\": \"3\"", "job.task_id must be an integer")]
    [InlineData("\"project_id\": \"2\"", "job.project_id must be an integer or null")]
    [InlineData("\"state\": absent", "job.state must be a string")]
    [InlineData("\"state\": null", "job.state must be a string")]
    [InlineData("\"state\": 3", "job.state must be a string")]
    [InlineData("\"stage\": absent", "job.stage must be a string")]
    [InlineData("\"updated_date\": \"yesterday\"", "job.updated_date must be an ISO 8601 time, got \"yesterday\"")]
    [InlineData("\"updated_date\": \"12/03/2026 10:15:30\"", "job.updated_date must be an ISO 8601 time")]
    [InlineData("\"updated_date\": \"2026-13-03T10:15:30Z\"", "job.updated_date must be an ISO 8601 time")]
    [InlineData("\"updated_date\": 1764756930", "job.updated_date must be an ISO 8601 time, got 1764756930")]
    [InlineData("\"assignee\": 1", "job.assignee must be an object or null, got number")]
    [InlineData("\"assignee\": {\"username\": \"anna\"}", "job.assignee.id must be an integer")]
    [InlineData("\"assignee\": {\"id\": 1}", "job.assignee.username must be a string")]
    public void MalformedJobField(string field, string expected) => Rejects(JobWith(field), expected);

    [Theory]
    [InlineData("{\"event\": \"ping\", \"webhook_id\": \"4\"}", "webhook_id must be an integer or null")]
    [InlineData("{\"event\": \"ping\", \"webhook\": {\"id\": true}}", "webhook.id must be an integer or null")]
    [InlineData("{\"event\": \"ping\", \"sender\": \"anna\"}", "sender must be an object or null, got string")]
    [InlineData("{\"event\": \"ping\", \"sender\": {\"id\": \"1\", \"username\": \"anna\"}}", "sender.id must be an integer")]
    [InlineData("{\"event\": \"update:task\", \"before_update\": {\"state\": 1}}", "before_update.state must be a string, got number")]
    public void MalformedEnvelopeField(string json, string expected) => Rejects(json, expected);
}
