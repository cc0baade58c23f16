using System.Text;
using System.Text.Json;
using Alc.Engine.Server.Contracts;
using Microsoft.Data.Sqlite;

namespace Alc.Engine.Server.Tests;

/// <summary>
/// The request contract is enforced as the OpenAPI document states it: unknown fields, wrong JSON types, numeric
/// strings, duplicate keys, missing required fields, nulls and out-of-range numbers are 400 problem+json naming the field,
/// and none of them changes stored state. Every case here was a 200 or a 500 before the strict reader.
/// </summary>
public sealed class StrictContractTests
{
    private static async Task<JsonElement> Refused(HttpClient client, string path, string body, string field, string? idempotencyKey = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            message.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var problem = await (await client.SendAsync(message)).Problem(400);
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), $"{body} → {problem} does not name {field}");
        return problem;
    }

    [Theory]
    [InlineData("{\"annotator\":\"a\",\"answers\":[{\"queryId\":1,\"verdict\":\"confirm\",\"elapsedMs\":9223372036854775807}]}", "answers[0]")]
    [InlineData("{\"annotator\":\"a\",\"answers\":[null]}", "answers")]
    [InlineData("{\"annotator\":\"a\",\"answers\":null}", "answers")]
    [InlineData("{\"annotator\":null,\"answers\":[{\"queryId\":1,\"verdict\":\"confirm\"}]}", "annotator")]
    [InlineData("{\"annotator\":\"a\",\"answers\":[{\"queryId\":\"1\",\"verdict\":\"confirm\"}]}", "answers[0].queryId")]
    [InlineData("{\"annotator\":\"a\",\"answers\":[{\"queryId\":1,\"verdict\":\"confirm\",\"mood\":\"happy\"}]}", "answers[0].mood")]
    [InlineData("{\"annotator\":\"a\",\"answers\":[{\"verdict\":\"confirm\"}]}", "answers[0].queryId")]
    [InlineData("{\"annotator\":\"a\",\"annotator\":\"b\",\"answers\":[{\"queryId\":1,\"verdict\":\"confirm\"}]}", "annotator")]
    [InlineData("{\"answers\":[{\"queryId\":1,\"verdict\":\"confirm\"}]}", "annotator")]
    [InlineData("{\"annotator\":\"a\",\"answers\":[{\"queryId\":1,\"verdict\":\"Confirm\"}]}", "answers[0].verdict")]
    [InlineData("{\"annotator\":\"a\",\"answers\":[{\"queryId\":1,\"verdict\":\"confirm \"}]}", "answers[0].verdict")]
    public async Task A_bad_answer_batch_is_400_naming_its_field_and_stores_nothing(string body, string field)
    {
        await using var p = await QueryingProject.Start();
        string before = await p.Snapshot();
        await Refused(p.Client, $"/projects/{p.Project.Id}/answers", body, field, Guid.NewGuid().ToString());
        Assert.Equal(before, await p.Snapshot());
    }

    [Fact]
    public async Task Bad_dataset_lease_and_project_requests_are_400_naming_their_field_and_create_nothing()
    {
        await using var p = await QueryingProject.Start();
        string before = await p.Snapshot();
        long datasetId = p.Dataset.Id;
        var cases = new (string Path, string Body, string Field)[]
        {
            ("/datasets", "{\"name\":\"d\",\"classes\":null}", "classes"),
            ("/datasets", "{\"name\":\"d\",\"classes\":[null]}", "classes"),
            ("/datasets", "{\"name\":\"d\",\"classes\":[{\"id\":0,\"name\":\"a\"}]}", "classes[0].color"),
            ("/datasets", "{\"name\":\"d\"}", "classes"),
            ("/projects", "{\"name\":\"x\"}", "datasetId"),
            ("/projects", $"{{\"name\":\"x\",\"datasetId\":{datasetId},\"learningRate\":1e400}}", "learningRate"),
            ("/projects", $"{{\"name\":\"x\",\"datasetId\":{datasetId},\"acquisition\":null}}", "acquisition"),
            ("/projects", $"{{\"name\":\"x\",\"datasetId\":\"{datasetId}\"}}", "datasetId"),
            ("/projects", $"{{\"name\":\"x\",\"datasetId\":{datasetId},\"budgett\":5}}", "budgett"),
            ("/projects", $"{{\"name\":\"x\",\"datasetId\":{datasetId},\"budget\":2147483647}}", "budget"),
            ("/projects", $"{{\"name\":\"x\",\"datasetId\":{datasetId},\"budget\":2147483648}}", "budget"),
            ("/projects", $"{{\"name\":\"x\",\"datasetId\":{datasetId},\"iterations\":2000000000}}", "iterations"),
            ("/projects", $"{{\"name\":\"x\",\"datasetId\":{datasetId},\"learningRate\":1e308}}", "learningRate"),
            ("/projects", $"{{\"name\":\"x\",\"datasetId\":{datasetId},\"cropSize\":1000000}}", "cropSize"),
            ("/projects", $"{{\"name\":\"x\",\"datasetId\":{datasetId},\"batchSize\":100000000}}", "batchSize"),
            ("/projects", $"{{\"name\":\"x\",\"datasetId\":{datasetId},\"batchSize\":256,\"cropSize\":1024}}", "batchSize"),
            ("/projects", $"{{\"name\":\"x\",\"datasetId\":{datasetId},\"perImageCap\":0}}", "perImageCap"),
            // Found by the contract fuzzer: enums took any case and surrounding spaces; only the listed names are accepted now.
            ("/projects", $"{{\"name\":\"x\",\"datasetId\":{datasetId},\"oracle\":\"NONE\"}}", "oracle"),
            ("/projects", $"{{\"name\":\"x\",\"datasetId\":{datasetId},\"oracle\":\" none\"}}", "oracle"),
            ("/projects", $"{{\"name\":\"x\",\"datasetId\":{datasetId},\"oracle\":\"none,gt\"}}", "oracle"),
            ($"/projects/{p.Project.Id}/leases", "{\"annotator\":\"a\",\"count\":\"3\"}", "count"),
            ($"/projects/{p.Project.Id}/leases", "{\"annotator\":\"a\",\"extra\":true}", "extra"),
            ($"/projects/{p.Project.Id}/leases", "{\"count\":3}", "annotator"),
        };
        foreach (var (path, body, field) in cases)
        {
            await Refused(p.Client, path, body, field);
        }

        Assert.Equal(before, await p.Snapshot());
        Assert.Single(await p.Client.Get<List<ProjectDto>>("/projects"));
    }

    [Fact]
    public async Task A_request_with_only_its_required_fields_takes_the_documented_defaults()
    {
        await using var p = await QueryingProject.Start();
        using var content = new StringContent($"{{\"name\":\"defaults\",\"datasetId\":{p.Dataset.Id}}}", Encoding.UTF8, "application/json");
        var project = await (await p.Client.PostAsync("/projects", content)).Read<ProjectDto>(System.Net.HttpStatusCode.Created);
        Assert.Equal(new ProjectSettingsDto("default", 100, null, false, 1, "fcn-small", 200, 0.05, 96, 8), project.Settings);
    }

    [Fact]
    public async Task An_elapsed_time_stored_by_an_older_version_beyond_any_sum_does_not_wedge_the_project()
    {
        await using var p = await QueryingProject.Start(budget: 2);
        var leased = await p.Client.Lease(p.Project.Id, "ann");
        await (await p.Client.Answer(p.Project.Id, "one", new AnswerBatchRequest
        {
            Annotator = "ann",
            Answers = [new AnswerItem { QueryId = leased.Queries[0].Id, Verdict = Verdict.Confirm, ElapsedMs = 1000 }],
        })).Read<AnswerBatchResponse>();
        // What an older engine, which took any long, may have stored.
        using (var sqlite = new SqliteConnection($"Data Source={Path.Combine(p.Scratch.Data, "alc.db")};Pooling=False"))
        {
            sqlite.Open();
            using var update = sqlite.CreateCommand();
            update.CommandText = "UPDATE answers SET elapsed_ms = 9223372036854775807";
            Assert.Equal(1, update.ExecuteNonQuery());
        }

        var last = await (await p.Client.Answer(p.Project.Id, "two", new AnswerBatchRequest
        {
            Annotator = "ann",
            Answers = [new AnswerItem { QueryId = leased.Queries[1].Id, Verdict = Verdict.Confirm, ElapsedMs = 1000 }],
        })).Read<AnswerBatchResponse>();
        Assert.True(last.RoundClosed);
        var project = await p.Client.Get<ProjectDto>($"/projects/{p.Project.Id}");
        Assert.Equal((9223372036854775807.0 + 1000) / 1000, project.Totals.Seconds, 1e-9);
        Assert.Single(await p.Client.Get<List<ProjectDto>>("/projects"));
        await p.Client.Get<ProjectMetricsDto>($"/projects/{p.Project.Id}/metrics");
        var next = await p.Client.RunRound(p.Project.Id);
        Assert.Equal(RoundState.Querying, next.State);
    }
}
