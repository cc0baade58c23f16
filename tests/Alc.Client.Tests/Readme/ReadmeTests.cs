using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Alc.Engine.Server.Tests;

namespace Alc.Client.Tests.Readme;

/// <summary>
/// The README is executable documentation: its curl walk-through runs in bash and its C# snippet is compiled and run,
/// both as written (only the engine's address is this test's), against a real <c>alc-engine serve --demo</c> process.
/// The demo project trains with <c>ALC_DEMOITERATIONS=10</c> here so the two rounds fit in CI; every other setting is
/// the demo's.
/// </summary>
public sealed class ReadmeTests : IDisposable
{
    private const string ReadmeAddress = "127.0.0.1:5080";
    private readonly Scratch _scratch = new();

    [Fact]
    public async Task The_curl_walk_through_and_then_the_csharp_snippet_run_a_round_each_against_the_demo()
    {
        string readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        string walkThrough = ReadmeBlocks.Extract(readme, "curl");
        string snippet = ReadmeBlocks.Extract(readme, "csharp");
        Assert.Contains("localhost:5080", walkThrough, StringComparison.Ordinal);
        Assert.Contains($"http://{ReadmeAddress}", snippet, StringComparison.Ordinal);
        SnippetCompiler.Compile(snippet); // fails fast, before an engine starts, when the snippet does not compile as written

        int port = EngineProcess.FreePort();
        using var engine = await EngineProcess.Start(_scratch.Data, port, new Dictionary<string, string> { ["ALC_DEMOITERATIONS"] = "10" }, "--demo");
        using var http = engine.Client();

        string folder = Directory.CreateDirectory(Path.Combine(_scratch.Root, "walk-through")).FullName;
        var (exit, output) = await Bash(walkThrough.Replace("localhost:5080", $"127.0.0.1:{port}", StringComparison.Ordinal), folder);
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
    private static async Task<(int Exit, string Output)> Bash(string script, string folder)
    {
        foreach (string tool in new[] { "curl", "jq" })
        {
            Assert.True(File.Exists($"/usr/bin/{tool}"), $"the README's walk-through needs {tool}: apt-get install -y {tool} (build/test.sh installs it)");
        }

        string path = Path.Combine(folder, "walk-through.sh");
        File.WriteAllText(path, "set -euo pipefail\n" + script);
        var info = new ProcessStartInfo("bash", [path]) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
