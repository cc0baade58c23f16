using System.Text.Json;
using Alc.Campaigns.Projects;
using Alc.Core.Cost;
using Alc.Engine.Server.Contracts;
using Alc.Storage.Answers;
using Microsoft.Extensions.DependencyInjection;

namespace Alc.Engine.Server.Tests.LabelStudio;

/// <summary>
/// Label Studio's webhook through the real HTTP pipeline and SQLite file: an annotation becomes its query's answer, a later
/// update supersedes it, a delete withdraws it, and the D_t the engine holds is always the one a replay of the database gives.
/// </summary>
public sealed class LabelStudioWebhookTests
{
    [Fact]
    public async Task A_created_annotation_is_stored_as_its_querys_answer_with_the_users_name_and_lead_time()
    {
        await using var p = await QueryingProject.Start();
        var result = await p.Client.Deliver(p.Project.Id, WebhookBodies.Annotation(queryId: 2, p.Project.Id, annotationId: 41, user: 7, lead: 4.76));

        Assert.Equal("stored", result.GetProperty("status").GetString());
        Assert.Equal(p.Round.Queries - 1, result.GetProperty("remaining").GetInt32());
        var stored = Answers(p).ForQuery(2)!;
        Assert.Equal(QueryVerdict.Confirm, stored.Verdict);
        Assert.Equal("label-studio:user-7", stored.Annotator);
        Assert.Equal(4760, stored.ElapsedMs);
        Assert.Equal("label-studio/annotation-41", stored.Source);
        Assert.Equal("2021-08-17T13:52:48.5363700Z", stored.Revision);
        Assert.True((await p.Client.Get<QueryDto>("/queries/2")).Answered);
    }

    [Fact]
    public async Task An_update_supersedes_the_answer_in_place_and_D_t_is_what_a_replay_of_the_database_gives()
    {
        await using var p = await QueryingProject.Start();
        var query = await p.Client.Get<QueryDto>("/queries/1");
        var wrongClass = p.Dataset.Classes.First(c => c.Id != query.ShownLabel);
        var before = await LabelsPng(p, query.ImageId);

        await p.Client.Deliver(p.Project.Id, WebhookBodies.Annotation(1, p.Project.Id, trueLabel: wrongClass.Name));
        var corrected = await LabelsPng(p, query.ImageId);
        Assert.NotEqual(before, corrected);

        var revised = await p.Client.Deliver(p.Project.Id, WebhookBodies.Annotation(1, p.Project.Id, updated: true, verdict: "confirm"));
        Assert.Equal("revised", revised.GetProperty("status").GetString());
        var stored = Answers(p).ForQuery(1)!;
        Assert.Equal(QueryVerdict.Confirm, stored.Verdict);
        Assert.Null(stored.Label);
        Assert.Equal(61500, stored.ElapsedMs);
        // The correction is gone: the image differs from D0 only where the confirm itself changed pixels, as many as it reports.
        var truth = new GroundTruth(p.Client, p.Dataset.Id, p.Dataset.Classes.Count);
        var now = await truth.Map(query.ImageId, projectId: p.Project.Id);
        var d0 = await truth.Map(query.ImageId, source: "pseudo");
        int differing = Enumerable.Range(0, now.Width * now.Height).Count(i => now[i] != d0[i]);
        Assert.Equal(revised.GetProperty("changedPixels").GetInt64(), differing);
        Assert.NotEqual(corrected, await LabelsPng(p, query.ImageId));

        var history = Answers(p).History(1);
        Assert.Equal(QueryVerdict.Correct, Assert.Single(history).Verdict);
        Assert.Equal(wrongClass.Id, history[0].Label);
        Assert.Equal("revised", history[0].EndedBy);

        await AssertReplayEquals(p, query.ImageId);
    }

