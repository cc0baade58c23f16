using System.Net;
using System.Text.Json;
using Alc.Build;

namespace Alc.Engine.Server.Tests.Packaging;

/// <summary>
/// The repository's Dockerfile, checked without Docker (none runs here). The test replays its build stage
/// (<see cref="DockerBuildStage"/>) and starts the published engine as the runtime stage would: ENTRYPOINT + CMD, plus
/// the docs' <c>--demo</c>, in the publish folder, with the stage's ENV and scratch data directory and port. It asks
/// /health, runs the HEALTHCHECK command itself, trains a demo round (libtorch loads), and checks the published
/// TorchSharp library, the notice files the runtime stage copies, and that docs/licence.md names every published
/// package. What it cannot check: the base images' contents, USER, VOLUME and the layer cache.
/// </summary>
public sealed class DockerfilePublishTests : IDisposable
{
    private const string Runtime = "runtime";
    private readonly Scratch _scratch = new();

    [Fact]
    public async Task The_Dockerfile_publish_serves_health_passes_its_healthcheck_trains_a_demo_round_and_ships_the_patched_TorchSharp_library()
    {
        string root = OpenApiDocumentTests.RepositoryRoot();
        var dockerfile = DockerfileText.Parse(File.ReadAllText(Path.Combine(root, "Dockerfile")));
        var context = DockerContext.Open(root);
        string app = await DockerBuildStage.Publish(dockerfile, context, _scratch.Root);

        // The runtime stage takes exactly that folder and runs the engine from it.
        Assert.Contains(dockerfile.Stage(Runtime), i => i.Keyword == "COPY" && i.Arguments == $"--from={DockerBuildStage.Name} {DockerBuildStage.ImageOutput} .");
        Assert.Equal(DockerBuildStage.ImageOutput, dockerfile.Single(Runtime, "WORKDIR").Arguments);
        var environment = dockerfile.Environment(Runtime).ToDictionary();
        Assert.Equal("/data", environment["ALC_DATADIRECTORY"]);
        Assert.Equal("/data", dockerfile.Single(Runtime, "VOLUME").Arguments);
        Assert.Equal("http://0.0.0.0:5080", environment["ALC_URLS"]);
        Assert.Equal("5080", dockerfile.Single(Runtime, "EXPOSE").Arguments);
        int port = EngineProcess.FreePort();
        environment["ALC_DATADIRECTORY"] = _scratch.Data;
        environment["ALC_URLS"] = $"http://127.0.0.1:{port}";
        var entrypoint = dockerfile.Single(Runtime, "ENTRYPOINT");
        var command = entrypoint.ExecForm(entrypoint.Arguments).Concat(entrypoint.ExecForm(dockerfile.Single(Runtime, "CMD").Arguments)).ToList();
        Assert.Equal(["dotnet", "alc-engine.dll", "serve"], command);
        command.Add("--demo"); // as docs/packaging.md's docker run; 10 iterations keep its training short
        environment["ALC_DEMOITERATIONS"] = "10";

        using (var engine = await EngineProcess.Start(command, app, new Uri($"http://127.0.0.1:{port}"), environment))
        {
            using var client = engine.Client();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
            Assert.True(File.Exists(Path.Combine(_scratch.Data, "alc.db")), "the engine keeps its database in ALC_DATADIRECTORY");

            var healthcheck = dockerfile.Single(Runtime, "HEALTHCHECK");
            int cmd = healthcheck.Arguments.IndexOf(" CMD ", StringComparison.Ordinal);
            var probe = healthcheck.ExecForm(healthcheck.Arguments[(cmd + 5)..]);
            Assert.Contains("127.0.0.1/5080", probe[^1], StringComparison.Ordinal);
            var (healthy, output) = await Probe(probe, port);
            Assert.True(healthy == 0, $"the HEALTHCHECK command failed against the running engine ({healthy}): {output}");
            var (unhealthy, _) = await Probe(probe, EngineProcess.FreePort());
            Assert.NotEqual(0, unhealthy);

            // Training loads libtorch through the published libLibTorchSharp.so.
            await TrainDemoRound(client, engine);
        }

        AssertRuntimeCopiesResolve(dockerfile, context, Path.Combine(app, "alc-engine.deps.json"));
        using (var deps = File.OpenRead(Path.Combine(app, "alc-engine.deps.json")))
        {
            Assert.Empty(LicenceList.Unlisted(deps, root));
        }

        // -r linux-x64: the native libraries at the root and no other RID's; TorchSharp's is the fix's patched copy.
        Assert.False(Directory.Exists(Path.Combine(app, "runtimes")), "only linux-x64 native libraries are published");
        var need = ElfImage.Read(Path.Combine(app, "libLibTorchSharp.so")).FindVersionNeed("libstdc++.so.6", "GLIBCXX_3.4.32");
        Assert.NotNull(need);
        Assert.True(need.IsWeak, "the published libLibTorchSharp.so needs GLIBCXX_3.4.32 weakly (build/TorchSharpGlibcxxFix.md)");
    }

