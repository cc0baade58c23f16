using Alc.Engine.Server.Contracts;

namespace Alc.Engine.Server.Tests;

/// <summary>An engine with the small world imported and a project whose first round is querying.</summary>
internal sealed class QueryingProject : IAsyncDisposable
{
    private QueryingProject(Scratch scratch, EngineFactory engine, HttpClient client, DatasetDto dataset, ProjectDto project, RoundDto round)
    {
        Scratch = scratch;
        Engine = engine;
        Client = client;
        Dataset = dataset;
        Project = project;
        Round = round;
    }

    public Scratch Scratch { get; }

    public EngineFactory Engine { get; }

    public HttpClient Client { get; }

    public DatasetDto Dataset { get; }

    public ProjectDto Project { get; }

    public RoundDto Round { get; }

    public static async Task<QueryingProject> Start(int budget = 6, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null,
        Alc.Core.World.WorldOptions? world = null)
    {
        var scratch = new Scratch();
        string folder = scratch.WriteWorld(options: world);
        var all = new Dictionary<string, string?> { ["AllowedImportRoots"] = scratch.Imports };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var engine = new EngineFactory(scratch.Data, all, clock);
        var client = engine.CreateClient();
        if (all.GetValueOrDefault("AdminKeys") is string keys)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", keys.Split(';')[0]);
        }

        var dataset = await client.ImportWorld("world", folder);
        var project = await client.CreateProject(dataset.Id, "project", budget: budget);
        var round = await client.RunRound(project.Id);
        return new QueryingProject(scratch, engine, client, dataset, project, round);
    }

    /// <summary>Everything a bad request must leave unchanged: datasets, the project with its totals and round, metrics, every query.</summary>
    public async Task<string> Snapshot()
    {
        var parts = new List<string>
        {
            await Client.GetStringAsync("/datasets"),
            await Client.GetStringAsync($"/projects/{Project.Id}"),
            await Client.GetStringAsync($"/projects/{Project.Id}/metrics"),
            await Client.GetStringAsync($"/projects/{Project.Id}/rounds"),
        };
        for (long id = 1; id <= Round.Queries; id++)
        {
            parts.Add(await Client.GetStringAsync($"/queries/{id}"));
        }

        return string.Join("\n", parts);
    }

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        Scratch.Dispose();
    }
}
