using System.Collections;
using TorchSharp;

namespace Alc.Training.Tests.Training;

[Collection(TorchSerial.Name)]
public class TorchSegmentationPredictorTests
{
    private static readonly TrainerOptions Tiny = new()
    {
        Model = TinySegmentationNet.Name,
        ClassCount = 3,
        Iterations = 3,
        BatchSize = 2,
        CropSize = 16,
        Device = DevicePreference.Cpu,
        InferenceBatchSize = 2,
    };

    private static readonly TrainerOptions Channels = Tiny with { Model = ChannelLogits.Name };

    [Fact]
    public void Gives_the_softmax_of_each_pixel_in_pixel_major_order()
    {
        // The "model" returns its normalised input as logits, so pixel (x, y), class c has
        // p = softmax_c((RGB_c/255 − mean_c)/std_c), stored at ((y·W + x)·3 + c).
        SegmentationSample image = SyntheticSplits.Random(1, 5, 3, classCount: 3)[0];
        using var files = new TemporaryFolder();
        using TorchSegmentationPredictor predictor = TorchSegmentationPredictor.Load(SaveChannels(files), Channels, ChannelLogits.Create);

        float[] p = predictor.PredictProbabilities([image]).Single();

        Assert.Equal(5 * 3 * 3, p.Length);
        for (int pixel = 0; pixel < 15; pixel++)
        {
            double[] z = new double[3];
            for (int c = 0; c < 3; c++)
            {
                z[c] = ((image.Rgb[(pixel * 3) + c] / 255.0) - ImageNetNormalization.Mean[c]) / ImageNetNormalization.Std[c];
            }

            double sum = z.Sum(Math.Exp);
            for (int c = 0; c < 3; c++)
            {
                Assert.Equal(Math.Exp(z[c]) / sum, p[(pixel * 3) + c], 5);
            }
        }
    }

    [Fact]
    public void Every_pixels_probabilities_sum_to_1_for_every_image_in_input_order()
    {
        using ISegmentationPredictor predictor = TrainTiny();
        SegmentationSample[] images =
        [
            .. SyntheticSplits.Random(3, 12, 8, classCount: 3, seed: 1),
            .. SyntheticSplits.Random(1, 7, 9, classCount: 3, seed: 2),
            .. SyntheticSplits.Random(2, 12, 8, classCount: 3, seed: 3),
        ];

        float[][] all = [.. predictor.PredictProbabilities(images)];
        float[][] oneByOne = [.. images.Select(i => predictor.PredictProbabilities([i]).Single())];

        Assert.Equal(images.Select(i => i.Width * i.Height * 3), all.Select(p => p.Length));
        Assert.All(all, p => Assert.All(p.Chunk(3), pixel => Assert.Equal(1f, pixel.Sum(), 1e-5f)));
        for (int i = 0; i < images.Length; i++)
        {
            Assert.Equal(oneByOne[i], all[i], (a, b) => Math.Abs(a - b) < 1e-5f);
        }
    }

    [Fact]
    public void Yields_lazily_reading_no_further_than_the_current_batch()
    {
        using ISegmentationPredictor predictor = TrainTiny();
        SegmentationSample[] images = SyntheticSplits.Random(2, 8, 8, classCount: 3);

        // Nothing is read before enumeration starts.
        IEnumerable<float[]> notStarted = predictor.PredictProbabilities(new ThrowingAfter(images, 0));

        // Batch size 2: the first two results need exactly the first two images; a third is never asked for.
        var source = new ThrowingAfter(images, 2);
        List<float[]> firstTwo = [.. predictor.PredictProbabilities(source).Take(2)];

        Assert.Equal(2, firstTwo.Count);
        Assert.Equal(2, source.Read);
        Assert.Throws<InvalidOperationException>(() => notStarted.First());
    }

    [Fact]
    public void Checkpoint_round_trip_gives_identical_probabilities()
    {
        using var files = new TemporaryFolder();
        SegmentationSample[] images = SyntheticSplits.Random(3, 10, 10, classCount: 3);
        string path = files.File("model.ckpt");
        using ISegmentationPredictor trained = TrainTiny();
        trained.Save(path);

        using TorchSegmentationPredictor loaded = new SegmentationTrainer(Tiny, TinySegmentationNet.Create).LoadPredictor(path);

        Assert.Equal(trained.PredictProbabilities(images).ToArray(), loaded.PredictProbabilities(images).ToArray());
        Assert.Equal(new SegmentationCheckpointHeader(SegmentationCheckpoint.FormatVersion, TinySegmentationNet.Name, 3, TorchRuntime.TorchSharpVersion), SegmentationCheckpoint.ReadHeader(path));
        Assert.Equal([path], Directory.GetFiles(files.Path));
    }

