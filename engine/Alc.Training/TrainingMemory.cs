using Alc.Training.Models;

namespace Alc.Training;

/// <summary>
/// Peak memory one training step needs, estimated from its pixels: activations and their gradients grow with
/// batch × crop², the logits and the loss with batch × crop² × classes. The per-pixel costs are measured peaks of CPU
/// training (process peak RSS over 2 iterations): fcn-small 8×384² at 21 classes 1.18 GB, 32×384² 3.2 GB, 8×384² at
/// 150 classes 3.5 GB; deeplabv3plus-resnet18 8×96² 0.63 GB, 8×256² 1.37 GB. The deeper backbones are scaled by the
/// width of their feature maps (ResNet-50/101 carry 4× the channels of ResNet-18/34 after each stage).
/// </summary>
public static class TrainingMemory
{
    /// <summary>Bytes per pixel of a step per class: the logits, their softmax and gradients, four floats each.</summary>
    public const long BytesPerPixelPerClass = 16;

    /// <summary>What any run holds before the first step: the runtime, the model, its gradients and momentum.</summary>
    public const long FixedBytes = 512L << 20;

    /// <summary>Bytes per pixel of a step apart from the classes' share, by model.</summary>
    public static long BytesPerPixel(string model)
    {
        string name = model.Trim().ToLowerInvariant();
        return name switch
        {
            SegmentationModels.FcnSmallName => 620,
            _ when name.StartsWith("deeplabv3plus-resnet18", StringComparison.Ordinal) => 1_700,
            "deeplabv3plus-resnet34" => 2_100,
            _ => 6_800,
        };
    }

    /// <summary>The estimated peak bytes of training <paramref name="model"/> at this batch, crop and class count.</summary>
    public static long EstimateBytes(string model, int batchSize, int cropSize, int classCount)
    {
        ArgumentNullException.ThrowIfNull(model);
        long pixels = (long)Math.Max(batchSize, 0) * Math.Max(cropSize, 0) * Math.Max(cropSize, 0);
        return FixedBytes + (pixels * (BytesPerPixel(model) + (BytesPerPixelPerClass * Math.Max(classCount, 1))));
    }
}
