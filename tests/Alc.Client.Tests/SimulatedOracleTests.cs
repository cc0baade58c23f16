using Alc.Bench;
using Alc.Core.Oracle;
using Alc.Examples.SimulatedOracle;
using Alc.Training;
using Alc.Training.Models;

namespace Alc.Client.Tests;

/// <summary>The example's campaign in miniature: over HTTP it reproduces <c>alc-engine bench</c>'s numbers exactly.</summary>
public sealed class SimulatedOracleTests
{
    [Theory]
    [InlineData("sim", OracleMode.Pixel, 0.0, 4)]
    [InlineData("sim", OracleMode.Paper, 0.1, 4)]
    [InlineData("default", OracleMode.Pixel, 0.0, 20)]
    [InlineData("default", OracleMode.Paper, 0.1, 20)]
    public async Task The_campaign_over_http_equals_the_bench_round_for_round(string strategy, OracleMode mode, double errorRate, int iterations)
    {
        await using var engine = new InProcessEngine();
        var trainer = new TrainerOptions { Model = "fcn-small", Iterations = iterations, LearningRate = 0.05, CropSize = 32, BatchSize = 4, Device = DevicePreference.Cpu };
        var oracle = new OracleOptions { Mode = mode, ErrorRate = errorRate };
        var bench = BenchRunner.Run(new BenchOptions
        {
            Data = engine.World,
            Output = engine.Scratch.Root,
            Acquisitions = [strategy],
            Rounds = 2,
            Budget = 6,
            Seeds = [3],
            Trainer = trainer,
            Oracle = oracle,
        }, options => new SegmentationTrainer(options, SegmentationModels.Create));
        var expected = bench.Runs.Single().Rounds;
        if (strategy == "default")
        {
            // The default's automated correction changed labels and asked region checks, so the comparison covers both.
            Assert.True(expected.Sum(r => r.AutoCorrection?.Pixels ?? 0) > 0);
            Assert.True(expected.Sum(r => r.AutoCorrection?.Checks ?? 0) > 0);
        }

        var dataset = await engine.ImportWorld();
        var rows = await new OracleCampaign(engine.Api, new OracleCampaignOptions
        {
            Project = "example",
            Acquisition = strategy,
            Rounds = 2,
            Budget = 6,
            Seed = 3,
            Iterations = trainer.Iterations,
            LearningRate = trainer.LearningRate,
            CropSize = trainer.CropSize,
            BatchSize = trainer.BatchSize,
            Oracle = oracle,
        }).RunAsync(dataset.Id);

        Assert.Equal(expected.Select(r => r.Round), rows.Select(r => r.Round));
        Assert.Equal(expected.Select(r => r.Clicks), rows.Select(r => r.Clicks));
        foreach (var (bench_, http) in expected.Zip(rows))
        {
            Assert.Equal(bench_.DataMIoU, http.DataMIoU!.Value, 12);
            Assert.Equal(bench_.ModelMIoU, http.ModelMIoU!.Value, 12);
            Assert.Equal(bench_.Bits, http.Bits, 9);
            Assert.Equal(bench_.Seconds, http.Seconds, 6);
        }
    }
}
