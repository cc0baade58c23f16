using Alc.Bench;
using Alc.Training;
using Alc.Training.Models;

namespace Alc.Engine.Tests;

public class BenchJudgeTrainerTests
{
    // Counts the models each trainer trains, by its iteration count; the training itself is real.
    private sealed class CountingTrainer(TrainerOptions options, Dictionary<int, int> trained) : ISegmentationTrainer
    {
        private readonly SegmentationTrainer _inner = new(options, SegmentationModels.Create);

        public ISegmentationPredictor Train(IReadOnlyList<SegmentationSample> images, ISegmentationPredictor? initial, IProgress<TrainingProgress>? progress,
            CancellationToken cancellationToken)
        {
            trained[options.Iterations] = trained.GetValueOrDefault(options.Iterations) + 1;
            return _inner.Train(images, initial, progress, cancellationToken);
        }
    }

    [Fact]
    public void The_default_strategy_trains_its_two_judges_for_four_times_the_round_iterations()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, Cli.Run("synth", "--out", temp["w"], "--train", "6", "--val", "2", "--size", "32", "--seed", "3").ExitCode);
        var trained = new Dictionary<int, int>();
        var asked = new List<int>();
        BenchRunner.Run(new BenchOptions
        {
            Data = temp["w"],
            Output = temp["out"],
            Acquisitions = ["sim", "default"],
            Rounds = 1,
            Budget = 4,
            Seeds = [1],
            Trainer = new TrainerOptions { Model = "fcn-small", Iterations = 3, BatchSize = 2, CropSize = 32, Device = DevicePreference.Cpu },
        }, options =>
        {
            asked.Add(options.Iterations);
            return new CountingTrainer(options, trained);
        });

        Assert.Equal([3, 12], asked); // the seed's trainer, then the default's judge trainer (sim has no judges)
        // θ0, sim's θ1 and default's θ1 at 3 iterations; the two out-of-fold judges at 12.
        Assert.Equal(new Dictionary<int, int> { [3] = 3, [12] = 2 }, trained);
    }
}
