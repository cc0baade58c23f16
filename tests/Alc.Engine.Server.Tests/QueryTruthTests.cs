using System.Net;
using Alc.Engine.Server.Contracts;

namespace Alc.Engine.Server.Tests;

/// <summary><c>GET /queries/{id}/ground-truth</c>: what a perfect annotator answers, for administrators only.</summary>
public sealed class QueryTruthTests
{
    [Fact]
    public async Task Each_query_s_ground_truth_is_the_dataset_s_ground_truth_at_its_pixel()
    {
        await using var project = await QueryingProject.Start(budget: 8);
        var client = project.Client;
        var truth = new GroundTruth(client, project.Dataset.Id, project.Dataset.Classes.Count);
        var batch = await client.Lease(project.Project.Id, "ann", 8);
        Assert.NotEmpty(batch.Queries);
        foreach (var query in batch.Queries)
        {
            var map = await truth.Map(query.ImageId);
            int expected = map[(query.Y * map.Width) + query.X];
            var dto = await client.Get<QueryTruthDto>($"/queries/{query.Id}/ground-truth");
            Assert.Equal((query.Id, query.ShownLabel, expected, expected == query.ShownLabel), (dto.QueryId, dto.ShownLabel, dto.Label, dto.ShownIsRight));
            Assert.Equal(expected == 255 ? "ignore" : project.Dataset.Classes[expected].Name, dto.Class);
        }

        await (await client.GetAsync("/queries/999999/ground-truth")).Problem(404);
    }

    [Fact]
    public async Task An_annotator_key_may_not_read_it()
    {
        await using var project = await QueryingProject.Start(settings: new Dictionary<string, string?> { ["AdminKeys"] = "admin-secret", ["AnnotatorKeys"] = "ann-secret" });
        var query = (await project.Client.Lease(project.Project.Id, "ann", 1)).Queries[0];
        using var annotator = project.Engine.CreateClient();
        annotator.DefaultRequestHeaders.Add("X-Api-Key", "ann-secret");
        Assert.Equal(HttpStatusCode.Forbidden, (await annotator.GetAsync($"/queries/{query.Id}/ground-truth")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await project.Client.GetAsync($"/queries/{query.Id}/ground-truth")).StatusCode);
    }

    [Fact]
    public async Task A_dataset_without_ground_truth_answers_404_naming_why()
    {
        using var scratch = new Scratch();
        string world = scratch.WriteWorld();
        Directory.Delete(Path.Combine(world, "gt"), recursive: true);
        await using var engine = new EngineFactory(scratch.Data, new Dictionary<string, string?> { ["AllowedImportRoots"] = scratch.Imports });
        var client = engine.CreateClient();
        var dataset = await client.ImportWorld("no-gt", world);
        var created = await client.CreateProject(dataset.Id, "p");
        await client.RunRound(created.Id);
        var query = (await client.Lease(created.Id, "ann", 1)).Queries[0];
        var problem = await (await client.GetAsync($"/queries/{query.Id}/ground-truth")).Problem(404);
        Assert.Contains("has none", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
