namespace Alc.Training.Models.Onnx;

/// <summary>One attribute of an ONNX node (an <c>AttributeProto</c>); only the field its type uses is meaningful.</summary>
/// <param name="Name">The attribute's name, e.g. <c>strides</c>.</param>
/// <param name="Float">The <c>f</c> field.</param>
/// <param name="Int">The <c>i</c> field.</param>
/// <param name="String">The <c>s</c> field, as UTF-8.</param>
/// <param name="Floats">The <c>floats</c> field.</param>
/// <param name="Ints">The <c>ints</c> field.</param>
/// <param name="Tensor">The <c>t</c> field (a <c>Constant</c> node's value).</param>
internal sealed record OnnxAttribute(string Name, float Float, long Int, string String, float[] Floats, long[] Ints, OnnxTensor? Tensor);
