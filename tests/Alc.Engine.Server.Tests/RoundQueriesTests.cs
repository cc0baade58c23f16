using Alc.Engine.Server.Contracts;

namespace Alc.Engine.Server.Tests;

/// <summary><c>GET /projects/{id}/rounds/{n}/queries</c>: the whole round in asking order, filtered and paged, leasing nothing.</summary>
public sealed class RoundQueriesTests
{
    [Fact]
    public async Task The_list_shows_every_query_in_asking_order_with_leases_and_answers_and_leases_nothing()
    {
        await using var project = await QueryingProject.Start(budget: 6);
        var client = project.Client;
        string path = $"/projects/{project.Project.Id}/rounds/{project.Round.Number}/queries";
        var all = await client.Get<QueryPageDto>(path);
        Assert.Equal((6, 0, 6), (all.Total, all.Offset, all.Items.Count));
        Assert.Equal(all.Items.Select(q => q.Score).OrderDescending(), all.Items.Select(q => q.Score));
        Assert.All(all.Items, q => Assert.Null(q.LeaseOwner));
        // Listing leased nothing: a lease still gets the round's first query.
        var leased = await client.Lease(project.Project.Id, "ann", 2);
        Assert.Equal(all.Items.Take(2).Select(q => q.Id), leased.Queries.Select(q => q.Id));

        await (await client.Answer(project.Project.Id, "list-1", new AnswerBatchRequest
        {
            Annotator = "ann",
            Answers = [new AnswerItem { QueryId = leased.Queries[0].Id, Verdict = Verdict.Confirm }],
        })).Read<AnswerBatchResponse>();

        var answered = await client.Get<QueryPageDto>($"{path}?state=answered");
        Assert.Equal([leased.Queries[0].Id], answered.Items.Select(q => q.Id));
        var open = await client.Get<QueryPageDto>($"{path}?state=open");
        Assert.Equal(all.Items.Where(q => q.Id != leased.Queries[0].Id).Select(q => q.Id), open.Items.Select(q => q.Id));
        Assert.Equal(("ann", leased.Queries[1].Id), (open.Items[0].LeaseOwner, open.Items[0].Id)); // the second leased query, still held
        Assert.All(open.Items.Skip(1), q => Assert.Null(q.LeaseOwner));
        var page = await client.Get<QueryPageDto>($"{path}?state=open&offset=1&limit=2");
        Assert.Equal((5, 1), (page.Total, page.Offset));
        Assert.Equal(open.Items.Skip(1).Take(2).Select(q => q.Id), page.Items.Select(q => q.Id));

        await (await client.GetAsync($"{path}?state=closed")).Problem(400);
        await (await client.GetAsync($"{path}?limit=0")).Problem(400);
        await (await client.GetAsync($"{path}?offset=-1")).Problem(400);
        await (await client.GetAsync($"/projects/{project.Project.Id}/rounds/9/queries")).Problem(404);
        await (await client.GetAsync("/projects/999/rounds/1/queries")).Problem(404);
    }
}
