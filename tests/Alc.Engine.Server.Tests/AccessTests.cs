using System.Net;
using System.Net.Http.Json;
using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Hosting;

namespace Alc.Engine.Server.Tests;

/// <summary>
/// API keys: with keys configured every endpoint but health (the API docs too, unless PublicApiDocs) needs X-Api-Key; annotators may only
/// lease, read and answer queries, and a key bound to an annotator only as that annotator.
/// </summary>
public sealed class AccessTests
{
    private static HttpRequestMessage Request(HttpMethod method, string path, string? key, HttpContent? content = null)
    {
        var message = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null)
        {
            message.Headers.Add("X-Api-Key", key);
        }

        return message;
    }

    private static Task<HttpResponseMessage> Lease(HttpClient client, long projectId, string key, string annotator, int count = 1) =>
        client.SendAsync(Request(HttpMethod.Post, $"/projects/{projectId}/leases", key, JsonContent.Create(new LeaseRequest { Annotator = annotator, Count = count })));

    private static Task<HttpResponseMessage> Answer(HttpClient client, long projectId, string key, string idempotencyKey, string annotator, long queryId)
    {
        var message = Request(HttpMethod.Post, $"/projects/{projectId}/answers", key,
            JsonContent.Create(new AnswerBatchRequest { Annotator = annotator, Answers = [new AnswerItem { QueryId = queryId, Verdict = Verdict.Confirm }] }, options: Api.Json));
        message.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(message);
    }

    private static readonly string[] Docs = ["/openapi/v1.json", "/swagger/index.html"];

    [Fact]
    public async Task Keys_gate_every_endpoint_but_health_and_annotators_only_reach_queries_and_answers()
    {
        var keys = new Dictionary<string, string?> { ["AdminKeys"] = "admin-secret", ["AnnotatorKeys"] = "ann-secret;ann-two" };
        await using var p = await QueryingProject.Start(settings: keys);
        // The fixture set up with the admin key; this client sends only the keys each request names.
        var client = p.Engine.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        await (await client.GetAsync("/openapi/v1.json")).Problem(401);
        await (await client.SendAsync(Request(HttpMethod.Get, "/datasets", null))).Problem(401);
        await (await client.SendAsync(Request(HttpMethod.Get, "/datasets", "wrong"))).Problem(401);
        await (await client.SendAsync(Request(HttpMethod.Get, "/datasets", "ann-secret"))).Problem(403);
        await (await client.SendAsync(Request(HttpMethod.Post, $"/projects/{p.Project.Id}/rounds", "ann-two"))).Problem(403);
        await (await client.SendAsync(Request(HttpMethod.Post, $"/projects/{p.Project.Id}/leases", null, System.Net.Http.Json.JsonContent.Create(new LeaseRequest { Annotator = "a" })))).Problem(401);

        var leased = await (await client.SendAsync(Request(HttpMethod.Post, $"/projects/{p.Project.Id}/leases", "ann-secret", System.Net.Http.Json.JsonContent.Create(new LeaseRequest { Annotator = "a", Count = 1 }))))
            .Read<QueryBatchDto>();
        Assert.Single(leased.Queries);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Request(HttpMethod.Get, $"/queries/{leased.Queries[0].Id}/crop.png", "ann-two"))).StatusCode);
        var answer = Request(HttpMethod.Post, $"/projects/{p.Project.Id}/answers", "ann-secret",
            System.Net.Http.Json.JsonContent.Create(new AnswerBatchRequest { Annotator = "a", Answers = [new AnswerItem { QueryId = leased.Queries[0].Id, Verdict = Verdict.Unsure }] },
                options: Api.Json));
        answer.Headers.Add("Idempotency-Key", "k");
        Assert.Equal(1, (await (await client.SendAsync(answer)).Read<AnswerBatchResponse>()).Accepted);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Request(HttpMethod.Get, $"/projects/{p.Project.Id}/metrics", "admin-secret"))).StatusCode);
    }

    [Fact]
    public async Task With_keys_the_openapi_document_and_swagger_ui_need_a_key_and_any_valid_key_reads_them()
    {
        using var scratch = new Scratch();
        await using var engine = new EngineFactory(scratch.Data, new Dictionary<string, string?> { ["AdminKeys"] = "admin-secret", ["AnnotatorKeys"] = "alice:alice-key" });
        var client = engine.CreateClient();
        foreach (string path in Docs)
        {
            var refused = await (await client.SendAsync(Request(HttpMethod.Get, path, null))).Problem(401);
            Assert.Contains("X-Api-Key", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
            await (await client.SendAsync(Request(HttpMethod.Get, path, "wrong"))).Problem(401);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Request(HttpMethod.Get, path, "alice-key"))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Request(HttpMethod.Get, path, "admin-secret"))).StatusCode);
        }
    }

    [Fact]
    public async Task With_PublicApiDocs_the_openapi_document_and_swagger_ui_need_no_key_but_the_endpoints_still_do()
    {
        using var scratch = new Scratch();
        await using var engine = new EngineFactory(scratch.Data, new Dictionary<string, string?> { ["AnnotatorKeys"] = "ann-secret", ["PublicApiDocs"] = "true" });
        var client = engine.CreateClient();
        foreach (string path in Docs)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        }

        await (await client.GetAsync("/datasets")).Problem(401);
    }

    [Fact]
    public async Task Without_keys_the_openapi_document_and_swagger_ui_are_open()
    {
        using var scratch = new Scratch();
        await using var engine = new EngineFactory(scratch.Data);
        var client = engine.CreateClient();
        foreach (string path in Docs)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task A_bound_annotator_key_leases_and_answers_only_as_its_own_annotator_and_a_refusal_stores_nothing()
    {
        var keys = new Dictionary<string, string?> { ["AdminKeys"] = "admin-secret", ["AnnotatorKeys"] = "alice:alice-key; bob : bob-key" };
        await using var p = await QueryingProject.Start(settings: keys);
        var client = p.Engine.CreateClient();
        string before = await p.Snapshot();

        var refused = await (await Lease(client, p.Project.Id, "alice-key", "bob", count: p.Round.Queries)).Problem(403);
        Assert.Equal("This API key answers as 'alice', not 'bob'.", refused.GetProperty("detail").GetString());
        await (await Lease(client, p.Project.Id, "bob-key", "alice")).Problem(403);
        Assert.Equal(before, await p.Snapshot());

        // Nothing was leased to bob: alice, asking for every query, gets every one.
        var leased = await (await Lease(client, p.Project.Id, "alice-key", "alice", count: p.Round.Queries)).Read<QueryBatchDto>();
        Assert.Equal(p.Round.Queries, leased.Queries.Count);
        long query = leased.Queries[0].Id;

        string leasedOnly = await p.Snapshot();
        var wrongName = await (await Answer(client, p.Project.Id, "alice-key", "batch-1", "bob", query)).Problem(403);
        Assert.Equal("This API key answers as 'alice', not 'bob'.", wrongName.GetProperty("detail").GetString());
        Assert.Equal(leasedOnly, await p.Snapshot());

        // The refused batch left no idempotency record: the same key with alice's body is a first submission, not a 422.
        Assert.Equal(1, (await (await Answer(client, p.Project.Id, "alice-key", "batch-1", "alice", query)).Read<AnswerBatchResponse>()).Accepted);
        Assert.NotEqual(leasedOnly, await p.Snapshot());
    }

    [Fact]
    public async Task An_unbound_annotator_key_and_an_admin_key_lease_and_answer_as_any_annotator()
    {
        var keys = new Dictionary<string, string?> { ["AdminKeys"] = "admin-secret", ["AnnotatorKeys"] = "alice:alice-key;free-key" };
        await using var p = await QueryingProject.Start(settings: keys);
        var client = p.Engine.CreateClient();
        foreach (var (key, annotator) in new[] { ("free-key", "carol"), ("free-key", "alice"), ("admin-secret", "dave"), ("admin-secret", "alice") })
        {
            var leased = await (await Lease(client, p.Project.Id, key, annotator)).Read<QueryBatchDto>();
            var query = Assert.Single(leased.Queries);
            Assert.Equal(annotator, leased.Annotator);
            var answered = await (await Answer(client, p.Project.Id, key, $"{key}-{annotator}", annotator, query.Id)).Read<AnswerBatchResponse>();
            Assert.Equal(1, answered.Accepted);
        }
    }

    [Fact]
    public void Annotator_keys_bind_to_the_name_before_the_first_colon_and_bad_entries_are_refused_without_echoing_the_secret()
    {
        var options = new EngineOptions { AnnotatorKeys = "alice:k:with:colons; plain ;bob : b-key" };
        Assert.Equal([new AnnotatorKey("alice", "k:with:colons"), new AnnotatorKey(null, "plain"), new AnnotatorKey("bob", "b-key")], options.AnnotatorKeyList);
        Assert.True(options.KeysRequired);
        options.Validate();

        var emptyName = Assert.Throws<ArgumentException>(() => new EngineOptions { AnnotatorKeys = "ok;:secret-1" }.Validate());
        Assert.DoesNotContain("secret-1", emptyName.Message, StringComparison.Ordinal);
        var emptyKey = Assert.Throws<ArgumentException>(() => new EngineOptions { AnnotatorKeys = "alice:" }.Validate());
        Assert.Contains("'alice'", emptyKey.Message, StringComparison.Ordinal);
    }
}
