using System.Globalization;
using static TorchSharp.torch;
using TorchSharp;
using TorchSharp.Utils;

namespace Alc.Training;

/// <summary>
/// A TorchSharp segmentation model as an <see cref="ISegmentationPredictor"/>: evaluation mode, no autograd,
/// consecutive images of one size batched together, softmax over classes, pixel-major output. Owns its module.
/// Not thread-safe: one prediction at a time.
/// </summary>
public sealed class TorchSegmentationPredictor : ISegmentationPredictor
{
    private nn.Module<Tensor, Tensor>? _module;

    /// <summary>Wraps <paramref name="module"/> (logits [N, L, H, W] at input resolution), taking ownership of it.</summary>
    /// <param name="module">The model; disposed with this predictor.</param>
    /// <param name="modelName">Model name written to checkpoints.</param>
    /// <param name="classCount">Number of classes L.</param>
    /// <param name="device">Device the module lives on; inputs go there.</param>
    /// <param name="inferenceBatchSize">Most images per forward pass.</param>
    public TorchSegmentationPredictor(nn.Module<Tensor, Tensor> module, string modelName, int classCount, Device device, int inferenceBatchSize = 16)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelName);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inferenceBatchSize);
        _module = module;
        ModelName = modelName;
        ClassCount = classCount;
        Device = device;
        InferenceBatchSize = inferenceBatchSize;
        module.eval();
    }

    /// <summary>Model name, as written to checkpoints.</summary>
    public string ModelName { get; }

    /// <summary>Number of classes L.</summary>
    public int ClassCount { get; }

    /// <summary>Device the model runs on.</summary>
    public Device Device { get; }

    /// <summary>Most images per forward pass.</summary>
    public int InferenceBatchSize { get; }

    /// <summary>True once <see cref="Dispose"/> has released the module.</summary>
    public bool IsDisposed => _module is null;

    /// <summary>The module (for continuing training from its weights).</summary>
    internal nn.Module<Tensor, Tensor> Module => _module ?? throw new ObjectDisposedException(nameof(TorchSegmentationPredictor));

    /// <summary>
    /// Loads a checkpoint written by <see cref="Save"/> into a fresh <paramref name="modelFactory"/> model for
    /// <paramref name="options"/>' model, class count and device.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a checkpoint, or holds another model or class count than <paramref name="options"/>.</exception>
    public static TorchSegmentationPredictor Load(string path, TrainerOptions options, Func<string, int, Device, nn.Module<Tensor, Tensor>> modelFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(modelFactory);
        SegmentationCheckpoint.Check(SegmentationCheckpoint.ReadHeader(path), path, options.Model, options.ClassCount);
        Device device = TorchRuntime.Create(options.Device).Device;
        nn.Module<Tensor, Tensor> module = ModuleLifetime.Create(modelFactory, options.Model, options.ClassCount, device, options.Seed);
        try
        {
            SegmentationCheckpoint.Read(path, options.Model, options.ClassCount, module);
            return new TorchSegmentationPredictor(module, options.Model, options.ClassCount, device, options.InferenceBatchSize);
        }
        catch
        {
            ModuleLifetime.Dispose(module);
            throw;
        }
    }

    /// <inheritdoc />
    public IEnumerable<float[]> PredictProbabilities(IEnumerable<SegmentationSample> images, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        ObjectDisposedException.ThrowIf(_module is null, this);
        return Predict(images, cancellationToken);
    }

    /// <inheritdoc />
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        SegmentationCheckpoint.Write(path, ModelName, ClassCount, Module);
    }

    /// <summary>Releases the module and its weights.</summary>
    public void Dispose()
    {
        if (_module is not null)
        {
            ModuleLifetime.Dispose(_module);
            _module = null;
        }
    }

    private IEnumerable<float[]> Predict(IEnumerable<SegmentationSample> images, CancellationToken cancellationToken)
    {
        var pending = new List<SegmentationSample>(InferenceBatchSize);
        int index = 0;
        foreach (SegmentationSample image in images)
        {
            Validate(image, index++);
            if (pending.Count > 0 && (image.Width != pending[0].Width || image.Height != pending[0].Height))
            {
                foreach (float[] probabilities in RunBatch(pending, cancellationToken))
                {
                    yield return probabilities;
                }

                pending.Clear();
            }

            pending.Add(image);
            if (pending.Count == InferenceBatchSize)
            {
                // Full: run it before reading further, so the caller's enumerable is never read ahead of need.
                foreach (float[] probabilities in RunBatch(pending, cancellationToken))
                {
                    yield return probabilities;
                }

                pending.Clear();
            }
        }

        if (pending.Count > 0)
        {
            foreach (float[] probabilities in RunBatch(pending, cancellationToken))
            {
                yield return probabilities;
            }
        }
    }

    /// <summary>
    /// One forward pass over images of one size, returning each image's probabilities, pixel-major ([H, W, L]).
    /// The dispose scope and no-grad guard end before the caller sees the results, never across a yield.
    /// </summary>
    private float[][] RunBatch(List<SegmentationSample> batch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        nn.Module<Tensor, Tensor> module = Module;
        int height = batch[0].Height;
        int width = batch[0].Width;
        long perImage = (long)height * width * ClassCount;
        var results = new float[batch.Count][];

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        module.eval();
        Tensor input = ImageNetNormalization.FromSamples(batch, Device);
        Tensor logits = module.forward(input);
        long[] expected = [batch.Count, ClassCount, height, width];
        if (!logits.shape.SequenceEqual(expected))
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"Model '{ModelName}' returned logits of shape [{string.Join(", ", logits.shape)}] for input [{string.Join(", ", input.shape)}]; [{string.Join(", ", expected)}] expected."));
        }

        Tensor probabilities = nn.functional.softmax(logits, 1).permute(0, 2, 3, 1).contiguous().cpu();
        using TensorAccessor<float> data = probabilities.data<float>();
        for (int i = 0; i < batch.Count; i++)
        {
            results[i] = new float[perImage];
            data.CopyTo(results[i], 0, i * perImage);
        }

        return results;
    }

    private static void Validate(SegmentationSample image, int index)
    {
        if (image is null)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Image {index} is null."), nameof(image));
        }

        if (image.Width <= 0 || image.Height <= 0 || image.Rgb is null || image.Rgb.LongLength != (long)image.Width * image.Height * 3)
        {
            throw new ArgumentException(string.Create(
                CultureInfo.InvariantCulture,
                $"Image {index} is {image.Width}×{image.Height} with {image.Rgb?.LongLength ?? 0} RGB bytes; Width·Height·3 expected."), nameof(image));
        }
    }
}
