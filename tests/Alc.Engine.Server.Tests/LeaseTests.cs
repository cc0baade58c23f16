using Alc.Engine.Server.Contracts;
using Microsoft.Extensions.Time.Testing;

namespace Alc.Engine.Server.Tests;

/// <summary>Leases: disjoint under concurrency, renewed for their holder, returned to the pool when they expire.</summary>
public sealed class LeaseTests
{
    [Fact]
    public async Task Eight_parallel_annotators_get_disjoint_leases_that_cover_the_round()
    {
        await using var p = await QueryingProject.Start(budget: 40);
        Assert.Equal(40, p.Round.Queries);
        var batches = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            p.Client.Lease(p.Project.Id, $"annotator-{i}", 5)));
        var ids = batches.SelectMany(b => b.Queries.Select(q => q.Id)).ToList();
        Assert.Equal(40, ids.Count);
        Assert.Equal(40, ids.Distinct().Count());
        Assert.All(batches.Select((b, i) => (b, i)), x => Assert.All(x.b.Queries, q => Assert.Equal($"annotator-{x.i}", q.LeaseOwner)));

        // Nothing is left for a ninth; a holder asking again gets its own queries back, renewed.
        Assert.Empty((await p.Client.Lease(p.Project.Id, "late", 5)).Queries);
        var again = await p.Client.Lease(p.Project.Id, "annotator-3", 5);
        Assert.Equal(batches[3].Queries.Select(q => q.Id).Order(), again.Queries.Select(q => q.Id).Order());
    }

    [Fact]
    public async Task A_foreign_lease_is_409_an_expired_lease_is_409_for_its_holder_and_its_query_returns_to_the_pool()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        await using var p = await QueryingProject.Start(settings: new Dictionary<string, string?> { ["LeaseSeconds"] = "60" }, clock: clock);
        var alice = await p.Client.Lease(p.Project.Id, "alice", 2);
        long held = alice.Queries[0].Id;
        string before = await p.Snapshot();
        var foreign = await (await p.Client.Answer(p.Project.Id, "bob-1",
            new AnswerBatchRequest { Annotator = "bob", Answers = [new AnswerItem { QueryId = held, Verdict = Verdict.Confirm }] })).Problem(409);
        Assert.Contains("leased to another annotator", foreign.GetProperty("errors").GetProperty("answers[0]")[0].GetString());
        Assert.Equal(before, await p.Snapshot());

        clock.Advance(TimeSpan.FromSeconds(61));
        // A lapsed lease is held by nobody: the query shows no owner from now on.
        Assert.Null((await p.Client.Get<QueryDto>($"/queries/{held}")).LeaseOwner);
        before = await p.Snapshot();
        var expired = await (await p.Client.Answer(p.Project.Id, "alice-1",
            new AnswerBatchRequest { Annotator = "alice", Answers = [new AnswerItem { QueryId = held, Verdict = Verdict.Confirm }] })).Problem(409);
        Assert.Contains("expired", expired.GetProperty("errors").GetProperty("answers[0]")[0].GetString());
        Assert.Equal(before, await p.Snapshot());

        // Expired leases go back to the pool: bob now gets alice's queries first (they are the best scored).
        var bob = await p.Client.Lease(p.Project.Id, "bob", 2);
        Assert.Equal(alice.Queries.Select(q => q.Id), bob.Queries.Select(q => q.Id));
        var accepted = await (await p.Client.Answer(p.Project.Id, "bob-2",
            new AnswerBatchRequest { Annotator = "bob", Answers = [new AnswerItem { QueryId = held, Verdict = Verdict.Confirm }] })).Read<AnswerBatchResponse>();
        Assert.Equal(1, accepted.Accepted);
    }

    [Fact]
    public async Task Leases_are_held_in_memory_a_restart_frees_them_and_a_freed_query_is_answerable_by_anyone()
    {
        await using var p = await QueryingProject.Start();
        var alice = await p.Client.Lease(p.Project.Id, "alice", 2);
        Assert.Equal("alice", (await p.Client.Get<QueryDto>($"/queries/{alice.Queries[0].Id}")).LeaseOwner);
        var bob = await p.Client.Lease(p.Project.Id, "bob", 6);
        Assert.Equal(4, bob.Queries.Count);

        // A new engine on the same database: the answers are there, the leases are not.
        await using var restarted = new EngineFactory(p.Scratch.Data, new Dictionary<string, string?> { ["AllowedImportRoots"] = p.Scratch.Imports });
        using var client = restarted.CreateClient();
        var query = await client.Get<QueryDto>($"/queries/{alice.Queries[0].Id}");
        Assert.Null(query.LeaseOwner);
        Assert.Null(query.LeaseExpiresAt);
        var carol = await client.Lease(p.Project.Id, "carol", 2);
        Assert.Equal(alice.Queries.Select(q => q.Id), carol.Queries.Select(q => q.Id));
        Assert.Equal(6, carol.Remaining);

        // bob's leases went with the restart: erin may answer one of his queries, since nobody holds it now.
        var answered = await (await client.Answer(p.Project.Id, "erin-1", new AnswerBatchRequest
        {
            Annotator = "erin", Answers = [new AnswerItem { QueryId = bob.Queries[0].Id, Verdict = Verdict.Confirm }],
        })).Read<AnswerBatchResponse>();
        Assert.Equal((1, 5), (answered.Accepted, answered.Remaining));
    }

    [Fact]
    public async Task Lease_count_and_annotator_are_validated()
    {
        await using var p = await QueryingProject.Start();
        await (await p.Client.Post($"/projects/{p.Project.Id}/leases", new { annotator = "a", count = 0 })).Problem(400);
        await (await p.Client.Post($"/projects/{p.Project.Id}/leases", new { annotator = "a", count = 101 })).Problem(400);
        await (await p.Client.Post($"/projects/{p.Project.Id}/leases", new { count = 1 })).Problem(400);
        await (await p.Client.Post($"/projects/{p.Project.Id}/leases", new { annotator = "a", count = "x" })).Problem(400);
        // A GET that changed who holds a query would be replayed by caches and crawlers: leasing is a POST only.
        Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, (await p.Client.GetAsync($"/projects/{p.Project.Id}/leases")).StatusCode);
    }
}
