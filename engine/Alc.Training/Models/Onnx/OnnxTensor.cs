namespace Alc.Training.Models.Onnx;

/// <summary>An ONNX <c>TensorProto</c> (an initializer or a constant): its name, shape and values.</summary>
/// <param name="Name">The tensor's name in the graph.</param>
/// <param name="Dims">The shape.</param>
/// <param name="DataType">The ONNX element type (1 = float, 6 = int32, 7 = int64).</param>
/// <param name="Floats">The values of a float tensor, row-major; empty for other types.</param>
/// <param name="Int64s">The values of an int32 or int64 tensor, row-major; empty for other types.</param>
internal sealed record OnnxTensor(string Name, long[] Dims, int DataType, float[] Floats, long[] Int64s)
{
    /// <summary>ONNX <c>TensorProto.DataType.FLOAT</c>.</summary>
    public const int FloatType = 1;

    /// <summary>ONNX <c>TensorProto.DataType.INT32</c>.</summary>
    public const int Int32Type = 6;

    /// <summary>ONNX <c>TensorProto.DataType.INT64</c>.</summary>
    public const int Int64Type = 7;

    /// <summary>Number of elements the shape describes.</summary>
    public long ElementCount => Dims.Aggregate(1L, (a, b) => a * b);
}
