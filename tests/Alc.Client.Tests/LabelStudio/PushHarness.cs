using System.Text.Json;
using System.Text.Json.Nodes;
using Alc.Cli.LabelStudio;

namespace Alc.Client.Tests.LabelStudio;

/// <summary>
/// An engine whose Label Studio endpoints are secured (Basic auth and webhook secret) with a project whose first round is
/// querying, reached through the CLI; the Label Studio contract fake, able to call the engine's ML backend routes;
/// and <c>alc</c> wired to both (the engine in-process at <c>http://localhost/</c>, the fake over sockets).
/// </summary>
internal sealed class PushHarness : IAsyncDisposable
{
    /// <summary>The Label Studio access token the fake accepts.</summary>
    public const string Token = "ls-token-5f1e";

    /// <summary>The engine's <c>LabelStudio:BasicAuth</c>.</summary>
    public const string Basic = "labelstudio:pa55:word";

    /// <summary>The engine's <c>LabelStudio:WebhookSecret</c>.</summary>
    public const string Secret = "w3bh00k-secret";

    private PushHarness(InProcessEngine engine, LabelStudioContractFake labelStudio)
    {
        Engine = engine;
        LabelStudio = labelStudio;
        // The engine's Label Studio routes as Label Studio reads them: with the Basic auth.
        Reader = AlcClient.Create(engine.Factory.Server.BaseAddress, null, new BasicAuthHandler(BasicAuth.Parse(Basic)) { InnerHandler = engine.Factory.Server.CreateHandler() });
    }

    /// <summary>The engine, Label Studio endpoints secured with <see cref="Basic"/> and <see cref="Secret"/>.</summary>
    public InProcessEngine Engine { get; }

    /// <summary>The Label Studio contract fake, which checks ML backends against <see cref="Engine"/>.</summary>
    public LabelStudioContractFake LabelStudio { get; }

    /// <summary>The engine project whose round is querying.</summary>
    public long Project { get; private set; }

    /// <summary>An SDK client of the engine that sends the Label Studio Basic auth.</summary>
    public IAlcApi Reader { get; }

    /// <summary>The engine's address as the CLI and the fake's ML check see it.</summary>
    public string EngineUrl => Engine.Factory.Server.BaseAddress.AbsoluteUri.TrimEnd('/');

    /// <summary>Starts both and brings a project of <paramref name="budget"/> queries per round to its querying first round through the CLI.</summary>
    public static async Task<PushHarness> StartAsync(int budget = 5)
    {
        var engine = new InProcessEngine(new Dictionary<string, string?> { ["LabelStudio:BasicAuth"] = Basic, ["LabelStudio:WebhookSecret"] = Secret });
        var harness = new PushHarness(engine, await LabelStudioContractFake.StartAsync(Token, engine.Factory.Server.CreateHandler()));
        var (code, output) = await harness.Alc("datasets", "import", "--name", "world", "--path", engine.World, "--json");
        Assert.True(code == 0, output);
        long dataset = JsonSerializer.Deserialize<List<DatasetDto>>(output, AlcJson.Options)!.Single().Id;
        (code, output) = await harness.Alc("projects", "create", "--name", "ls", "--dataset", $"{dataset}", "--budget", $"{budget}", "--iterations", "4", "--crop", "32", "--json");
        Assert.True(code == 0, output);
        harness.Project = JsonSerializer.Deserialize<ProjectDto>(output, AlcJson.Options)!.Id;
        await harness.TrainAsync();
        return harness;
    }

    /// <summary>Runs <c>alc … --url {engine}</c>: requests to localhost go to the in-process engine, others over sockets.</summary>
    public Task<(int Code, string Output)> Alc(params string[] args) =>
        CliRunner.RunAsync([.. args, "--url", EngineUrl], transport: url => url.Host == "localhost" ? Engine.Factory.Server.CreateHandler() : new SocketsHttpHandler());

    /// <summary>The arguments of a push with every option given: the fake's URL and token, the engine's secret and Basic auth.</summary>
    public string[] Push(params string[] extra) =>
        ["labelstudio", "push", $"{Project}", "--ls-url", LabelStudio.Url.AbsoluteUri, "--ls-token", Token, "--webhook-secret", Secret, "--basic-auth", Basic, .. extra];

    /// <summary>Trains the next round and waits until its queries are ready.</summary>
    public async Task TrainAsync()
    {
        var (code, output) = await Alc("train", $"{Project}", "--wait");
        Assert.True(code == 0, output);
    }

    /// <summary>Answers every query of the querying round through the CLI (confirm), closing it.</summary>
    public async Task AnswerRoundAsync()
    {
        var (code, output) = await Alc("queries", "next", $"{Project}", "--annotator", "ann", "--count", "100", "--json");
        Assert.True(code == 0, output);
        var batch = JsonSerializer.Deserialize<QueryBatchDto>(output, AlcJson.Options)!;
        string file = Path.Combine(Engine.Scratch.Root, $"answers-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new AnswerBatchRequest
        {
            Annotator = "ann",
            Answers = batch.Queries.Select(q => new AnswerItem { QueryId = q.Id, Verdict = Verdict.Confirm, ElapsedMs = 1000 }).ToList(),
        }, AlcJson.Options));
        (code, output) = await Alc("answers", "submit", $"{Project}", file);
        Assert.True(code == 0, output);
    }

    /// <summary>The engine's <c>config.xml</c>.</summary>
    public async Task<string> ConfigAsync()
    {
        using var response = await Reader.LabelStudioConfigAsync(Project).EnsureSuccess();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The engine's <c>tasks.json</c>.</summary>
    public async Task<JsonArray> TasksAsync() => JsonSerializer.SerializeToNode(await Reader.LabelStudioTasksAsync(Project).ContentOrThrow())!.AsArray();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await LabelStudio.DisposeAsync();
        await Engine.DisposeAsync();
    }
}
