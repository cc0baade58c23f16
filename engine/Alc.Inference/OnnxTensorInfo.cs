namespace Alc.Inference;

/// <summary>One input or output of a model as ONNX Runtime reports it.</summary>
/// <param name="Name">Its name in the graph.</param>
/// <param name="ElementType">The element type (<c>float</c>, <c>int64</c>, …).</param>
/// <param name="Dimensions">Its shape; −1 for an axis the graph leaves free (a symbolic or unknown size).</param>
public sealed record OnnxTensorInfo(string Name, string ElementType, IReadOnlyList<long> Dimensions);

/// <summary>A model's inputs and outputs.</summary>
/// <param name="Inputs">The inputs, in graph order.</param>
/// <param name="Outputs">The outputs, in graph order.</param>
public sealed record OnnxModelSignature(IReadOnlyList<OnnxTensorInfo> Inputs, IReadOnlyList<OnnxTensorInfo> Outputs)
{
    /// <summary>For a semantic model, the class count L when the output's axis 1 is fixed; else null.</summary>
    public int? Classes => Outputs.Count == 1 && Outputs[0].Dimensions.Count == 4 && Outputs[0].Dimensions[1] > 0 ? (int)Outputs[0].Dimensions[1] : null;

    /// <summary>For a semantic model, the classes its labels take: L, or 2 for a one-channel (binary) model; null when L is free.</summary>
    public int? LabelClasses => Classes == 1 ? 2 : Classes;
}
