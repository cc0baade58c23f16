using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Alc.Engine.Server.Tests;

namespace Alc.Client.Tests.Readme;

/// <summary>
/// The README is executable documentation: its curl walk-through runs in bash, its C# snippet is compiled and run, and
/// its CLI and VOC blocks run in one bash session from the clone's root, all as written (only the engine's address is
/// this test's: the curl block's host is replaced, the CLI gets it as <c>ALC_URL</c>), in that order, against one real
/// <c>alc-engine serve --demo</c> process started as the README says (the labelme examples allowed as an import root).
/// The demo project trains with <c>ALC_DEMOITERATIONS=10</c> here so its three rounds fit in CI; every other setting is
/// the demo's.
/// </summary>
public sealed class ReadmeTests : IDisposable
{
    private const string ReadmeAddress = "127.0.0.1:5080";
    private const string LabelmeExamples = "/usr/share/doc/labelme-examples/examples";
    private readonly Scratch _scratch = new();

    [Fact]
    public async Task The_curl_walk_through_the_csharp_snippet_and_the_cli_run_a_round_each_then_the_voc_import_against_the_demo()
    {
        string readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        string walkThrough = ReadmeBlocks.Extract(readme, "curl");
        string snippet = ReadmeBlocks.Extract(readme, "csharp");
        string cli = ReadmeBlocks.Extract(readme, "cli") + ReadmeBlocks.Extract(readme, "voc");
        Assert.Contains("localhost:5080", walkThrough, StringComparison.Ordinal);
        Assert.Contains($"http://{ReadmeAddress}", snippet, StringComparison.Ordinal);
        SnippetCompiler.Compile(snippet); // fails fast, before an engine starts, when the snippet does not compile as written

        int port = EngineProcess.FreePort();
        var environment = new Dictionary<string, string> { ["ALC_DEMOITERATIONS"] = "10", ["ALC_ALLOWEDIMPORTROOTS"] = LabelmeExamples };
        using var engine = await EngineProcess.Start(_scratch.Data, port, environment, "--demo");
        using var http = engine.Client();

        string folder = Directory.CreateDirectory(Path.Combine(_scratch.Root, "walk-through")).FullName;
        var (exit, output) = await Bash(walkThrough.Replace("localhost:5080", $"127.0.0.1:{port}", StringComparison.Ordinal), folder, folder);
        Assert.True(exit == 0, $"the README's curl walk-through failed ({exit}):\n{output}\nengine:\n{engine.Log}");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(Path.Combine(folder, "query.png"))[..4]);
        Assert.Equal("PK"u8.ToArray(), File.ReadAllBytes(Path.Combine(folder, "labels.zip"))[..2]);
        using var answers = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "answers.json")));
        Assert.Equal(5, answers.RootElement.GetProperty("answers").GetArrayLength());
        using (var first = JsonDocument.Parse(await http.GetStringAsync("/projects/1/rounds/1")))
        {
            Assert.Equal("closed", first.RootElement.GetProperty("state").GetString());
            Assert.Equal(5, first.RootElement.GetProperty("answered").GetInt32());
        }

        await SnippetCompiler.RunAsync(SnippetCompiler.Compile(snippet.Replace(ReadmeAddress, $"127.0.0.1:{port}", StringComparison.Ordinal)));
        using var second = JsonDocument.Parse(await http.GetStringAsync("/projects/1/rounds/2"));
        Assert.Equal("closed", second.RootElement.GetProperty("state").GetString());
        Assert.Equal(10, second.RootElement.GetProperty("answered").GetInt32());
        var metrics = await http.GetFromJsonAsync<JsonElement>("/projects/1/metrics");
        Assert.Equal(2, metrics.GetProperty("rounds").GetArrayLength());
        Assert.All(metrics.GetProperty("rounds").EnumerateArray(), r => Assert.True(r.GetProperty("dataMIoU").GetDouble() > 0));

        // The CLI block from the clone's root (its scratch folder lands under TMPDIR), then the VOC block in the same session.
        string temporary = Directory.CreateDirectory(Path.Combine(_scratch.Root, "tmp")).FullName;
        (exit, output) = await Bash(cli, Repository.Root, temporary, new() { ["ALC_URL"] = $"http://127.0.0.1:{port}" });
        Assert.True(exit == 0, $"the README's CLI and VOC blocks failed ({exit}):\n{output}\nengine:\n{engine.Log}");
        using (var third = JsonDocument.Parse(await http.GetStringAsync("/projects/1/rounds/3")))
        {
            Assert.Equal("closed", third.RootElement.GetProperty("state").GetString());
            Assert.Equal(5, third.RootElement.GetProperty("answered").GetInt32());
        }

        string crop = Assert.Single(Directory.GetFiles(temporary, "query.png", SearchOption.AllDirectories));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(crop)[..4]);
        using (var labels = System.IO.Compression.ZipFile.OpenRead(Assert.Single(Directory.GetFiles(temporary, "labels.zip", SearchOption.AllDirectories))))
        {
            Assert.Contains(labels.Entries, e => e.FullName == "demo/README.txt");
        }

        // The ONNX model block, with a tiny semantic model where the README says segmenter.onnx is.
        string models = Directory.CreateDirectory(Path.Combine(_scratch.Root, "models")).FullName;
        File.WriteAllBytes(Path.Combine(models, "segmenter.onnx"), Alc.Engine.Server.Tests.Models.OnnxGraphs.Semantic(8));
        (exit, output) = await Bash(ReadmeBlocks.Extract(readme, "models").Replace("localhost:5080", $"127.0.0.1:{port}", StringComparison.Ordinal), models, models);
        Assert.True(exit == 0, $"the README's model block failed ({exit}):\n{output}\nengine:\n{engine.Log}");
        string compact = output.Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("\"classes\":8", compact, StringComparison.Ordinal);
        Assert.Contains("\"state\":\"succeeded\"", compact, StringComparison.Ordinal);
        Assert.Contains("'demo-relabelled':64imageslabelledbymodel'my-segmenter';DatamIoUofitspseudolabels", compact, StringComparison.Ordinal);
        var stored = await http.GetFromJsonAsync<JsonElement>("/models");
        Assert.Equal("my-segmenter", Assert.Single(stored.EnumerateArray()).GetProperty("name").GetString());

        var projects = await http.GetFromJsonAsync<JsonElement>("/projects");
        var labelme = Assert.Single(projects.EnumerateArray(), p => p.GetProperty("name").GetString() == "labelme");
        var round = labelme.GetProperty("currentRound");
        Assert.Equal(("querying", 10), (round.GetProperty("state").GetString(), round.GetProperty("queries").GetInt32()));
    }

    [Fact]
    public void A_snippet_that_does_not_compile_names_its_errors()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => SnippetCompiler.Compile("var api = new ServiceCollection();\n"));
        Assert.Contains("Program.cs(1,15)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CS0246", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_marker_is_an_error_not_an_empty_block()
    {
        Assert.Throws<InvalidOperationException>(() => ReadmeBlocks.Extract("# t\n```bash\necho\n```\n", "curl"));
        Assert.Throws<InvalidOperationException>(() => ReadmeBlocks.Extract("<!-- readme-test: curl -->\ntext\n", "curl"));
        Assert.Equal("echo 1\n", ReadmeBlocks.Extract("<!-- readme-test: curl -->\n```bash\necho 1\n```\n", "curl"));
    }

    public void Dispose() => _scratch.Dispose();

    // bash -e: the first failing command fails the walk-through, as it would for a reader pasting it.
    private static async Task<(int Exit, string Output)> Bash(string script, string workingDirectory, string temporary, Dictionary<string, string>? environment = null)
    {
        foreach (string tool in new[] { "curl", "jq" })
        {
            Assert.True(File.Exists($"/usr/bin/{tool}"), $"the README's walk-through needs {tool}: apt-get install -y {tool} (build/test.sh installs it)");
        }

        string path = Path.Combine(temporary, $"readme-{Guid.NewGuid():N}.sh");
        File.WriteAllText(path, "set -euo pipefail\n" + script);
        var info = new ProcessStartInfo("bash", [path]) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["TMPDIR"] = temporary;
        foreach (var (name, value) in environment ?? [])
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
