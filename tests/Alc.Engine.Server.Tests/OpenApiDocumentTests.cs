namespace Alc.Engine.Server.Tests;

/// <summary>The checked-in contract (openapi/alc.v1.json) is exactly what the engine serves.</summary>
public sealed class OpenApiDocumentTests : IDisposable
{
    private readonly Scratch _scratch = new();

    [Fact]
    public async Task The_served_document_equals_the_checked_in_one()
    {
        string root = RepositoryRoot();
        string file = Path.Combine(root, "openapi", "alc.v1.json");
        await using var engine = new EngineFactory(_scratch.Data);
        string served = (await engine.CreateClient().GetStringAsync("/openapi/v1.json")).TrimEnd() + "\n";
        Assert.True(File.Exists(file), "openapi/alc.v1.json is missing; regenerate it: dotnet run --project engine/Alc.Engine -- openapi --out openapi/alc.v1.json");
        string checkedIn = File.ReadAllText(file).ReplaceLineEndings("\n");
        Assert.True(served == checkedIn,
            "openapi/alc.v1.json differs from the served document; regenerate it: dotnet run --project engine/Alc.Engine -- openapi --out openapi/alc.v1.json");
    }

    [Fact]
    public async Task Only_the_operations_that_check_a_key_declare_the_api_key_requirement()
    {
        await using var engine = new EngineFactory(_scratch.Data);
        using var document = System.Text.Json.JsonDocument.Parse(await engine.CreateClient().GetStringAsync("/openapi/v1.json"));
        Assert.False(document.RootElement.TryGetProperty("security", out _), "no document-wide requirement");
        var secured = new Dictionary<string, bool>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                secured[$"{operation.Name.ToUpperInvariant()} {path.Name}"] = operation.Value.TryGetProperty("security", out var security)
                    && security.EnumerateArray().Any(r => r.TryGetProperty("ApiKey", out _));
            }
        }

        Assert.False(secured["GET /health"]);
        Assert.False(secured["GET /ready"]);
        Assert.True(secured["POST /projects/{projectId}/rounds"]);
        Assert.True(secured["GET /jobs/{jobId}"]);
        Assert.True(secured.Count(s => s.Value) > 20, "the key requirement stays on the protected operations");
    }

    [Fact]
    public async Task Every_operation_is_named_summarised_and_tagged_and_every_error_is_problem_json()
    {
        await using var engine = new EngineFactory(_scratch.Data);
        using var document = System.Text.Json.JsonDocument.Parse(await engine.CreateClient().GetStringAsync("/openapi/v1.json"));
        var ids = new List<string>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                string where = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                ids.Add(operation.Value.GetProperty("operationId").GetString()!);
                Assert.False(string.IsNullOrWhiteSpace(operation.Value.GetProperty("summary").GetString()), where);
                Assert.Equal(1, operation.Value.GetProperty("tags").GetArrayLength());
                foreach (var response in operation.Value.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
                {
                    Assert.True(response.Value.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{where} {response.Name}");
                }
            }
        }

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(ids.Count >= 30, $"only {ids.Count} operations");
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Alc.Engine.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("Alc.Engine.sln not found above the test binaries.");
    }

    public void Dispose() => _scratch.Dispose();
}
