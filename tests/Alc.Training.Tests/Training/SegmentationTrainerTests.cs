using System.Diagnostics;
using static TorchSharp.torch;
using TorchSharp;
using Xunit.Abstractions;

namespace Alc.Training.Tests.Training;

[Collection(TorchSerial.Name)]
public class SegmentationTrainerTests(ITestOutputHelper output)
{
    /// <summary>Red-left/blue-right, 2 classes, 32×32 crops of 32×32 images: seconds on 2 cores.</summary>
    private static readonly TrainerOptions RedBlue = new()
    {
        Model = TinySegmentationNet.Name,
        ClassCount = 2,
        Iterations = 30,
        BatchSize = 4,
        CropSize = 32,
        LearningRate = 0.05,
        ScaleMin = 0.75,
        ScaleMax = 1.5,
        Device = DevicePreference.Cpu,
        InferenceBatchSize = 4,
    };

    [Fact]
    public void Learns_red_left_blue_right_to_over_95_percent_pixel_accuracy()
    {
        SegmentationSample[] split = SyntheticSplits.RedBlue(8, 32, 32);
        var trainer = new SegmentationTrainer(RedBlue, TinySegmentationNet.Create);
        var reports = new List<TrainingProgress>();

        var watch = Stopwatch.StartNew();
        using ISegmentationPredictor predictor = trainer.Train(split, null, new SyncProgress(reports.Add), CancellationToken.None);
        watch.Stop();
        double accuracy = SyntheticSplits.PixelAccuracy(split, [.. predictor.PredictProbabilities(split)], 2);

        output.WriteLine($"{RedBlue.Iterations} iterations in {watch.ElapsedMilliseconds} ms; loss {reports[0].Loss:F3} → {reports[^1].Loss:F3}; accuracy {accuracy:P2}");
        Assert.True(accuracy > 0.95, $"pixel accuracy {accuracy:P2}");
        Assert.True(reports[^1].Loss < reports[0].Loss / 2, $"loss {reports[0].Loss} → {reports[^1].Loss}");
    }

    [Fact]
    public void The_same_seed_gives_the_same_weights_and_probabilities_on_the_cpu()
    {
        SegmentationSample[] split = SyntheticSplits.RedBlue(6, 24, 24);
        TrainerOptions options = RedBlue with { Iterations = 6, CropSize = 20 };
        using var files = new TemporaryFolder();

        float[][] first = TrainSaveAndPredict(options, split, files.File("a.ckpt"));
        float[][] second = TrainSaveAndPredict(options, split, files.File("b.ckpt"));
        float[][] otherSeed = TrainSaveAndPredict(options with { Seed = 2 }, split, files.File("c.ckpt"));

        Assert.Equal(File.ReadAllBytes(files.File("a.ckpt")), File.ReadAllBytes(files.File("b.ckpt")));
        Assert.Equal(first, second);
        Assert.NotEqual(File.ReadAllBytes(files.File("a.ckpt")), File.ReadAllBytes(files.File("c.ckpt")));
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void Reports_every_step_with_its_poly_learning_rate_and_a_falling_eta()
    {
        SegmentationSample[] split = SyntheticSplits.RedBlue(4, 16, 16);
        TrainerOptions options = RedBlue with { Iterations = 7, CropSize = 16, LearningRate = 0.02 };
        var reports = new List<TrainingProgress>();

        using ISegmentationPredictor predictor = new SegmentationTrainer(options, TinySegmentationNet.Create, new SteppingClock())
            .Train(split, null, new SyncProgress(reports.Add), CancellationToken.None);

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], reports.Select(r => r.Iteration));
        Assert.All(reports, r => Assert.Equal(7, r.Iterations));
        Assert.All(reports, r => Assert.True(double.IsFinite(r.Loss) && r.Loss > 0));
        Assert.Equal(
            Enumerable.Range(0, 7).Select(it => PolyLearningRate.At(0.02, it, 7, 0.9)),
            reports.Select(r => r.LearningRate));