    [Fact]
    public async Task A_deleted_annotation_withdraws_its_answer_while_the_round_is_querying_and_the_query_is_open_again()
    {
        await using var p = await QueryingProject.Start();
        var query = await p.Client.Get<QueryDto>("/queries/3");
        var before = await LabelsPng(p, query.ImageId);
        var other = p.Dataset.Classes.First(c => c.Id != query.ShownLabel);
        await p.Client.Deliver(p.Project.Id, WebhookBodies.Annotation(3, p.Project.Id, annotationId: 90, trueLabel: other.Name));
        Assert.NotEqual(before, await LabelsPng(p, query.ImageId));

        var withdrawn = await p.Client.Deliver(p.Project.Id, WebhookBodies.Deleted(90, 12345));
        Assert.Equal(1, withdrawn.GetProperty("withdrawn").GetInt32());
        Assert.Equal(p.Round.Queries, withdrawn.GetProperty("remaining").GetInt32());
        Assert.Null(Answers(p).ForQuery(3));
        Assert.False((await p.Client.Get<QueryDto>("/queries/3")).Answered);
        Assert.Equal(before, await LabelsPng(p, query.ImageId));
        Assert.Equal("withdrawn", Assert.Single(Answers(p).History(3)).EndedBy);

        // The open query can be answered again, by anyone, through the REST API.
        var batch = new AnswerBatchRequest { Annotator = "ann", Answers = [new AnswerItem { QueryId = 3, Verdict = Verdict.Confirm }] };
        await (await p.Client.Answer(p.Project.Id, "after-withdraw", batch)).Read<AnswerBatchResponse>();
        await AssertReplayEquals(p, query.ImageId);
    }

    [Fact]
    public async Task A_replayed_or_stale_delivery_is_409_and_changes_nothing()
    {
        await using var p = await QueryingProject.Start();
        var created = WebhookBodies.Annotation(4, p.Project.Id, annotationId: 5);
        await p.Client.Deliver(p.Project.Id, created);
        var newer = WebhookBodies.Annotation(4, p.Project.Id, annotationId: 5, trueLabel: p.Dataset.Classes[0].Name, updated: true);
        await p.Client.Deliver(p.Project.Id, newer);
        string before = await p.Snapshot();

        var replay = await (await p.Client.Post(p.Project.Id, newer)).Problem(409);
        Assert.Contains("already applied", replay.GetProperty("detail").GetString());
        var stale = await (await p.Client.Post(p.Project.Id, WebhookBodies.Annotation(4, p.Project.Id, annotationId: 5, at: "2021-08-17T13:53:00Z"))).Problem(409);
        Assert.Contains("older than the stored revision", stale.GetProperty("detail").GetString());
        // Another annotation cannot overwrite an answer it did not give.
        var foreign = await (await p.Client.Post(p.Project.Id, WebhookBodies.Annotation(4, p.Project.Id, annotationId: 6, at: "2022-01-01T00:00:00Z"))).Problem(409);
        Assert.Contains("can revise only its own answer", foreign.GetProperty("detail").GetString());
        Assert.Equal(before, await p.Snapshot());
    }

