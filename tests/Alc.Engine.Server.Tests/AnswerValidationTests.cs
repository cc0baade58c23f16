using System.Net;
using System.Net.Http.Json;
using System.Text;
using Alc.Engine.Server.Contracts;

namespace Alc.Engine.Server.Tests;

/// <summary>Every bad answer is a 4xx problem+json and leaves stored state unchanged; a batch is all-or-nothing.</summary>
public sealed class AnswerValidationTests
{
    private static AnswerBatchRequest Batch(params AnswerItem[] answers) => new() { Annotator = "ann", Answers = answers };

    [Fact]
    public async Task Unknown_ids_are_404_and_change_nothing()
    {
        await using var p = await QueryingProject.Start();
        string before = await p.Snapshot();
        foreach (string path in new[] { "/datasets/999", $"/datasets/{p.Dataset.Id}/images/999", $"/datasets/{p.Dataset.Id}/images/999/photo", "/projects/999",
                     "/projects/999/rounds", $"/projects/{p.Project.Id}/rounds/9", "/queries/999", "/queries/999/crop.png", "/jobs/999", "/projects/999/metrics",
                     $"/projects/{p.Project.Id}/images/999/labels.png" })
        {
            await (await p.Client.GetAsync(path)).Problem(404);
        }

        var response = await p.Client.Answer(p.Project.Id, "k", Batch(new AnswerItem { QueryId = 1, Verdict = Verdict.Confirm }, new AnswerItem { QueryId = 999, Verdict = Verdict.Confirm }));
        var problem = await response.Problem(404);
        Assert.Contains("999", problem.GetProperty("errors").GetProperty("answers[1]")[0].GetString());
        await (await p.Client.Answer(999, "k", Batch(new AnswerItem { QueryId = 1, Verdict = Verdict.Confirm }))).Problem(404);
        Assert.Equal(before, await p.Snapshot());
    }

    [Fact]
    public async Task Inconsistent_answers_are_400_and_a_batch_with_one_bad_answer_stores_none()
    {
        await using var p = await QueryingProject.Start();
        string before = await p.Snapshot();
        var good = new AnswerItem { QueryId = 1, Verdict = Verdict.Correct, Label = 1 };
        var cases = new (AnswerItem Bad, string Message)[]
        {
            (new AnswerItem { QueryId = 2, Verdict = Verdict.Correct, Label = 4 }, "class id 4 is out of range"),
            (new AnswerItem { QueryId = 2, Verdict = Verdict.Correct, Label = -1 }, "out of range"),
            (new AnswerItem { QueryId = 2, Verdict = Verdict.Correct }, "needs the right class id"),
            (new AnswerItem { QueryId = 2, Verdict = Verdict.Confirm, Label = 1 }, "only given with verdict correct"),
            (new AnswerItem { QueryId = 1, Verdict = Verdict.Confirm }, "answered twice"),
            (new AnswerItem { QueryId = 2, Verdict = Verdict.Unsure, ElapsedMs = -5 }, "elapsedMs"),
        };
        for (int i = 0; i < cases.Length; i++)
        {
            var problem = await (await p.Client.Answer(p.Project.Id, $"key-{i}", Batch(good, cases[i].Bad))).Problem(400);
            Assert.Contains(cases[i].Message, problem.GetProperty("errors").GetProperty("answers[1]")[0].GetString());
        }

        await (await p.Client.Answer(p.Project.Id, "empty", Batch())).Problem(400);
        await (await p.Client.Answer(p.Project.Id, "nobody", new AnswerBatchRequest { Annotator = " ", Answers = [good] })).Problem(400);
        Assert.Equal(before, await p.Snapshot());
    }

