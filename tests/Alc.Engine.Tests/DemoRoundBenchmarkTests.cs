using Alc.Engine.Cli;

namespace Alc.Engine.Tests;

/// <summary>
/// <c>bench-demo</c>'s measurement, with the demo's training shortened (the real figure comes from the command in
/// Release): each round is followed through the job's stages in pipeline order and timed until its queries are ready.
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
                // The demo project: the default strategy, B = 20, so every stage of the pipeline runs, in order.
                Assert.Equal(["train", "measure", "autoCorrect", "select"], t.Stages.Select(s => s.Stage));
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
