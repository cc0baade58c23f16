namespace Alc.Training.Models;

/// <summary>Which input a backbone loaded by <see cref="ImageNetResNet18"/> expects.</summary>
public enum PretrainedInput
{
    /// <summary>
    /// The input of every model here, <see cref="ImageNormalization"/>'s normalized RGB: the channel order, scale and
    /// mean are folded into <c>conv1</c> and <c>bn1</c> (exact except within 3 pixels of the border, where zero
    /// padding now stands for the ImageNet mean instead of the model's own channel mean, a difference below one
    /// intensity level).
    /// </summary>
    NormalizedRgb,

    /// <summary>
    /// The ONNX model's own input, unchanged: BGR in 0–255 minus the mean image (what the package's
    /// <c>ResNetPreprocess.onnx</c> computes; <see cref="ImageNetResNet18.ChannelMeanBgr"/> is that image's per-channel average).
    /// </summary>
    Bgr255MinusMean,
}
