using static TorchSharp.torch;

namespace Alc.Training.Models;

/// <summary>
/// The input convention of every model here: RGB scaled to [0,1], then normalized per channel with the ImageNet
/// statistics torchvision uses, x = (p/255 − mean)/std. Pretrained weights are converted to this convention when loaded.
/// </summary>
public static class ImageNormalization
{
    /// <summary>Per-channel mean of ImageNet in [0,1] (R, G, B).</summary>
    public static IReadOnlyList<float> Mean { get; } = [0.485f, 0.456f, 0.406f];

    /// <summary>Per-channel standard deviation of ImageNet in [0,1] (R, G, B).</summary>
    public static IReadOnlyList<float> Std { get; } = [0.229f, 0.224f, 0.225f];

    /// <summary>Normalizes RGB intensities in 0–255, shaped [N,3,H,W] (any real or byte dtype), to float32.</summary>
    /// <exception cref="ArgumentException">The tensor is not [N,3,H,W].</exception>
    public static Tensor Normalize(Tensor rgb255)
    {
        ArgumentNullException.ThrowIfNull(rgb255);
        if (rgb255.dim() != 4 || rgb255.shape[1] != 3)
        {
            throw new ArgumentException($"Expected an [N,3,H,W] tensor, got [{string.Join(',', rgb255.shape)}].", nameof(rgb255));
        }

        using var scope = NewDisposeScope();
        Tensor mean = tensor(Mean.Select(m => m * 255f).ToArray(), [1, 3, 1, 1], device: rgb255.device);
        Tensor scale = tensor(Std.Select(s => 1f / (s * 255f)).ToArray(), [1, 3, 1, 1], device: rgb255.device);
        return ((rgb255.to_type(ScalarType.Float32) - mean) * scale).MoveToOuterDisposeScope();
    }
}
