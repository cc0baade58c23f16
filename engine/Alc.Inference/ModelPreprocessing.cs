namespace Alc.Inference;

/// <summary>How an RGB image becomes a model's input tensor [1,3,H,W] (declared with the model, never guessed).</summary>
/// <param name="Width">Width to resize to (bilinear); null with <paramref name="Height"/>: the image's own.</param>
/// <param name="Height">Height to resize to; null: the image's own.</param>
/// <param name="Bgr">Whether the model takes its channels in BGR order (the mean and std are then in that order too).</param>
/// <param name="Mean">Per-channel mean subtracted from values scaled to 0..1, in the model's channel order.</param>
/// <param name="Std">Per-channel standard deviation divided by, after the mean.</param>
/// <param name="BinaryThreshold">
/// For a semantic model with one output channel (a binary model, such as a text or foreground detector's probability map):
/// a pixel is class 1 where the output exceeds this (0.5 for a probability, 0 for a logit), else class 0. Required for such a model.
/// </param>
public sealed record ModelPreprocessing(int? Width, int? Height, bool Bgr, IReadOnlyList<float> Mean, IReadOnlyList<float> Std, float? BinaryThreshold = null)
{
    /// <summary>ImageNet's mean and std in RGB order at the image's own size.</summary>
    public static ModelPreprocessing ImageNet { get; } = new(null, null, false, [0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]);
}
