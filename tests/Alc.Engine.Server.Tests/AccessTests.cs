using System.Net;
using Alc.Engine.Server.Contracts;

namespace Alc.Engine.Server.Tests;

/// <summary>API keys: with keys configured every endpoint but health needs X-Api-Key; annotators may only lease, read and answer queries.</summary>
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

    [Fact]
    public async Task Keys_gate_every_endpoint_but_health_and_annotators_only_reach_queries_and_answers()
    {
        var keys = new Dictionary<string, string?> { ["AdminKeys"] = "admin-secret", ["AnnotatorKeys"] = "ann-secret;ann-two" };
        await using var p = await QueryingProject.Start(settings: keys);
        // The fixture set up with the admin key; this client sends only the keys each request names.
        var client = p.Engine.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
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
}
