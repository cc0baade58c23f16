using System.Net;
using Alc.Core.Cost;
using Alc.Engine.Server.Contracts;
using Alc.Integrations.Cvat.Tasks;

namespace Alc.Engine.Server.Tests.Cvat;

/// <summary>
/// Answers read back from the CVAT contract fake when a job is completed: the verdict rules, conflicts, redelivery,
/// re-completion, and every bad delivery refused with nothing stored.
/// </summary>
public sealed class CvatWebhookTests
{
    [Fact]
    public async Task Bad_deliveries_and_unreadable_annotations_are_refused_and_change_nothing()
    {
        await using var bridge = await CvatBridge.Start();
        var pushed = await bridge.Push();
        long job = pushed.JobIds.Single();
        string before = await bridge.Engine.Snapshot();
        string body = CvatBridge.JobUpdate(job, pushed.TaskId);

        Assert.Contains(CvatSignatureHeader, (await (await bridge.Deliver(body, secret: null)).Problem(401)).GetProperty("detail").GetString());
        await (await bridge.Deliver(body, secret: "another-secret")).Problem(401);
        await (await bridge.Deliver("{\"event\": 3}")).Problem(400);
        await (await bridge.Deliver("not json")).Problem(400);
        Assert.Contains("no job 999", (await (await bridge.Deliver(CvatBridge.JobUpdate(999, pushed.TaskId))).Problem(422)).GetProperty("detail").GetString());
        Assert.Equal("ignored", (await (await bridge.Deliver(CvatBridge.JobUpdate(job, pushed.TaskId, state: "in progress", before: "new")))
            .Read<CvatWebhookReceiptDto>()).Status);
        Assert.Equal("ignored", (await (await bridge.Deliver("""{"event": "ping", "webhook": {"id": 1}, "sender": {"id": 1, "username": "anna"}}"""))
            .Read<CvatWebhookReceiptDto>()).Status);
        // The fake's job is not completed yet: a forged "completed" for it is checked against CVAT and ignored.
        Assert.Contains("reopened", (await (await bridge.Deliver(body)).Read<CvatWebhookReceiptDto>()).Reason);

        var queries = (await bridge.Rest.FramesAsync(job, CancellationToken.None)).Select(f => QueryFrames.QueryOf(f.Name)!.Value).ToList();
        var (frame, point) = await bridge.PointOf(job, queries[0]);

        // A point dragged off the image.
        bridge.Cvat.MoveShape(job, point, -3, 4);
        Assert.Contains("moved off the image", await Refused(bridge, job));
        bridge.Cvat.MoveShape(job, point, 1.5, 1.5);

        // A second point on the frame.
        long extra = bridge.Cvat.AddPoint(job, frame, bridge.Engine.Dataset.Classes[0].Name, 2.5, 2.5);
        Assert.Contains("two points", await Refused(bridge, job));
        bridge.Cvat.DeleteShape(job, extra);

        // A job of a task that is not an engine correction task.
        var holiday = await bridge.Rest.CreateTaskAsync(pushed.CvatProjectId, "holiday photos", CancellationToken.None);
        await bridge.Rest.UploadAsync(holiday.Id, [new("a.png", await bridge.Client.GetByteArrayAsync($"/queries/{queries[0]}/crop.png"))], 90,
            TimeSpan.FromSeconds(10), CancellationToken.None);
        long foreignJob = (await bridge.Rest.JobsAsync(holiday.Id, CancellationToken.None)).Single().GetProperty("id").GetInt64();
        var foreign = Assert.Single(await bridge.Cvat.SetJobStateAsync(foreignJob, "completed"));
        Assert.Equal(422, foreign.StatusCode);
        Assert.Contains("not an engine correction task", foreign.Response);

        // The right job delivered to another engine project's webhook.
        Assert.Equal(404, (int)(await bridge.Deliver(body, projectId: 42)).StatusCode);

        Assert.Equal(before, await bridge.Engine.Snapshot());
        Assert.All(queries, q => Assert.Null(bridge.Answers.ForQuery(q)));
    }

