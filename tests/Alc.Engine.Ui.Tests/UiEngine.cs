using System.Net;
using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Tests;
using Microsoft.Playwright;

namespace Alc.Engine.Ui.Tests;

/// <summary>
/// One real <c>alc-engine serve</c> on loopback with its own SQLite file and the small world imported, and one headless
/// Debian chromium driven by Playwright: shared by the browser tests of a collection (each test makes its own project).
/// </summary>
public sealed class UiEngine : IAsyncLifetime, IDisposable
{
    private readonly Scratch _scratch = new();
    private readonly IReadOnlyDictionary<string, string> _environment;
    private IPlaywright? _playwright;

    public UiEngine()
        : this(new Dictionary<string, string>())
    {
    }

    internal UiEngine(IReadOnlyDictionary<string, string> environment) => _environment = environment;

    internal EngineProcess Engine { get; private set; } = null!;

    /// <summary>An HTTP client of the engine (with the admin key when keys are configured).</summary>
    public HttpClient Client { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public DatasetDto Dataset { get; private set; } = null!;

    public string Url(string path = "/ui/") => new Uri(Engine.Address, path).ToString();

    public async Task InitializeAsync()
    {
        string world = _scratch.WriteWorld();
        var environment = new Dictionary<string, string>(_environment) { ["ALC_ALLOWEDIMPORTROOTS"] = _scratch.Imports };
        Engine = await EngineProcess.Start(_scratch.Data, EngineProcess.FreePort(), environment);
        Client = Engine.Client();
        if (_environment.TryGetValue("ALC_ADMINKEYS", out string? keys))
        {
            Client.DefaultRequestHeaders.Add("X-Api-Key", keys.Split(';')[0]);
        }

        Dataset = await Client.ImportWorld("world", world);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(Chromium.Options);
    }

    /// <summary>A project of the small world whose round 1 is querying (SIM: no region checks, so each answer covers its own superpixel).</summary>
    public async Task<(ProjectDto Project, RoundDto Round)> QueryingProject(string name, int budget, int iterations = 4)
    {
        var project = await (await Client.Post("/projects", new CreateProjectRequest
        {
            Name = name, DatasetId = Dataset.Id, Acquisition = "sim", Budget = budget, Iterations = iterations, CropSize = 32, BatchSize = 4,
        })).Read<ProjectDto>(HttpStatusCode.Created);
        return (project, await Client.RunRound(project.Id));
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        Client?.Dispose();
        Engine?.Dispose();
    }

    public void Dispose() => _scratch.Dispose();
}

/// <summary>The browser tests without API keys share one engine and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class UiEngineGroup : ICollectionFixture<UiEngine>
{
    public const string Name = "ui";
}