    [Fact]
    public async Task Malformed_json_and_unknown_verdicts_are_400()
    {
        await using var p = await QueryingProject.Start();
        string before = await p.Snapshot();
        foreach (string body in new[] { "{\"annotator\":\"ann\",\"answers\":[{\"queryId\":1", "{\"annotator\":\"ann\",\"answers\":[{\"queryId\":1,\"verdict\":\"maybe\"}]}",
                     "{\"annotator\":\"ann\",\"answers\":[{\"queryId\":1,\"verdict\":0}]}", "[]", "" })
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, $"/projects/{p.Project.Id}/answers")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            message.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            await (await p.Client.SendAsync(message)).Problem(400);
        }

        Assert.Equal(before, await p.Snapshot());
    }

    [Fact]
    public async Task Idempotency_key_is_required_a_replay_returns_the_first_result_and_a_reused_key_with_another_body_is_422()
    {
        await using var p = await QueryingProject.Start();
        var batch = Batch(new AnswerItem { QueryId = 1, Verdict = Verdict.Correct, Label = 2, ElapsedMs = 900 });
        string before = await p.Snapshot();
        var missing = await (await p.Client.Answer(p.Project.Id, null, batch)).Problem(400);
        Assert.Contains("Idempotency-Key", missing.GetProperty("detail").GetString());
        Assert.Equal(before, await p.Snapshot());

        var first = await (await p.Client.Answer(p.Project.Id, "once", batch)).Read<AnswerBatchResponse>();
        string stored = await p.Snapshot();
        var replay = await (await p.Client.Answer(p.Project.Id, "once", batch)).Read<AnswerBatchResponse>();
        Assert.Equal(first, replay);
        Assert.Equal(stored, await p.Snapshot());
        Assert.Equal(1, (await p.Client.Get<ProjectDto>($"/projects/{p.Project.Id}")).Totals.Answers);

        await (await p.Client.Answer(p.Project.Id, "once", Batch(new AnswerItem { QueryId = 2, Verdict = Verdict.Confirm }))).Problem(422);
        // The same query answered again under a new key is a conflict, not a second answer.
        await (await p.Client.Answer(p.Project.Id, "twice", batch)).Problem(409);
        Assert.Equal(stored, await p.Snapshot());
    }

    [Fact]
    public async Task Concurrent_retries_under_one_key_store_the_batch_once_and_all_get_the_first_receipt()
    {
        await using var p = await QueryingProject.Start();
        var batch = Batch(new AnswerItem { QueryId = 1, Verdict = Verdict.Correct, Label = 2, ElapsedMs = 900 }, new AnswerItem { QueryId = 2, Verdict = Verdict.Confirm });

        // Twelve copies race: while the first is being written the others wait for it instead of racing it.
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => p.Client.Answer(p.Project.Id, "raced", batch)));
        var receipts = await Task.WhenAll(responses.Select(r => r.Read<AnswerBatchResponse>()));
        Assert.All(receipts, r => Assert.Equal(receipts[0], r));
        Assert.Equal((2, 1), (receipts[0].Accepted, receipts[0].Corrections));
        Assert.Equal(2, (await p.Client.Get<ProjectDto>($"/projects/{p.Project.Id}")).Totals.Answers);
        Assert.Equal(2, (await p.Client.Get<RoundDto>($"/projects/{p.Project.Id}/rounds/1")).Answered);

        // A racing copy with another body under the same key is 422, whether it meets the write in flight or stored.
        var other = Batch(new AnswerItem { QueryId = 3, Verdict = Verdict.Confirm });
        var mixed = await Task.WhenAll(p.Client.Answer(p.Project.Id, "mixed", batch with { Answers = [new AnswerItem { QueryId = 4, Verdict = Verdict.Confirm }] }),
            p.Client.Answer(p.Project.Id, "mixed", other));
        Assert.Equal([200, 422], mixed.Select(r => (int)r.StatusCode).Order());
        Assert.Equal(3, (await p.Client.Get<ProjectDto>($"/projects/{p.Project.Id}")).Totals.Answers);
    }

    [Fact]
    public async Task Answers_outside_a_querying_round_are_409_and_a_round_cannot_start_while_one_is_open()
    {
        await using var p = await QueryingProject.Start();
        await (await p.Client.PostAsync($"/projects/{p.Project.Id}/rounds", null)).Problem(409);
        var closed = await (await p.Client.PostAsync($"/projects/{p.Project.Id}/rounds/1/close", null)).Read<RoundDto>();
        Assert.Equal(RoundState.Closed, closed.State);
        string before = await p.Snapshot();
        await (await p.Client.Answer(p.Project.Id, "late", Batch(new AnswerItem { QueryId = 1, Verdict = Verdict.Confirm }))).Problem(409);
        await (await p.Client.PostAsync($"/projects/{p.Project.Id}/rounds/1/close", null)).Problem(409);
        Assert.Equal(before, await p.Snapshot());
        var next = await p.Client.Lease(p.Project.Id, "ann");
        Assert.Empty(next.Queries);
        Assert.Null(next.Round);
    }
}
