using static TorchSharp.torch;

namespace Alc.Training.Models;

/// <summary>What a segmentation backbone hands to its decoder.</summary>
/// <param name="LowLevel">Early, high-resolution features (ResNet <c>layer1</c>: stride 4).</param>
/// <param name="HighLevel">Late, semantic features (ResNet <c>layer4</c>: stride 8, 16 or 32).</param>
public readonly record struct BackboneFeatures(Tensor LowLevel, Tensor HighLevel);
