namespace Alc.Training;

/// <summary>What a segmentation checkpoint holds, read from its header without loading the weights.</summary>
/// <param name="FormatVersion">Version of the checkpoint layout (<see cref="SegmentationCheckpoint.FormatVersion"/> when written by this build).</param>
/// <param name="Model">Model name the weights belong to, e.g. <c>fcn-small</c>.</param>
/// <param name="ClassCount">Number of classes L of the model's output.</param>
/// <param name="TorchSharpVersion">TorchSharp version that wrote the weights.</param>
public sealed record SegmentationCheckpointHeader(int FormatVersion, string Model, int ClassCount, string TorchSharpVersion);
