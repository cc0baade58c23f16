namespace Alc.Training.Models.Onnx;

/// <summary>A convolution of an ONNX graph and the batch norm that follows it, if any.</summary>
/// <param name="Conv">The <c>Conv</c> node.</param>
/// <param name="BatchNorm">The <c>BatchNormalization</c> node reading its output, or null when the exporter folded it.</param>
internal readonly record struct OnnxConvUnit(OnnxNode Conv, OnnxNode? BatchNorm);
