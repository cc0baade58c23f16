using Alc.Training.Models.Onnx;

namespace Alc.Training.Tests.Models.Onnx;

/// <summary>
/// The graph walk on a hand-built one-block ResNet in which the exporter folded batch norm into some convolutions
/// (biased Conv, no BatchNormalization) and kept it, with another epsilon, after others.
/// </summary>
public class OnnxResNetMappingTests
{
    private const double TorchEpsilon = 1e-5;

    [Fact]
    public void Folded_and_separate_batch_norms_both_map_onto_torch_batch_norm()
    {
        // x → Conv(w0, b0) → Relu → r0 → Conv(w1) → BN(ε = 1e-3) → Relu → Conv(w2, b2) → Add(·, r0) → Relu
        var graph = new ProtoWriter()
            .Message(1, ProtoWriter.Node("Conv", ["x", "w0", "b0"], "s"))
            .Message(1, ProtoWriter.Node("Relu", ["s"], "r0"))
            .Message(1, ProtoWriter.Node("Conv", ["r0", "w1"], "c1"))
            .Message(1, ProtoWriter.Node("BatchNormalization", ["c1", "scale", "shift", "mean", "var"], "n1",
                new ProtoWriter().String(1, "epsilon").Float(2, 1e-3f)))
            .Message(1, ProtoWriter.Node("Relu", ["n1"], "r1"))
            .Message(1, ProtoWriter.Node("Conv", ["r1", "w2", "b2"], "c2"))
            .Message(1, ProtoWriter.Node("Add", ["c2", "r0"], "a"))
            .Message(1, ProtoWriter.Node("Relu", ["a"], "out"))
            .Message(5, ProtoWriter.FloatTensor("w0", [2, 3, 1, 1], [1, 2, 3, 4, 5, 6]))
            .Message(5, ProtoWriter.FloatTensor("b0", [2], [0.5f, -0.5f]))
            .Message(5, ProtoWriter.FloatTensor("w1", [2, 2, 1, 1], [1, 0, 0, 1]))
            .Message(5, ProtoWriter.FloatTensor("scale", [2], [2, 3]))
            .Message(5, ProtoWriter.FloatTensor("shift", [2], [0.1f, 0.2f]))
            .Message(5, ProtoWriter.FloatTensor("mean", [2], [1, -1]))
            .Message(5, ProtoWriter.FloatTensor("var", [2], [4, 9]))
            .Message(5, ProtoWriter.FloatTensor("w2", [2, 2, 1, 1], [0, 1, 1, 0]))
            .Message(5, ProtoWriter.FloatTensor("b2", [2], [7, 8]));
        OnnxGraph parsed = OnnxGraph.Parse(new ProtoWriter().Message(7, graph).ToArray());

        var entries = OnnxResNetMapping.BasicBlockStateDict(parsed, [1], TorchEpsilon);

        Assert.Equal([1f, 2, 3, 4, 5, 6], entries["conv1.weight"].Values);
        Assert.Equal([2L, 3, 1, 1], entries["conv1.weight"].Shape);
        // Folded: an identity batch norm, (x − 0)/√(1 − ε + ε)·1 + b, carrying the convolution's bias.
        Assert.Equal([1f, 1], entries["bn1.weight"].Values);
        Assert.Equal([0.5f, -0.5f], entries["bn1.bias"].Values);
        Assert.Equal([0f, 0], entries["bn1.running_mean"].Values);
        Assert.Equal([(float)(1 - TorchEpsilon), (float)(1 - TorchEpsilon)], entries["bn1.running_var"].Values);
        // Separate: the statistics, the variance shifted by 1e-3 − 1e-5 so that var + ε is unchanged.
        Assert.Equal([2f, 3], entries["layer1.0.bn1.weight"].Values);
        Assert.Equal([0.1f, 0.2f], entries["layer1.0.bn1.bias"].Values);
        Assert.Equal([1f, -1], entries["layer1.0.bn1.running_mean"].Values);
        Assert.Equal((float)(4 + 1e-3 - TorchEpsilon), entries["layer1.0.bn1.running_var"].Values[0], 6);
        Assert.Equal((float)(9 + 1e-3 - TorchEpsilon), entries["layer1.0.bn1.running_var"].Values[1], 6);
        Assert.Equal([7f, 8], entries["layer1.0.bn2.bias"].Values);
        Assert.DoesNotContain(entries.Keys, k => k.Contains("downsample", StringComparison.Ordinal));
        Assert.Equal(15, entries.Count);
    }

    [Fact]
    public void A_graph_with_another_block_count_is_rejected()
    {
        var graph = new ProtoWriter()
            .Message(1, ProtoWriter.Node("Conv", ["x", "w0"], "s"))
            .Message(5, ProtoWriter.FloatTensor("w0", [1, 1, 1, 1], [1]));
        OnnxGraph parsed = OnnxGraph.Parse(new ProtoWriter().Message(7, graph).ToArray());

        var ex = Assert.Throws<InvalidDataException>(() => OnnxResNetMapping.BasicBlockStateDict(parsed, [2, 2, 2, 2], TorchEpsilon));
        Assert.Contains("0 residual additions where the ResNet has 8 blocks", ex.Message, StringComparison.Ordinal);
    }
}
