using System.Globalization;
using Alc.Core.Numerics;
using static TorchSharp.torch;
using TorchSharp;

namespace Alc.Training;

/// <summary>
/// Trains a segmentation model as paper App. D does: pixel-wise cross-entropy ignoring label 255
/// (<see cref="SegmentationLoss"/>), SGD with momentum and weight decay, poly learning-rate decay
/// (<see cref="PolyLearningRate"/>), and per-sample random scale, crop and horizontal flip on ImageNet-normalised
/// RGB. Batches and augmentations come from generators seeded by <see cref="TrainerOptions.Seed"/>, so a CPU run
/// is reproducible. The device is chosen once, by <see cref="TorchRuntime"/>, when the trainer is created.
/// </summary>
/// <remarks>
/// Reproducibility covers initialisation (libtorch's global generator, seeded under a lock shared with every model
/// this library creates), batch order and augmentation (managed <see cref="Alc.Core.Numerics.SeededRandom"/>
/// streams). A model that draws from libtorch's global generator while training (dropout) is reproducible only when
/// nothing else in the process draws from it meanwhile; CUDA kernels may add nondeterminism of their own.
/// </remarks>
public sealed class SegmentationTrainer : ISegmentationTrainer
{
    private const long SamplingStream = 1;
    private const long AugmentationStream = 2;

    private readonly Func<string, int, Device, nn.Module<Tensor, Tensor>> _modelFactory;
    private readonly TimeProvider _time;
    private readonly ScaleCropFlip _augmentation;

    /// <summary>A trainer for <paramref name="options"/> whose models come from <paramref name="modelFactory"/>.</summary>
    /// <param name="options">How to train; checked here.</param>
    /// <param name="modelFactory">
    /// Creates a freshly initialised model from (name, class count, device): a module on that device mapping
    /// normalised images [N, 3, H, W] to logits [N, L, H, W] at input resolution. Called with libtorch's generator
    /// seeded by <see cref="TrainerOptions.Seed"/>.
    /// </param>
    /// <param name="timeProvider">Clock for the progress ETA; the system clock when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="InvalidOperationException">CUDA was asked for and is not available.</exception>
    public SegmentationTrainer(TrainerOptions options, Func<string, int, Device, nn.Module<Tensor, Tensor>> modelFactory, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(modelFactory);
        Validate(options);
        Options = options;
        _modelFactory = modelFactory;
        _time = timeProvider ?? TimeProvider.System;
        _augmentation = new ScaleCropFlip(options.CropSize, options.ScaleMin, options.ScaleMax, options.Flip);
        Runtime = TorchRuntime.Create(options.Device);
    }

    /// <summary>How this trainer trains.</summary>
    public TrainerOptions Options { get; }

    /// <summary>The device choice, made once when the trainer was created.</summary>
    public TorchRuntime Runtime { get; }

    /// <summary>
    /// Trains for <see cref="TrainerOptions.Iterations"/> steps and returns a <see cref="TorchSegmentationPredictor"/>.
    /// The split is copied to the device once; every step runs inside its own dispose scope.
    /// </summary>
    /// <param name="images">Training images with label maps (255 = ignore; other ids below the class count).</param>
    /// <param name="initial">
    /// A <see cref="TorchSegmentationPredictor"/> of the same model and class count to continue from; its weights are
    /// copied, it is left unchanged and still owned by the caller. Null: fresh weights from the seed.
    /// </param>
    /// <param name="progress">Told after each step: iteration, loss, learning rate, estimated time left.</param>
    /// <param name="cancellationToken">Checked before each step.</param>
    /// <exception cref="ArgumentException">No images, an invalid sample, or an <paramref name="initial"/> that cannot be continued from.</exception>
    /// <exception cref="OperationCanceledException">Cancellation was requested; nothing is returned and nothing leaks.</exception>
    public ISegmentationPredictor Train(IReadOnlyList<SegmentationSample> images, ISegmentationPredictor? initial,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(images);
        TorchSegmentationPredictor? start = CheckInitial(initial);
        cancellationToken.ThrowIfCancellationRequested();
        Device device = Runtime.Device;

        using TrainingSet set = TrainingSet.Create(images, Options.ClassCount, device);
        nn.Module<Tensor, Tensor> model = ModuleLifetime.Create(_modelFactory, Options.Model, Options.ClassCount, device, Options.Seed);
        try
        {
            if (start is not null)
            {
                ModuleLifetime.CopyState(start.Module, model);
            }

            Fit(model, set, progress, cancellationToken);
            return new TorchSegmentationPredictor(model, Options.Model, Options.ClassCount, device, Options.InferenceBatchSize);
        }
        catch
        {
            ModuleLifetime.Dispose(model);
            throw;
        }
    }

    /// <summary>Loads a checkpoint of this trainer's model and class count onto its device.</summary>
    /// <exception cref="InvalidDataException">The file is not a checkpoint, or holds another model or class count.</exception>
    public TorchSegmentationPredictor LoadPredictor(string path) => TorchSegmentationPredictor.Load(path, Options with { Device = DeviceFor(Runtime) }, _modelFactory);