        // The clock advances 10 ms per reading, one reading per step: 10 ms per step, so 60, 50, …, 0 ms left.
        Assert.Equal(
            [60, 50, 40, 30, 20, 10, 0],
            reports.Select(r => r.Remaining.TotalMilliseconds));
    }

    [Fact]
    public void Cancellation_stops_before_the_next_step_and_leaks_nothing()
    {
        SegmentationSample[] split = SyntheticSplits.RedBlue(4, 16, 16);
        var trainer = new SegmentationTrainer(RedBlue with { Iterations = 1000, CropSize = 16 }, TinySegmentationNet.Create);
        using var cancellation = new CancellationTokenSource();
        var reports = new List<TrainingProgress>();
        long before = LiveTensors.Count;

        Assert.ThrowsAny<OperationCanceledException>(() => trainer.Train(split, null, new SyncProgress(r =>
        {
            reports.Add(r);
            if (r.Iteration == 3)
            {
                cancellation.Cancel();
            }
        }), cancellation.Token));

        Assert.Equal(3, reports.Count);
        Assert.Equal(before, LiveTensors.Count);
    }

    [Fact]
    public void A_cancelled_token_stops_before_any_step()
    {
        var reports = new List<TrainingProgress>();

        Assert.ThrowsAny<OperationCanceledException>(() => new SegmentationTrainer(RedBlue, TinySegmentationNet.Create)
            .Train(SyntheticSplits.RedBlue(2, 16, 16), null, new SyncProgress(reports.Add), new CancellationToken(canceled: true)));

        Assert.Empty(reports);
    }

    [Fact]
    public void Training_leaves_only_the_models_weights_alive_and_disposing_frees_them()
    {
        SegmentationSample[] split = SyntheticSplits.RedBlue(5, 20, 20);
        split[4] = SyntheticSplits.RedBlue(1, 28, 18, seed: 3)[0]; // a second image size: the mixed-size batch path too
        var trainer = new SegmentationTrainer(RedBlue with { Iterations = 8, CropSize = 16, BatchSize = 5 }, TinySegmentationNet.Create);
        long before = LiveTensors.Count;

        ISegmentationPredictor predictor = trainer.Train(split, null, new SyncProgress(_ => { }), CancellationToken.None);
        long afterTraining = LiveTensors.Count;
        int stateTensors = ((TorchSegmentationPredictor)predictor).Module.state_dict().Count;
        _ = predictor.PredictProbabilities(split).ToList();
        long afterPredicting = LiveTensors.Count;
        predictor.Dispose();

        Assert.Equal(6, stateTensors); // 3 convolutions × (weight, bias)
        Assert.Equal(before + stateTensors, afterTraining);
        Assert.Equal(afterTraining, afterPredicting);
        Assert.Equal(before, LiveTensors.Count);
    }

    [Fact]
    public void Continues_from_the_initial_models_weights_without_touching_it()
    {
        SegmentationSample[] split = SyntheticSplits.RedBlue(4, 16, 16);
        TrainerOptions options = RedBlue with { Iterations = 5, CropSize = 16 };
        using var files = new TemporaryFolder();
        using ISegmentationPredictor initial = new SegmentationTrainer(options, TinySegmentationNet.Create).Train(split, null, null, CancellationToken.None);
        initial.Save(files.File("initial.ckpt"));
        float[][] initialProbabilities = [.. initial.PredictProbabilities(split)];

        // One step at learning rate 0 (and a different seed, so fresh weights would differ): the weights stay the initial ones.
        var frozen = new SegmentationTrainer(options with { Iterations = 1, LearningRate = 0, Seed = 99 }, TinySegmentationNet.Create);
        using (ISegmentationPredictor continued = frozen.Train(split, initial, null, CancellationToken.None))
        {
            continued.Save(files.File("continued.ckpt"));
        }

        // Training further from it changes the copy, never the initial model, which stays usable after the copy is disposed.
        using (ISegmentationPredictor further = new SegmentationTrainer(options, TinySegmentationNet.Create).Train(split, initial, null, CancellationToken.None))
        {
            Assert.NotEqual(initialProbabilities, further.PredictProbabilities(split).ToArray());
        }

        Assert.Equal(File.ReadAllBytes(files.File("initial.ckpt")), File.ReadAllBytes(files.File("continued.ckpt")));
        Assert.Equal(initialProbabilities, initial.PredictProbabilities(split).ToArray());
    }

    [Fact]
    public void Refuses_an_initial_model_it_cannot_continue_from()
    {
        SegmentationSample[] split = SyntheticSplits.RedBlue(2, 16, 16);
        var trainer = new SegmentationTrainer(RedBlue with { Iterations = 1, CropSize = 16 }, TinySegmentationNet.Create);
        using ISegmentationPredictor threeClasses = new SegmentationTrainer(RedBlue with { Iterations = 1, CropSize = 16, ClassCount = 3 }, TinySegmentationNet.Create)
            .Train(split, null, null, CancellationToken.None);

        var otherKind = Assert.Throws<ArgumentException>(() => trainer.Train(split, new FixedPredictor(), null, CancellationToken.None));
        var otherCount = Assert.Throws<ArgumentException>(() => trainer.Train(split, threeClasses, null, CancellationToken.None));

        Assert.Contains(nameof(TorchSegmentationPredictor), otherKind.Message, StringComparison.Ordinal);
        Assert.Contains("3 classes", otherCount.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_label_ids_beyond_the_class_count_naming_the_image()
    {
        SegmentationSample[] split = SyntheticSplits.RedBlue(3, 16, 16);
        split[2].Labels![17] = 5;
        long before = LiveTensors.Count;

        var ex = Assert.Throws<ArgumentException>(() => new SegmentationTrainer(RedBlue, TinySegmentationNet.Create).Train(split, null, null, CancellationToken.None));

        Assert.Contains("Training image 2 has label 5 at pixel 17", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, LiveTensors.Count);
    }

    [Fact]
    public void Refuses_a_model_whose_logits_have_the_wrong_shape()
    {
        static nn.Module<Tensor, Tensor> WrongClassCount(string name, int classCount, Device device) => TinySegmentationNet.Create(name, classCount + 1, device);
        long before = LiveTensors.Count;

        var ex = Assert.Throws<InvalidOperationException>(() => new SegmentationTrainer(RedBlue, WrongClassCount)
            .Train(SyntheticSplits.RedBlue(2, 16, 16), null, null, CancellationToken.None));

        Assert.Contains("returned logits of shape [4, 3, 32, 32]", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, LiveTensors.Count);
    }

    [Theory]
    [InlineData(nameof(TrainerOptions.CropSize))]
    [InlineData(nameof(TrainerOptions.Iterations))]
    [InlineData(nameof(TrainerOptions.ScaleMax))]
    [InlineData(nameof(TrainerOptions.ClassCount))]
    public void Refuses_options_out_of_range(string option)
    {
        TrainerOptions options = option switch
        {
            nameof(TrainerOptions.CropSize) => RedBlue with { CropSize = 0 },
            nameof(TrainerOptions.Iterations) => RedBlue with { Iterations = 0 },
            nameof(TrainerOptions.ScaleMax) => RedBlue with { ScaleMin = 1.5, ScaleMax = 1.0 },
            _ => RedBlue with { ClassCount = 256 },
        };

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new SegmentationTrainer(options, TinySegmentationNet.Create));
        Assert.Equal(option, ex.ParamName);
    }

    [Fact]
    public void Measures_milliseconds_per_iteration_at_batch_8_crop_96()
    {
        // A CPU-sized training configuration (batch 8, 96×96 crops, 6 classes) with the tests' tiny model, on 128×128 images.
        SegmentationSample[] split = SyntheticSplits.Random(8, 128, 128, classCount: 6);
        TrainerOptions options = RedBlue with { ClassCount = 6, BatchSize = 8, CropSize = 96, ScaleMin = 0.5, ScaleMax = 2.0, Iterations = 3 };
        using (new SegmentationTrainer(options, TinySegmentationNet.Create).Train(split, null, null, CancellationToken.None))
        {
            // warm-up: libtorch's first kernels and allocations
        }

        const int iterations = 12;
        var times = new List<TimeSpan>();
        var watch = Stopwatch.StartNew();
        using (new SegmentationTrainer(options with { Iterations = iterations }, TinySegmentationNet.Create)
            .Train(split, null, new SyncProgress(_ => times.Add(watch.Elapsed)), CancellationToken.None))
        {
            // Per-step time from the progress timestamps, without the one-off copy of the split to the device.
            double perStep = (times[^1] - times[0]).TotalMilliseconds / (iterations - 1);
            output.WriteLine($"tiny net (862 parameters), batch 8, crop 96, 6 classes: {perStep:F1} ms/iteration over {iterations - 1} steps on {torch.get_num_threads()} threads");
            Assert.True(perStep < 5000);
        }
    }

    private static float[][] TrainSaveAndPredict(TrainerOptions options, SegmentationSample[] split, string path)
    {
        using ISegmentationPredictor predictor = new SegmentationTrainer(options, TinySegmentationNet.Create).Train(split, null, null, CancellationToken.None);
        predictor.Save(path);
        return [.. predictor.PredictProbabilities(split)];
    }
}
