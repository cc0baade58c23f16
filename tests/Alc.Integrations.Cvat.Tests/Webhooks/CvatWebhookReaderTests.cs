using System.Text.Json;
using Alc.Integrations.Cvat.Webhooks;

namespace Alc.Integrations.Cvat.Tests.Webhooks;

/// <summary>Bodies as CVAT writes them (Python <c>json.dumps</c>, default separators) read into events.</summary>
public sealed class CvatWebhookReaderTests
{
    /// <summary>A job marked completed, with the fields a CVAT 2.x job carries; most are not read and must be skipped.</summary>
    private const string CompletedJob = """
        {"event": "update:job", "job": {"url": "http://cvat/api/jobs/7", "id": 7, "task_id": 3, "project_id": 2, "assignee": {"url": "http://cvat/api/users/1", "id": 1, "username": "anna", "first_name": "", "last_name": ""}, "guide_id": null, "dimension": "2d", "bug_tracker": null, "status": "completed", "stage": "annotation", "state": "completed", "mode": "annotation", "frame_count": 6, "start_frame": 0, "stop_frame": 5, "data_chunk_size": 72, "data_compressed_chunk_type": "imageset", "data_original_chunk_type": "imageset", "created_date": "2026-12-01T08:00:00.000001Z", "updated_date": "2026-12-03T10:15:30.123456Z", "issues": {"url": "http://cvat/api/issues?job_id=7", "count": 0}, "labels": {"url": "http://cvat/api/labels?job_id=7"}, "type": "annotation", "organization": null, "target_storage": null, "source_storage": null, "assignee_updated_date": "2026-12-01T08:05:00Z", "parent_job_id": null, "consensus_replicas": 0}, "before_update": {"state": "in progress"}, "webhook_id": 4, "sender": {"url": "http://cvat/api/users/1", "id": 1, "username": "anna", "first_name": "", "last_name": ""}}
        """;

    private static CvatWebhookEvent Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return CvatWebhookReader.Read(document.RootElement);
    }

    [Fact]
    public void ReadsACompletedJob()
    {
        var anna = new CvatUser(1, "anna");
        var expected = new CvatWebhookEvent("update:job", 4,
            new CvatJob(7, 3, 2, "completed", "annotation", new DateTimeOffset(2026, 12, 3, 10, 15, 30, TimeSpan.Zero).AddTicks(1_234_560), anna),
            "in progress", anna);
        var read = Read(CompletedJob);
        Assert.Equal(expected, read);
        Assert.True(read.IsJobUpdate);
        Assert.True(read.CompletesJob);
    }

    [Fact]
    public void ReadsAPing()
    {
        var read = Read("""
            {"event": "ping", "webhook": {"id": 4, "url": "http://cvat/api/webhooks/4", "target_url": "http://engine/cvat/webhook", "description": "", "type": "project", "content_type": "application/json", "is_active": true, "enable_ssl": true, "created_date": "2026-12-01T08:00:00.000000Z", "updated_date": "2026-12-01T08:00:00.000000Z", "owner": {"url": "http://cvat/api/users/1", "id": 1, "username": "anna", "first_name": "", "last_name": ""}, "project_id": 2, "organization": null, "events": ["update:job"], "last_status": 0, "last_delivery_date": null}, "sender": {"url": "http://cvat/api/users/1", "id": 1, "username": "anna", "first_name": "", "last_name": ""}}
            """);
        Assert.Equal(new CvatWebhookEvent("ping", 4, null, null, new CvatUser(1, "anna")), read);
        Assert.False(read.IsJobUpdate);
        Assert.False(read.CompletesJob);
    }

    [Fact]
    public void NullAssigneeAndProjectAreNull()
    {
        var read = Read("""
            {"event": "update:job", "job": {"id": 8, "task_id": 3, "project_id": null, "stage": "validation", "state": "in progress", "assignee": null, "updated_date": null}, "webhook_id": 4}
            """);
        Assert.Equal(new CvatJob(8, 3, null, "in progress", "validation", null, null), read.Job);
        Assert.Null(read.StateBefore);
        Assert.Null(read.Sender);
        Assert.False(read.CompletesJob);
    }

    [Fact]
    public void AbsentOptionalFieldsAreNull()
    {
        var read = Read("""{"event": "update:job", "job": {"id": 8, "task_id": 3, "stage": "annotation", "state": "new"}}""");
        Assert.Equal(new CvatWebhookEvent("update:job", null, new CvatJob(8, 3, null, "new", "annotation", null, null), null, null), read);
    }

    [Fact]
    public void ACompletedJobThatWasNotUpdatedDoesNotCompleteIt()
    {
        // delete:job carries the job as it was; only update:job completes one.
        var read = Read("""{"event": "delete:job", "job": {"id": 7, "task_id": 3, "stage": "annotation", "state": "completed"}, "webhook_id": 4}""");
        Assert.Equal("completed", read.Job?.State);
        Assert.False(read.IsJobUpdate);
        Assert.False(read.CompletesJob);
    }

    [Fact]
    public void AnUpdateThatLeavesTheJobInProgressDoesNotCompleteIt()
    {
        var read = Read("""{"event": "update:job", "job": {"id": 7, "task_id": 3, "stage": "annotation", "state": "in progress"}, "before_update": {"assignee": null}}""");
        Assert.True(read.IsJobUpdate);
        Assert.False(read.CompletesJob);
        Assert.Null(read.StateBefore);
    }

    [Fact]
    public void TaskEventsCarryNoJob()
    {
        // A task body has no job; a "job" field there would not be read either.
        var read = Read("""{"event": "update:task", "task": {"id": 3, "name": "t"}, "job": "not read", "before_update": {"state": "new"}, "webhook_id": 4}""");
        Assert.Equal(new CvatWebhookEvent("update:task", 4, null, "new", null), read);
    }

    [Theory]
    [InlineData("2026-12-03T10:15:30Z", 0)]
    [InlineData("2026-12-03T10:15:30.5Z", 5_000_000)]
    [InlineData("2026-12-03T12:15:30.123456+02:00", 1_234_560)]
    [InlineData("2026-12-03T10:15:30.123456", 1_234_560)] // no offset: read as UTC
    public void UpdatedDateIsIso8601(string text, long extraTicks)
    {
        var read = Read($$$"""{"event": "update:job", "job": {"id": 7, "task_id": 3, "stage": "annotation", "state": "new", "updated_date": "{{{text}}}"}}""");
        var expected = new DateTimeOffset(2026, 12, 3, 10, 15, 30, TimeSpan.Zero).AddTicks(extraTicks);
        Assert.Equal(expected, read.Job?.UpdatedDate);
        Assert.Equal(expected.UtcTicks, read.Job?.UpdatedDate?.UtcTicks);
    }
}
