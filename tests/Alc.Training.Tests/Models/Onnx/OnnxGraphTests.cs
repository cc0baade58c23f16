using Alc.Training.Models.Onnx;

namespace Alc.Training.Tests.Models.Onnx;

/// <summary>The protobuf/ONNX reader on hand-built messages, well-formed and not.</summary>
public class OnnxGraphTests
{
    [Fact]
    public void Reads_nodes_attributes_initializers_and_shapes()
    {
        // dim_value = 1 or dim_param = 2 inside TensorShapeProto.dim (1) inside Tensor.shape (2) inside TypeProto.tensor_type (1).
        var shape = new ProtoWriter()
            .Message(1, new ProtoWriter().Varint(1, 1))
            .Message(1, new ProtoWriter().String(2, "height"));
        var input = new ProtoWriter().String(1, "x").Message(2, new ProtoWriter().Message(1, new ProtoWriter().Varint(1, 1).Message(2, shape)));
        var graph = new ProtoWriter()
            .Message(1, ProtoWriter.Node("Conv", ["x", "w"], "y",
                new ProtoWriter().String(1, "pads").PackedVarints(8, 3, 3, 2, 2).Varint(20, 7),
                new ProtoWriter().String(1, "strides").Varint(8, 2).Varint(8, 2),
                new ProtoWriter().String(1, "epsilon").Float(2, 1e-3f),
                new ProtoWriter().String(1, "axis").Varint(3, -1)))
            .Message(5, ProtoWriter.FloatTensor("w", [2, 1], [1.5f, -2f]))
            .Message(5, ProtoWriter.FloatTensor("v", [3], [0.25f, 0.5f, 0.75f], raw: false))
            .Message(5, new ProtoWriter().PackedVarints(1, 2).Varint(2, 6).String(8, "i32").PackedVarints(5, 4, -5))
            .Message(11, input)
            .Message(12, new ProtoWriter().String(1, "y"));
        byte[] model = new ProtoWriter().Varint(1, 7).String(2, "test").Message(7, graph).ToArray();

        OnnxGraph parsed = OnnxGraph.Parse(model);

        OnnxNode conv = Assert.Single(parsed.Nodes);
        Assert.Equal("Conv", conv.OpType);
        Assert.Equal(["x", "w"], conv.Inputs);
        Assert.Equal([3L, 3, 2, 2], conv.Ints("pads", []));
        Assert.Equal([2L, 2], conv.Ints("strides", []));
        Assert.Equal(1e-3f, conv.Float("epsilon", 0));
        Assert.Equal(-1L, conv.Int("axis", 0));
        Assert.Equal(9L, conv.Int("group", 9));
        Assert.Equal([1.5f, -2f], parsed.Initializers["w"].Floats);
        Assert.Equal([2L, 1], parsed.Initializers["w"].Dims);
        Assert.Equal([0.25f, 0.5f, 0.75f], parsed.Initializers["v"].Floats);
        Assert.Equal([4L, -5], parsed.Initializers["i32"].Int64s);
        Assert.Equal([1L, null], Assert.Single(parsed.Inputs).Dims);
        Assert.Equal("y", Assert.Single(parsed.Outputs).Name);
        Assert.Same(conv, parsed.Producer("y"));
        Assert.Null(parsed.Producer("x"));
        Assert.Same(conv, Assert.Single(parsed.Consumers("w")));
    }

    [Theory]
    [InlineData(new byte[] { 0x08, 0x80 })]                   // varint cut short
    [InlineData(new byte[] { 0x3A, 0x05, 0x01 })]             // graph length past the end
    [InlineData(new byte[] { 0x0B })]                         // wire type 3 (groups)
    [InlineData(new byte[] { 0x00 })]                         // field number 0
    [InlineData(new byte[] { 0x08, 0x01 })]                   // no graph at all
    [InlineData(new byte[] { 0x3A, 0x02, 0x0A, 0x05 })]       // node length past the graph's end
    public void Malformed_models_are_rejected(byte[] model)
    {
        Assert.Throws<InvalidDataException>(() => OnnxGraph.Parse(model));
    }

    [Fact]
    public void A_tensor_whose_values_do_not_fill_its_shape_is_rejected()
    {
        var graph = new ProtoWriter().Message(5, ProtoWriter.FloatTensor("w", [2, 2], [1f, 2f, 3f]));
        byte[] model = new ProtoWriter().Message(7, graph).ToArray();

        var ex = Assert.Throws<InvalidDataException>(() => OnnxGraph.Parse(model));
        Assert.Contains("'w' holds 3 values for shape [2,2]", ex.Message, StringComparison.Ordinal);
    }
}
