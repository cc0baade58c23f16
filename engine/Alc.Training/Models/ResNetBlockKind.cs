namespace Alc.Training.Models;

/// <summary>The residual block a <see cref="ResNet"/> is built from.</summary>
public enum ResNetBlockKind
{
    /// <summary>Two 3×3 convolutions, expansion 1 (ResNet-18/34).</summary>
    Basic,

    /// <summary>1×1 reduce, 3×3 (carrying the stride), 1×1 expand ×4 (ResNet-50/101/152, torchvision's "v1.5").</summary>
    Bottleneck,
}
