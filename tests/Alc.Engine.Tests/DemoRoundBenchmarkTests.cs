using Alc.Engine.Cli;

namespace Alc.Engine.Tests;

/// <summary>
/// <c>bench-demo</c>'s measurement, with the demo's training shortened (the real figure comes from the command in
/// Release, on an idle machine): each round is followed through the job's stages and timed until its queries are ready.
/// </summary>
public sealed class DemoRoundBenchmarkTests
{
    [Fact]
    public async Task Each_round_is_timed_stage_by_stage_until_its_queries_are_ready()
    {
        string scratch = Directory.CreateTempSubdirectory("alc-demo-bench-").FullName;
        try
        {
            var timings = await DemoRoundBenchmark.RunAsync(2, scratch, settings: new Dictionary<string, string?> { ["DemoIterations"] = "4" });
            Assert.Equal([1, 2], timings.Select(t => t.Round));
            foreach (var t in timings)
            {
                // The demo project runs the default strategy's four stages in this order. The stages are seen by polling the job,
                // and on a loaded machine (CI runs test projects side by side) a short stage can pass between two polls: what is
                // seen must be in pipeline order, each stage once.
                string[] pipeline = ["train", "measure", "autoCorrect", "select"];
                var seen = t.Stages.Select(s => Array.IndexOf(pipeline, s.Stage)).ToList();
                Assert.All(seen, i => Assert.True(i >= 0));
                Assert.Equal(seen.Order(), seen);
                Assert.Equal(seen.Distinct().Count(), seen.Count);
                Assert.True(t.ReadySeconds > 0);
                Assert.Equal(20, t.Queries);
                Assert.All(t.Stages, s => Assert.True(s.Seconds >= 0));
                Assert.True(t.Stages.Sum(s => s.Seconds) <= t.ReadySeconds + 1e-9, $"stages {t.Stages.Sum(s => s.Seconds)} s > ready {t.ReadySeconds} s");
            }

            Assert.Empty(Directory.EnumerateFileSystemEntries(scratch)); // the scratch engine is gone
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