    [Fact]
    public async Task A_completed_job_answers_each_query_once_and_a_recompletion_supersedes_it()
    {
        await using var bridge = await CvatBridge.Start();
        var classes = bridge.Engine.Dataset.Classes;
        var pushed = await bridge.Push();
        long job = pushed.JobIds.Single();
        var queries = new List<QueryDto>();
        foreach (var frame in await bridge.Rest.FramesAsync(job, CancellationToken.None))
        {
            queries.Add(await bridge.Client.Get<QueryDto>($"/queries/{QueryFrames.QueryOf(frame.Name)}"));
        }

        Assert.True(queries.Count >= 5, $"the round has {queries.Count} queries");
        // A REST annotator leases one query meanwhile; of the others, [0] is corrected, [1] deleted (unsure), [2] unsure ticked, the rest kept.
        long leased = Assert.Single((await bridge.Client.Lease(bridge.ProjectId, "rest-ann", 1)).Queries).Id;
        var all = queries;
        queries = [.. all.Where(q => q.Id != leased)];
        string other = classes.First(c => c.Id != queries[0].ShownLabel).Name;
        bridge.Cvat.SetShapeLabel(job, (await bridge.PointOf(job, queries[0].Id)).ShapeId, other);
        bridge.Cvat.DeleteShape(job, (await bridge.PointOf(job, queries[1].Id)).ShapeId);
        bridge.Cvat.SetAttribute(job, (await bridge.PointOf(job, queries[2].Id)).ShapeId, CorrectionLabels.UnsureAttribute, "true");

        var receipt = await bridge.Complete(job);
        Assert.Equal(("ingested", queries.Count, 0, 0), (receipt.Status, receipt.Stored, receipt.Revised, receipt.Unchanged));
        Assert.Equal(leased, Assert.Single(receipt.Conflicts).QueryId);
        Assert.Equal((1, false), (receipt.Remaining, receipt.RoundClosed));

        var corrected = bridge.Answers.ForQuery(queries[0].Id)!;
        Assert.Equal((QueryVerdict.Correct, classes.Single(c => c.Name == other).Id, "cvat:anna"), (corrected.Verdict, corrected.Label, corrected.Annotator));
        Assert.Equal($"cvat/job-{job}/query-{queries[0].Id}", corrected.Source);
        Assert.Equal(QueryVerdict.Unsure, bridge.Answers.ForQuery(queries[1].Id)!.Verdict);
        Assert.Equal(QueryVerdict.Unsure, bridge.Answers.ForQuery(queries[2].Id)!.Verdict);
        Assert.Null(bridge.Answers.ForQuery(leased));
        Assert.All(queries.Skip(3), q => Assert.Equal(QueryVerdict.Confirm, bridge.Answers.ForQuery(q.Id)!.Verdict));

        // CVAT redelivers the same delivery: nothing is stored twice.
        string before = await bridge.Engine.Snapshot();
        var again = await bridge.Cvat.RedeliverLastAsync();
        var replay = System.Text.Json.JsonSerializer.Deserialize<CvatWebhookReceiptDto>(again.Response, Api.Json)!;
        Assert.Equal((0, 0, queries.Count), (replay.Stored, replay.Revised, replay.Unchanged));
        Assert.Equal(leased, Assert.Single(replay.Conflicts).QueryId);
        Assert.Equal(before, await bridge.Engine.Snapshot());

        // Reopened (ignored), the kept point of queries[3] corrected, completed again: every answer of the job is superseded.
        var reopened = Assert.Single(await bridge.Cvat.SetJobStateAsync(job, "in progress"));
        Assert.Contains("\"ignored\"", reopened.Response);
        string fix = classes.First(c => c.Id != queries[3].ShownLabel).Name;
        bridge.Cvat.SetShapeLabel(job, (await bridge.PointOf(job, queries[3].Id)).ShapeId, fix);
        var second = await bridge.Complete(job, "bob");
        Assert.Equal((0, queries.Count), (second.Stored, second.Revised));
        var revised = bridge.Answers.ForQuery(queries[3].Id)!;
        Assert.Equal((QueryVerdict.Correct, classes.Single(c => c.Name == fix).Id, "cvat:bob"), (revised.Verdict, revised.Label, revised.Annotator));
        Assert.NotEmpty(bridge.Answers.History(queries[3].Id));

        // The REST annotator answers the last query: the round closes, and a later completion of the job cannot change it.
        var last = await bridge.Client.Answer(bridge.ProjectId, "rest-last", new AnswerBatchRequest
        {
            Annotator = "rest-ann",
            Answers = [new AnswerItem { QueryId = leased, Verdict = Verdict.Confirm }],
        });
        Assert.True((await last.Read<AnswerBatchResponse>()).RoundClosed);
        Assert.Single(await bridge.Cvat.SetJobStateAsync(job, "in progress"));
        var late = Assert.Single(await bridge.Cvat.SetJobStateAsync(job, "completed"));
        Assert.Equal(409, late.StatusCode);
    }

    private const string CvatSignatureHeader = "X-Signature-256";

    // Completing the job with unreadable annotations: 422, and the job is put back in progress for the next case.
    private static async Task<string> Refused(CvatBridge bridge, long job)
    {
        var delivery = Assert.Single(await bridge.Cvat.SetJobStateAsync(job, "completed"));
        Assert.Equal(422, delivery.StatusCode);
        Assert.Contains("nothing was stored", delivery.Response, StringComparison.Ordinal);
        Assert.Single(await bridge.Cvat.SetJobStateAsync(job, "in progress"));
        return delivery.Response;
    }
}
