using Alc.Engine.Server.Tests;

namespace Alc.Client.Tests;

/// <summary>The real engine in-process (WebApplicationFactory, real SQLite file) with the small world ready to import, and an SDK client of it.</summary>
internal sealed class InProcessEngine : IAsyncDisposable
{
    public InProcessEngine(IReadOnlyDictionary<string, string?>? settings = null)
    {
        World = Scratch.WriteWorld();
        var all = new Dictionary<string, string?> { ["AllowedImportRoots"] = Scratch.Imports };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        Factory = new EngineFactory(Scratch.Data, all);
        Recorder = new RequestRecorder { InnerHandler = Factory.Server.CreateHandler() };
        Api = AlcClient.Create(new HttpClient(Recorder) { BaseAddress = Factory.Server.BaseAddress });
    }

    public Scratch Scratch { get; } = new();

    public string World { get; }

    public EngineFactory Factory { get; }

    public RequestRecorder Recorder { get; }

    public IAlcApi Api { get; }

    /// <summary>A client sending <paramref name="apiKey"/> through the SDK's own key handler.</summary>
    public IAlcApi WithKey(string? apiKey) => AlcClient.Create(Factory.Server.BaseAddress, apiKey, Factory.Server.CreateHandler());

    public async Task<DatasetDto> ImportWorld(string name = "world") =>
        await Api.ImportDatasetAsync(new ImportDatasetRequest { Name = name, Path = World }).ContentOrThrow();

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        Scratch.Dispose();
    }
}
