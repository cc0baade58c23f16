using Alc.Campaigns.Pipeline;
using Alc.Training;

namespace Alc.Campaigns.Tests.Pipeline;

public sealed class RoundProgressMeterTests
{
    [Fact]
    public void Stages_are_weighted_by_their_work_and_the_fraction_never_moves_back()
    {
        // 100 iterations, the default strategy: two judges × 400 iterations. Weights in iteration units:
        // train 100, measure 5 (a twentieth), auto-correct 2·400 + 5 = 805, select 5: 915 in all.
        var seen = new List<RoundProgress>();
        var meter = new RoundProgressMeter(3, RoundPipeline.PrepareStages, CorrectionStrategy.Default, 100, new SyncProgress<RoundProgress>(seen.Add));

        meter.Report(RoundStage.Train, 0.5, "training");
        meter.Report(RoundStage.Measure, 0, "measuring");
        meter.Report(RoundStage.AutoCorrect, 0.5, "judges");
        meter.Report(RoundStage.Train, 1, "a late training report");
        meter.Report(RoundStage.Select, 1, "done");

        Assert.Equal(50.0 / 915, seen[0].Fraction, 12);
        Assert.Equal(100.0 / 915, seen[1].Fraction, 12);
        Assert.Equal((105 + 402.5) / 915, seen[2].Fraction, 12);
        Assert.Equal(seen[2].Fraction, seen[3].Fraction, 12); // a stage reported late cannot pull the bar back
        Assert.Equal(1, seen[4].Fraction, 12);
        Assert.All(seen, p => Assert.StartsWith("round 3: ", p.Message));
        Assert.Equal([0.5, 0, 0.5, 1, 1], seen.Select(p => p.StageFraction));
    }

    [Fact]
    public void Training_progress_is_reported_every_fifth_step_and_the_last_within_its_share_of_the_stage()
    {
        var seen = new List<RoundProgress>();
        var meter = new RoundProgressMeter(1, [RoundStage.AutoCorrect], CorrectionStrategy.Default, 10, new SyncProgress<RoundProgress>(seen.Add));
        var judge = meter.Training(RoundStage.AutoCorrect, "training judge 2/2", (0.5, 0.5));
        for (int i = 1; i <= 7; i++)
        {
            judge.Report(new TrainingProgress(i, 7, 0.25, 0.01, TimeSpan.Zero));
        }

        Assert.Equal([0.5 + (0.5 * 5 / 7), 1.0], seen.Select(p => p.StageFraction));
        Assert.Equal("round 1: training judge 2/2 5/7, loss 0.250", seen[0].Message);
    }
}