    public void Dispose() => _scratch.Dispose();

    // The runtime stage's other COPY lines: context files that .dockerignore keeps, or a file of a package the publish
    // resolved, as <id>/*/<file> in the build stage's package folder (this machine's cache stands for it).
    private static void AssertRuntimeCopiesResolve(DockerfileText dockerfile, DockerContext context, string depsJson)
    {
        string imagePackages = dockerfile.Environment(DockerBuildStage.Name)["NUGET_PACKAGES"].TrimEnd('/') + "/";
        using var deps = JsonDocument.Parse(File.ReadAllText(depsJson));
        var versions = deps.RootElement.GetProperty("libraries").EnumerateObject()
            .Select(l => l.Name.Split('/'))
            .ToDictionary(n => n[0].ToLowerInvariant(), n => n[1]);
        foreach (var copy in dockerfile.Stage(Runtime).Where(i => i.Keyword == "COPY" && !i.Arguments.EndsWith($" {DockerBuildStage.ImageOutput} .", StringComparison.Ordinal)))
        {
            string[] words = copy.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            bool fromBuild = words[0] == $"--from={DockerBuildStage.Name}";
            foreach (string source in words[(fromBuild ? 1 : 0)..^1])
            {
                if (fromBuild)
                {
                    string[] path = source.StartsWith(imagePackages, StringComparison.Ordinal) ? source[imagePackages.Length..].Split('/') : [];
                    Assert.True(path.Length == 3 && path[1] == "*" && versions.ContainsKey(path[0]), $"COPY {copy.Arguments}: {source} is not <NUGET_PACKAGES>/<published package>/*/<file>");
                    Assert.True(File.Exists(Path.Combine(DockerBuildStage.LocalPackages, path[0], versions[path[0]], path[2])), $"COPY {copy.Arguments}: {path[0]} {versions[path[0]]} has no {path[2]}");
                }
                else
                {
                    Assert.True(File.Exists(Path.Combine(context.Root, source)) && !context.IsExcluded(source), $"COPY {copy.Arguments}: {source} is not in the build context");
                }
            }
        }
    }

    private static async Task TrainDemoRound(HttpClient client, EngineProcess engine)
    {
        using var started = await client.PostAsync("/projects/1/rounds", null);
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, $"POST /projects/1/rounds: {started.StatusCode} {await started.Content.ReadAsStringAsync()}");
        using var round = JsonDocument.Parse(await started.Content.ReadAsStringAsync());
        long job = round.RootElement.GetProperty("job").GetProperty("id").GetInt64();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            using var state = JsonDocument.Parse(await client.GetStringAsync($"/jobs/{job}"));
            string? value = state.RootElement.GetProperty("state").GetString();
            if (value is "succeeded" or "failed" or "cancelled")
            {
                Assert.True(value == "succeeded", $"the demo round's training {value}: {state.RootElement}\n{engine.Log}");
                return;
            }

            await Task.Delay(500);
        }

        Assert.Fail($"the demo round did not finish training within 120 s:\n{engine.Log}");
    }

    // The exec-form HEALTHCHECK command with the image's port 5080 swapped for this test's.
    private static Task<(int Exit, string Output)> Probe(IReadOnlyList<string> probe, int port) =>
        DotnetCommand.Program(probe[0], Path.GetTempPath(), probe.Skip(1).Select(a => a.Replace("127.0.0.1/5080", $"127.0.0.1/{port}", StringComparison.Ordinal)), timeout: TimeSpan.FromSeconds(10));
}
