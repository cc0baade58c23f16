using static TorchSharp.torch;
using TorchSharp;

namespace Alc.Training;

/// <summary>Pixel-wise cross-entropy over the labelled pixels of a batch; pixels labelled <see cref="IgnoreIndex"/> count for nothing.</summary>
public static class SegmentationLoss
{
    /// <summary>The label of an unlabelled pixel (PASCAL VOC's convention).</summary>
    public const int IgnoreIndex = 255;

    /// <summary>
    /// Mean of −log softmax(logits)[label] over the pixels whose label is not <see cref="IgnoreIndex"/>:
    /// Σ_labelled CE / max(1, #labelled). A batch with no labelled pixel gives 0 (and zero gradients), not the NaN of
    /// libtorch's mean reduction.
    /// </summary>
    /// <param name="logits">Class scores [N, L, H, W].</param>
    /// <param name="labels">Class ids [N, H, W] (int64), 0 ≤ id &lt; L or <see cref="IgnoreIndex"/>.</param>
    public static Tensor CrossEntropy(Tensor logits, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        using Tensor sum = nn.functional.cross_entropy(logits, labels, ignore_index: IgnoreIndex, reduction: nn.Reduction.Sum);
        using Tensor labelled = labels.ne(IgnoreIndex);
        using Tensor count = labelled.sum();
        using Tensor denominator = count.clamp_min(1);
        return sum / denominator;
    }
}
