using Alc.Bench;
using Alc.Campaigns;
using Alc.Campaigns.AutoCorrection;

namespace Alc.Engine.Tests;

public class BenchTablesTests
{
    private static BenchRun Run(string name, long seed, params (long Clicks, double Data)[] rounds) =>
        new(name, seed, rounds.Select((r, t) => new RoundRecord { Round = t, Clicks = r.Clicks, DataMIoU = r.Data }).ToList());

    [Fact]
    public void Budget_to_target_interpolates_the_seed_mean_curve()
    {
        // sim ends at mean 0.70 after 200 clicks. "fast" (mean curve 0.5, 0.6, 0.8) crosses 0.70 halfway between 100 and 200 → 150.
        var results = new BenchResults
        {
            Dataset = "w",
            Config = new BenchConfig(2, 100, [1, 2], 0, "m", 1, 1, 1, "FromInitial", "gt", 0, "Cpu", 1, 1, 2, 1),
            Runs =
            [
                Run("sim", 1, (0, 0.5), (100, 0.6), (200, 0.68)), Run("sim", 2, (0, 0.5), (100, 0.6), (200, 0.72)),
                Run("fast", 1, (0, 0.5), (100, 0.6), (200, 0.8)), Run("fast", 2, (0, 0.5), (100, 0.6), (200, 0.8)),
                Run("slow", 1, (0, 0.5), (100, 0.55), (200, 0.6)),
            ],
        };
        var target = BudgetToTarget.Of(results)!.Value;
        Assert.Equal(0.70, target.Target, 12);
        Assert.Equal(200, target.Clicks);
        Assert.Equal(150, BudgetToTarget.Clicks(results.Runs.Where(r => r.Acquisition == "fast").ToList(), target.Target)!.Value, 9);
        Assert.Equal(200, BudgetToTarget.Clicks(results.Runs.Where(r => r.Acquisition == "sim").ToList(), target.Target)!.Value, 9);
        Assert.Null(BudgetToTarget.Clicks(results.Runs.Where(r => r.Acquisition == "slow").ToList(), target.Target));
        string report = BenchReport.Markdown(results);
        Assert.Contains("| fast | 150 | 0.75 |", report, StringComparison.Ordinal);
        Assert.Contains("| slow | not reached | — |", report, StringComparison.Ordinal);
        Assert.DoesNotContain("## Automated corrections", report, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_tabulates_automated_corrections_per_strategy_and_round()
    {
        var auto = new AutoCorrectionRecord { Threshold = 0.99, TrainingSamples = 50, Candidates = 700, Superpixels = 4, Pixels = 100, PixelsRight = 90, PixelsRightBefore = 5, Checks = 3, CheckPixels = 40, CheckPixelsRight = 30 };
        var rounds = new List<RoundRecord> { new() { Round = 0 }, new() { Round = 1, Clicks = 50, AutoCorrection = auto } };
        var results = new BenchResults
        {
            Dataset = "w",
            Config = new BenchConfig(1, 50, [1], 0, "m", 1, 1, 1, "FromInitial", "gt", 0, "Cpu", 1, 1, 2, 1),
            Runs = [new BenchRun("sim+lcm", 1, rounds)],
        };
        string report = BenchReport.Markdown(results);
        Assert.Contains("## Automated corrections", report, StringComparison.Ordinal);
        Assert.Contains("| sim+lcm | 1 | 0.990 ± 0.000 | 50 ± 0 | 4.0 ± 0.0 | 100 ± 0 | 0.900 ± 0.000 | 0.900 | 5 ± 0 | 3 ± 0 | 40 ± 0 | 0.750 |", report, StringComparison.Ordinal);
        Assert.Contains("`sim+lcm`: 0.900 of 100 automatically changed pixels right; region checks: 3 asked, 0.750 of 40 changed pixels right.", report, StringComparison.Ordinal);
    }
}