    private void Fit(nn.Module<Tensor, Tensor> model, TrainingSet set, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        TrainerOptions o = Options;
        var sampler = new BatchSampler(set.Count, new SeededRandom(o.Seed, SamplingStream));
        var augmentationRandom = new SeededRandom(o.Seed, AugmentationStream);
        var windows = new CropWindow[o.BatchSize];

        model.train();
        using optim.Optimizer optimizer = optim.SGD(model.parameters(), o.LearningRate, o.Momentum, weight_decay: o.WeightDecay);
        long started = _time.GetTimestamp();
        for (int iteration = 0; iteration < o.Iterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double learningRate = PolyLearningRate.At(o.LearningRate, iteration, o.Iterations, o.PolyPower);
            foreach (optim.ILearningRateController group in optimizer.ParamGroups)
            {
                group.LearningRate = learningRate;
            }

            int[] indices = sampler.Next(o.BatchSize);
            for (int k = 0; k < indices.Length; k++)
            {
                windows[k] = _augmentation.Sample(set.Widths[indices[k]], set.Heights[indices[k]], augmentationRandom);
            }

            double loss = Step(model, optimizer, set, indices, windows, needLoss: progress is not null);
            if (progress is not null)
            {
                int done = iteration + 1;
                TimeSpan elapsed = _time.GetElapsedTime(started);
                TimeSpan remaining = elapsed / done * (o.Iterations - done);
                progress.Report(new TrainingProgress(done, o.Iterations, loss, learningRate, remaining));
            }
        }

        using (var scope = NewDisposeScope())
        {
            model.zero_grad();
        }

        model.eval();
    }

    /// <summary>One optimiser step inside its own dispose scope; the loss is read back (a device sync) only when asked.</summary>
    private double Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, TrainingSet set, int[] indices, CropWindow[] windows, bool needLoss)
    {
        using var scope = NewDisposeScope();
        (Tensor images, Tensor labels) = set.Batch(indices, windows, _augmentation);
        optimizer.zero_grad();
        Tensor logits = model.forward(images);
        CheckLogits(logits, images);
        Tensor loss = SegmentationLoss.CrossEntropy(logits, labels);
        loss.backward();
        optimizer.step();
        return needLoss ? loss.item<float>() : double.NaN;
    }

    private void CheckLogits(Tensor logits, Tensor images)
    {
        long[] expected = [images.shape[0], Options.ClassCount, images.shape[2], images.shape[3]];
        if (!logits.shape.SequenceEqual(expected))
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"Model '{Options.Model}' returned logits of shape [{string.Join(", ", logits.shape)}] for input [{string.Join(", ", images.shape)}]; [{string.Join(", ", expected)}] expected."));
        }
    }

    private TorchSegmentationPredictor? CheckInitial(ISegmentationPredictor? initial)
    {
        switch (initial)
        {
            case null:
                return null;
            case TorchSegmentationPredictor torchPredictor:
                if (!string.Equals(torchPredictor.ModelName, Options.Model, StringComparison.Ordinal) || torchPredictor.ClassCount != Options.ClassCount)
                {
                    throw new ArgumentException(
                        $"The initial model is '{torchPredictor.ModelName}' with {torchPredictor.ClassCount} classes; this trainer trains '{Options.Model}' with {Options.ClassCount} classes.",
                        nameof(initial));
                }

                ObjectDisposedException.ThrowIf(torchPredictor.IsDisposed, torchPredictor);
                return torchPredictor;
            default:
                throw new ArgumentException(
                    $"Training can only continue from a {nameof(TorchSegmentationPredictor)}; got {initial.GetType().Name}.", nameof(initial));
        }
    }

    private static DevicePreference DeviceFor(TorchRuntime runtime) => runtime.IsCuda ? DevicePreference.Cuda : DevicePreference.Cpu;

    private static void Validate(TrainerOptions o)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(o.Model, nameof(TrainerOptions.Model));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(o.ClassCount, nameof(TrainerOptions.ClassCount));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(o.ClassCount, SegmentationLoss.IgnoreIndex, nameof(TrainerOptions.ClassCount));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(o.Iterations, nameof(TrainerOptions.Iterations));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(o.BatchSize, nameof(TrainerOptions.BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(o.CropSize, nameof(TrainerOptions.CropSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(o.InferenceBatchSize, nameof(TrainerOptions.InferenceBatchSize));
        ArgumentOutOfRangeException.ThrowIfNegative(o.LearningRate, nameof(TrainerOptions.LearningRate));
        ArgumentOutOfRangeException.ThrowIfNegative(o.Momentum, nameof(TrainerOptions.Momentum));
        ArgumentOutOfRangeException.ThrowIfNegative(o.WeightDecay, nameof(TrainerOptions.WeightDecay));
        ArgumentOutOfRangeException.ThrowIfNegative(o.PolyPower, nameof(TrainerOptions.PolyPower));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(o.ScaleMin, nameof(TrainerOptions.ScaleMin));
        ArgumentOutOfRangeException.ThrowIfLessThan(o.ScaleMax, o.ScaleMin, nameof(TrainerOptions.ScaleMax));
        if (!double.IsFinite(o.LearningRate) || !double.IsFinite(o.ScaleMax))
        {
            throw new ArgumentOutOfRangeException(nameof(o), "The learning rate and scales must be finite.");
        }
    }
}
