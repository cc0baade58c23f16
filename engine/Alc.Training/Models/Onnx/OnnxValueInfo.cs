namespace Alc.Training.Models.Onnx;

/// <summary>A graph input or output (a <c>ValueInfoProto</c>): its name and shape, a null dimension being symbolic.</summary>
/// <param name="Name">The value's name.</param>
/// <param name="Dims">Its dimensions; null where the model names a symbol instead of a size.</param>
internal sealed record OnnxValueInfo(string Name, IReadOnlyList<long?> Dims);
