using Google.Protobuf;
using Onnx;

namespace Alc.Engine.Server.Tests.Models;

/// <summary>
/// Tiny ONNX models made here, with exactly the signatures the roles check (built with OnnxSharp's ONNX protobuf types,
/// opset 13), so every rule of the model checks has a model that passes it and one that breaks it.
/// </summary>
internal static class OnnxGraphs
{
    /// <summary>A semantic model: a 1×1 convolution from RGB to <paramref name="classes"/> logits, spatial axes free.</summary>
    /// <param name="classes">L, the output channels.</param>
    /// <param name="bias">The convolution's bias per class (NaN makes every logit NaN).</param>
    public static byte[] Semantic(int classes, float bias = 0f, string input = "image", long channels = 3)
    {
        var graph = new GraphProto { Name = "semantic" };
        graph.Input.Add(Value(input, TensorProto.Types.DataType.Float, [1, channels, -1, -1]));
        graph.Output.Add(Value("logits", TensorProto.Types.DataType.Float, [1, classes, -1, -1]));
        graph.Initializer.Add(Floats("weight", [classes, channels, 1, 1], Enumerable.Range(0, classes * (int)channels).Select(i => (float)((i % 7) - 3)).ToArray()));
        graph.Initializer.Add(Floats("bias", [classes], Enumerable.Repeat(bias, classes).ToArray()));
        graph.Node.Add(Node("Conv", [input, "weight", "bias"], ["logits"]));
        return Model(graph);
    }

    /// <summary>A semantic 1×1 convolution with the given weights [L,3] (row-major) and biases [L], spatial axes free.</summary>
    public static byte[] Semantic(float[] weight, float[] bias)
    {
        int classes = bias.Length;
        var graph = new GraphProto { Name = "semantic" };
        graph.Input.Add(Value("image", TensorProto.Types.DataType.Float, [1, 3, -1, -1]));
        graph.Output.Add(Value("logits", TensorProto.Types.DataType.Float, [1, classes, -1, -1]));
        graph.Initializer.Add(Floats("weight", [classes, 3, 1, 1], weight));
        graph.Initializer.Add(Floats("bias", [classes], bias));
        graph.Node.Add(Node("Conv", ["image", "weight", "bias"], ["logits"]));
        return Model(graph);
    }

    /// <summary>A model whose output has rank 2 (a classifier, not a segmenter): global average pool, then flatten.</summary>
    public static byte[] Classifier()
    {
        var graph = new GraphProto { Name = "classifier" };
        graph.Input.Add(Value("image", TensorProto.Types.DataType.Float, [1, 3, -1, -1]));
        graph.Output.Add(Value("scores", TensorProto.Types.DataType.Float, [1, 3]));
        graph.Node.Add(Node("GlobalAveragePool", ["image"], ["pooled"]));
        graph.Node.Add(Node("Flatten", ["pooled"], ["scores"]));
        return Model(graph);
    }

    /// <summary>A model that declares an output of <paramref name="gigabytes"/> GB of floats (an identity on a huge fixed input).</summary>
    public static byte[] Huge(double gigabytes)
    {
        long side = (long)Math.Sqrt(gigabytes * 1e9 / 4 / 3);
        var graph = new GraphProto { Name = "huge" };
        graph.Input.Add(Value("image", TensorProto.Types.DataType.Float, [1, 3, side, side]));
        graph.Output.Add(Value("logits", TensorProto.Types.DataType.Float, [1, 3, side, side]));
        graph.Node.Add(Node("Identity", ["image"], ["logits"]));
        return Model(graph);
    }

    /// <summary>A SAM-decoder stand-in with the segment-anything export's input and output names (each output an identity of an input).</summary>
    /// <param name="leaveOut">An input name to leave out.</param>
    public static byte[] SamDecoder(string? leaveOut = null)
    {
        var graph = new GraphProto { Name = "sam-decoder" };
        (string Name, TensorProto.Types.DataType Type, long[] Shape)[] inputs =
        [
            ("image_embeddings", TensorProto.Types.DataType.Float, [1, 256, 64, 64]),
            ("point_coords", TensorProto.Types.DataType.Float, [1, -1, 2]),
            ("point_labels", TensorProto.Types.DataType.Float, [1, -1]),
            ("mask_input", TensorProto.Types.DataType.Float, [1, 1, 256, 256]),
            ("has_mask_input", TensorProto.Types.DataType.Float, [1]),
            ("orig_im_size", TensorProto.Types.DataType.Float, [2]),
        ];
        foreach (var (name, type, shape) in inputs.Where(i => i.Name != leaveOut))
        {
            graph.Input.Add(Value(name, type, shape));
        }

        string source = leaveOut == "mask_input" ? "image_embeddings" : "mask_input";
        graph.Output.Add(Value("masks", TensorProto.Types.DataType.Float, [1, -1, -1, -1]));
        graph.Output.Add(Value("iou_predictions", TensorProto.Types.DataType.Float, [-1]));
        graph.Output.Add(Value("low_res_masks", TensorProto.Types.DataType.Float, [1, -1, -1, -1]));
        graph.Node.Add(Node("Identity", [source], ["masks"]));
        graph.Node.Add(Node("Identity", [leaveOut == "has_mask_input" ? "orig_im_size" : "has_mask_input"], ["iou_predictions"]));
        graph.Node.Add(Node("Identity", [source], ["low_res_masks"]));
        return Model(graph);
    }

    private static byte[] Model(GraphProto graph)
    {
        var model = new ModelProto { IrVersion = 7, ProducerName = "alc-tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        return model.ToByteArray();
    }

    private static ValueInfoProto Value(string name, TensorProto.Types.DataType type, long[] shape)
    {
        var tensorShape = new TensorShapeProto();
        foreach (long d in shape)
        {
            tensorShape.Dim.Add(d >= 0 ? new TensorShapeProto.Types.Dimension { DimValue = d } : new TensorShapeProto.Types.Dimension { DimParam = $"d{tensorShape.Dim.Count}" });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = tensorShape } },
        };
    }

    private static TensorProto Floats(string name, long[] shape, float[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(shape);
        tensor.FloatData.AddRange(values);
        return tensor;
    }

    private static NodeProto Node(string op, string[] inputs, string[] outputs)
    {
        var node = new NodeProto { OpType = op, Name = $"{op}_{outputs[0]}" };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        return node;
    }
}