    [Fact]
    public async Task Bad_deliveries_are_a_clear_4xx_and_store_nothing()
    {
        await using var p = await QueryingProject.Start();
        string before = await p.Snapshot();
        long id = p.Project.Id;

        var unknownTask = await (await p.Client.Post(id, WebhookBodies.Annotation(999, id))).Problem(404);
        Assert.Contains("999", unknownTask.GetProperty("errors").GetProperty("answers[0]")[0].GetString());

        var unknownLabel = await (await p.Client.Post(id, WebhookBodies.Annotation(1, id, trueLabel: "unicorn"))).Problem(400);
        Assert.Contains("\"unicorn\" is not a class", unknownLabel.GetProperty("detail").GetString());

        var noQuery = WebhookBodies.Annotation(1, id);
        noQuery["task"]!["data"]!.AsObject().Remove("query_id");
        Assert.Contains("task.data.query_id is missing", (await (await p.Client.Post(id, noQuery)).Problem(400)).GetProperty("detail").GetString());

        var foreignProject = await (await p.Client.Post(id, WebhookBodies.Annotation(1, project: 99))).Problem(422);
        Assert.Contains("engine project 99", foreignProject.GetProperty("detail").GetString());

        var noVerdict = WebhookBodies.Annotation(1, id);
        noVerdict["annotation"]!["result"] = new System.Text.Json.Nodes.JsonArray();
        Assert.Contains("no verdict choice", (await (await p.Client.Post(id, noVerdict)).Problem(400)).GetProperty("detail").GetString());

        var wrongWithoutLabel = await (await p.Client.Post(id, WebhookBodies.Annotation(1, id, verdict: "wrong"))).Problem(400);
        Assert.Contains("no true_label", wrongWithoutLabel.GetProperty("detail").GetString());

        var badLead = WebhookBodies.Annotation(1, id);
        badLead["annotation"]!["lead_time"] = -3;
        await (await p.Client.Post(id, badLead)).Problem(400);

        var noTime = WebhookBodies.Annotation(1, id);
        noTime["annotation"]!.AsObject().Remove("updated_at");
        noTime["annotation"]!.AsObject().Remove("created_at");
        Assert.Contains("updated_at is required", (await (await p.Client.Post(id, noTime)).Problem(400)).GetProperty("detail").GetString());

        using var notJson = new StringContent("{\"action\": ", System.Text.Encoding.UTF8, "application/json");
        await (await p.Client.PostAsync($"{WebhookBodies.Prefix(id)}/webhook", notJson)).Problem(400);
        await (await p.Client.Post(id, new System.Text.Json.Nodes.JsonObject { ["annotation"] = 1 })).Problem(400);
        await (await p.Client.Post(999, WebhookBodies.Annotation(1, 999))).Problem(404);

        // A skipped task and an action the engine does not act on are acknowledged and ignored.
        var skipped = WebhookBodies.Annotation(1, id);
        skipped["annotation"]!["was_cancelled"] = true;
        Assert.Equal("ignored", JsonDocument.Parse(await (await p.Client.Post(id, skipped)).Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        var tasksCreated = await p.Client.Post(id, WebhookBodies.Fixture("tasks-created.json"));
        Assert.Equal(200, (int)tasksCreated.StatusCode);

        Assert.Equal(before, await p.Snapshot());
    }

    [Fact]
    public async Task Start_training_closes_the_querying_round_and_starts_the_next()
    {
        await using var p = await QueryingProject.Start();
        await p.Client.Deliver(p.Project.Id, WebhookBodies.Annotation(1, p.Project.Id));
        var started = await p.Client.Deliver(p.Project.Id, WebhookBodies.Fixture("start-training.json"));

        Assert.Equal(2, started.GetProperty("round").GetInt32());
        var first = await p.Client.Get<RoundDto>($"/projects/{p.Project.Id}/rounds/1");
        Assert.Equal(RoundState.Closed, first.State);
        Assert.Equal(1, first.Answered);
        var job = await p.Client.WaitForJob(started.GetProperty("jobId").GetInt64());
        Assert.Equal(JobState.Succeeded, job.State);

        // While round 2 is not closed, another START_TRAINING has nothing to close and cannot start a third.
        var metrics = JsonDocument.Parse(await p.Client.GetStringAsync($"{WebhookBodies.Prefix(p.Project.Id)}/metrics")).RootElement;
        Assert.Equal("alc-p1-r2", metrics.GetProperty("model_version").GetString());
    }

    private static AnswerRepository Answers(QueryingProject p) => p.Engine.Services.GetRequiredService<AnswerRepository>();

    private static Task<byte[]> LabelsPng(QueryingProject p, long imageId) =>
        p.Client.GetByteArrayAsync($"/projects/{p.Project.Id}/images/{imageId}/labels.png");

    // Drops the engine's state so it is re-derived from the database: the labels must not change.
    private static async Task AssertReplayEquals(QueryingProject p, long imageId)
    {
        var held = await LabelsPng(p, imageId);
        p.Engine.Services.GetRequiredService<CampaignStates>().Invalidate(p.Project.Id);
        Assert.Equal(held, await LabelsPng(p, imageId));
    }
}