    [Fact]
    public void Refuses_a_checkpoint_of_another_class_count_or_model()
    {
        using var files = new TemporaryFolder();
        string path = files.File("model.ckpt");
        using (ISegmentationPredictor trained = TrainTiny())
        {
            trained.Save(path);
        }

        long before = LiveTensors.Count;
        var classes = Assert.Throws<InvalidDataException>(() => TorchSegmentationPredictor.Load(path, Tiny with { ClassCount = 5 }, TinySegmentationNet.Create));
        var model = Assert.Throws<InvalidDataException>(() => TorchSegmentationPredictor.Load(path, Tiny with { Model = "deeplabv3plus-resnet18" }, TinySegmentationNet.Create));

        Assert.Equal(
            $"Checkpoint '{path}' holds model 'tiny' with 3 classes; expected model 'tiny' with 5 classes. Load it with the model and class count it was trained with, or train a new model.",
            classes.Message);
        Assert.Contains("expected model 'deeplabv3plus-resnet18' with 3 classes", model.Message, StringComparison.Ordinal);
        Assert.Equal(before, LiveTensors.Count);
    }

    [Fact]
    public void Refuses_a_file_that_is_not_a_checkpoint()
    {
        using var files = new TemporaryFolder();
        string path = files.File("photo.png");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]);
        string truncated = files.File("truncated.ckpt");
        File.WriteAllBytes(truncated, "ALCSEGCK"u8.ToArray());

        var notCheckpoint = Assert.Throws<InvalidDataException>(() => TorchSegmentationPredictor.Load(path, Tiny, TinySegmentationNet.Create));
        var damaged = Assert.Throws<InvalidDataException>(() => SegmentationCheckpoint.ReadHeader(truncated));

        Assert.Contains("is not an ALC segmentation checkpoint", notCheckpoint.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", damaged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prediction_leaks_no_tensors_and_dispose_frees_the_weights()
    {
        SegmentationSample[] images = [.. SyntheticSplits.Random(5, 9, 6, classCount: 3), .. SyntheticSplits.Random(2, 6, 9, classCount: 3)];
        long before = LiveTensors.Count;
        ISegmentationPredictor predictor = TrainTiny();
        long trained = LiveTensors.Count;

        foreach (float[] _ in predictor.PredictProbabilities(images))
        {
            Assert.Equal(trained, LiveTensors.Count); // between yields too: no scope is held open across a yield
        }

        predictor.Dispose();

        Assert.Equal(before, LiveTensors.Count);
        Assert.True(((TorchSegmentationPredictor)predictor).IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => predictor.PredictProbabilities(images));
    }

    [Fact]
    public void Cancellation_is_honoured_between_batches()
    {
        using ISegmentationPredictor predictor = TrainTiny();
        using var cancellation = new CancellationTokenSource();
        SegmentationSample[] images = SyntheticSplits.Random(6, 8, 8, classCount: 3);
        int seen = 0;

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (float[] _ in predictor.PredictProbabilities(images, cancellation.Token))
            {
                seen++;
                cancellation.Cancel();
            }
        });

        Assert.Equal(2, seen); // the first batch of 2 was already computed
    }

    private static ISegmentationPredictor TrainTiny() =>
        new SegmentationTrainer(Tiny, TinySegmentationNet.Create).Train(SyntheticSplits.Random(2, 16, 16, classCount: 3), null, null, CancellationToken.None);

    /// <summary>A checkpoint of the parameter-free channel model, written through the public constructor.</summary>
    private static string SaveChannels(TemporaryFolder files)
    {
        string path = files.File("channels.ckpt");
        using var predictor = new TorchSegmentationPredictor(ChannelLogits.Create(ChannelLogits.Name, 3, torch.CPU), ChannelLogits.Name, 3, torch.CPU);
        predictor.Save(path);
        return path;
    }

    /// <summary>Yields <c>limit</c> images, then throws if asked for more; counts what was read.</summary>
    private sealed class ThrowingAfter(IReadOnlyList<SegmentationSample> images, int limit) : IEnumerable<SegmentationSample>
    {
        public int Read { get; private set; }

        public IEnumerator<SegmentationSample> GetEnumerator()
        {
            for (int i = 0; ; i++)
            {
                if (i >= limit)
                {
                    throw new InvalidOperationException("Read past what was needed.");
                }

                Read++;
                yield return images[i % images.Count];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
