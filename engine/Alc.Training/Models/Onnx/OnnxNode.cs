namespace Alc.Training.Models.Onnx;

/// <summary>One operator of an ONNX graph (a <c>NodeProto</c>).</summary>
/// <param name="Name">The node's name (may be empty).</param>
/// <param name="OpType">The operator, e.g. <c>Conv</c>.</param>
/// <param name="Inputs">Names of its input values, in order.</param>
/// <param name="Outputs">Names of its output values, in order.</param>
/// <param name="Attributes">Its attributes by name.</param>
internal sealed record OnnxNode(
    string Name,
    string OpType,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs,
    IReadOnlyDictionary<string, OnnxAttribute> Attributes)
{
    /// <summary>The integer-list attribute <paramref name="name"/>, or <paramref name="fallback"/> when absent.</summary>
    public long[] Ints(string name, long[] fallback) => Attributes.TryGetValue(name, out OnnxAttribute? a) ? a.Ints : fallback;

    /// <summary>The integer attribute <paramref name="name"/>, or <paramref name="fallback"/> when absent.</summary>
    public long Int(string name, long fallback) => Attributes.TryGetValue(name, out OnnxAttribute? a) ? a.Int : fallback;

    /// <summary>The float attribute <paramref name="name"/>, or <paramref name="fallback"/> when absent.</summary>
    public float Float(string name, float fallback) => Attributes.TryGetValue(name, out OnnxAttribute? a) ? a.Float : fallback;
}
