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

    /// <summary>
    /// A detector stand-in whose answer is fixed: boxes [1,N,4] (x0, y0, x1, y1 normalised to 0..1) and class scores [1,N,C],
    /// whatever the image [1,3,H,W].
    /// </summary>
    public static byte[] Detector(float[] boxes, float[] scores, int classes)
    {
        int n = boxes.Length / 4;
        var graph = new GraphProto { Name = "detector" };
        graph.Input.Add(Value("image", TensorProto.Types.DataType.Float, [1, 3, -1, -1]));
        graph.Output.Add(Value("boxes", TensorProto.Types.DataType.Float, [1, n, 4]));
        graph.Output.Add(Value("scores", TensorProto.Types.DataType.Float, [1, n, classes]));
        graph.Initializer.Add(Floats("fixed_boxes", [1, n, 4], boxes));
        graph.Initializer.Add(Floats("fixed_scores", [1, n, classes], scores));
        graph.Node.Add(Node("Identity", ["fixed_boxes"], ["boxes"]));
        graph.Node.Add(Node("Identity", ["fixed_scores"], ["scores"]));
        return Model(graph);
    }

    /// <summary>A SAM-encoder stand-in: its embedding is its input image [1,3,S,S] itself.</summary>
    public static byte[] SamEncoder(int side)
    {
        var graph = new GraphProto { Name = "sam-encoder" };
        graph.Input.Add(Value("image", TensorProto.Types.DataType.Float, [1, 3, side, side]));
        graph.Output.Add(Value("image_embeddings", TensorProto.Types.DataType.Float, [1, 3, side, side]));
        graph.Node.Add(Node("Identity", ["image"], ["image_embeddings"]));
        return Model(graph);
    }

    /// <summary>
    /// A SAM-decoder stand-in whose mask is its box: with the box's corners (x0, y0), (x1, y1) in the encoder's frame of side
    /// <paramref name="side"/> and orig_im_size (H, W), the mask logit of pixel (x, y) is +0.5 when its centre, scaled into that
    /// frame by side / max(H, W), lies in the box, else −0.5 — masks [1,1,H,W], iou_predictions 0.9.
    /// </summary>
    public static byte[] SamBoxDecoder(int side)
    {
        var graph = new GraphProto { Name = "sam-box-decoder" };
        AddPromptInputs(graph, side);
        graph.Output.Add(Value("masks", TensorProto.Types.DataType.Float, [1, 1, -1, -1]));
        graph.Output.Add(Value("iou_predictions", TensorProto.Types.DataType.Float, [1, 1]));
        graph.Output.Add(Value("low_res_masks", TensorProto.Types.DataType.Float, [1, 1, 256, 256]));
        graph.Initializer.Add(Floats("side", [], [side]));
        graph.Initializer.Add(Floats("half", [], [0.5f]));
        graph.Initializer.Add(Floats("one", [], [1f]));
        graph.Initializer.Add(Floats("iou", [1, 1], [0.9f]));
        graph.Initializer.Add(Longs("flat4", [1], [4]));
        graph.Initializer.Add(Longs("axis1", [1], [1]));
        graph.Initializer.Add(Longs("axes01", [2], [0, 1]));
        for (int i = 0; i < 4; i++)
        {
            graph.Initializer.Add(Longs($"i{i}", [], [i]));
        }

        graph.Node.Add(Node("Reshape", ["point_coords", "flat4"], ["corners"]));
        foreach (var (name, index) in new[] { ("x0", 0), ("y0", 1), ("x1", 2), ("y1", 3) })
        {
            graph.Node.Add(Node("Gather", ["corners", $"i{index}"], [name]));
        }

        graph.Node.Add(Node("Gather", ["orig_im_size", "i0"], ["h"]));
        graph.Node.Add(Node("Gather", ["orig_im_size", "i1"], ["w"]));
        graph.Node.Add(Node("Max", ["h", "w"], ["longest"]));
        graph.Node.Add(Node("Div", ["side", "longest"], ["scale"]));
        foreach (var (axis, size, low, high) in new[] { ("x", "w", "x0", "x1"), ("y", "h", "y0", "y1") })
        {
            graph.Node.Add(Node("Range", ["half", size, "one"], [$"{axis}_centres"]));
            graph.Node.Add(Node("Mul", [$"{axis}_centres", "scale"], [$"{axis}_scaled"]));
            graph.Node.Add(Node("GreaterOrEqual", [$"{axis}_scaled", low], [$"{axis}_above"]));
            graph.Node.Add(Node("LessOrEqual", [$"{axis}_scaled", high], [$"{axis}_below"]));
            graph.Node.Add(Node("And", [$"{axis}_above", $"{axis}_below"], [$"{axis}_inside"]));
        }

        graph.Node.Add(Node("Unsqueeze", ["y_inside", "axis1"], ["rows"]));
        graph.Node.Add(Node("And", ["rows", "x_inside"], ["inside"]));
        graph.Node.Add(Cast("inside", "inside_float", TensorProto.Types.DataType.Float));
        graph.Node.Add(Node("Sub", ["inside_float", "half"], ["logits"]));
        graph.Node.Add(Node("Unsqueeze", ["logits", "axes01"], ["masks"]));
        graph.Node.Add(Node("Identity", ["iou"], ["iou_predictions"]));
        graph.Node.Add(Node("Identity", ["mask_input"], ["low_res_masks"]));
        return Model(graph);
    }

    /// <summary>
    /// A SAM-decoder stand-in for point prompts on a fixed <paramref name="width"/>×<paramref name="height"/> image: the mask is
    /// the region of <paramref name="regions"/> (row-major ids) under the first point (mapped back from the encoder's frame of
    /// side <paramref name="side"/>), as logits +2 inside and −2 outside, and its predicted IoU is <paramref name="iouByRegion"/>[id].
    /// </summary>
    public static byte[] SamRegionDecoder(int side, int width, int height, int[] regions, float[] iouByRegion)
    {
        var graph = new GraphProto { Name = "sam-region-decoder" };
        AddPromptInputs(graph, side);
        graph.Output.Add(Value("masks", TensorProto.Types.DataType.Float, [1, 1, height, width]));
        graph.Output.Add(Value("iou_predictions", TensorProto.Types.DataType.Float, [1, 1]));
        graph.Output.Add(Value("low_res_masks", TensorProto.Types.DataType.Float, [1, 1, 256, 256]));
        graph.Initializer.Add(Longs("flat4", [1], [4]));
        graph.Initializer.Add(Longs("i0", [], [0]));
        graph.Initializer.Add(Longs("i1", [], [1]));
        graph.Initializer.Add(Floats("scale", [], [side / (float)Math.Max(width, height)]));
        graph.Initializer.Add(Longs("width", [], [width]));
        graph.Initializer.Add(Longs("regions_flat", [regions.Length], [.. regions.Select(r => (long)r)]));
        graph.Initializer.Add(Longs("regions", [height, width], [.. regions.Select(r => (long)r)]));
        graph.Initializer.Add(Floats("iou_table", [iouByRegion.Length], iouByRegion));
        graph.Initializer.Add(Floats("four", [], [4f]));
        graph.Initializer.Add(Floats("two", [], [2f]));
        graph.Initializer.Add(Longs("shape11", [2], [1, 1]));
        graph.Initializer.Add(Longs("axes01", [2], [0, 1]));
        graph.Node.Add(Node("Reshape", ["point_coords", "flat4"], ["corners"]));
        foreach (var (axis, index) in new[] { ("x", "i0"), ("y", "i1") })
        {
            graph.Node.Add(Node("Gather", ["corners", index], [$"{axis}_frame"]));
            graph.Node.Add(Node("Div", [$"{axis}_frame", "scale"], [$"{axis}_image"]));
            graph.Node.Add(Node("Floor", [$"{axis}_image"], [$"{axis}_floor"]));
            graph.Node.Add(Cast($"{axis}_floor", $"{axis}_pixel", TensorProto.Types.DataType.Int64));
        }

        graph.Node.Add(Node("Mul", ["y_pixel", "width"], ["row_start"]));
        graph.Node.Add(Node("Add", ["row_start", "x_pixel"], ["index"]));
        graph.Node.Add(Node("Gather", ["regions_flat", "index"], ["region"]));
        graph.Node.Add(Node("Equal", ["regions", "region"], ["inside"]));
        graph.Node.Add(Cast("inside", "inside_float", TensorProto.Types.DataType.Float));
        graph.Node.Add(Node("Mul", ["inside_float", "four"], ["scaled"]));
        graph.Node.Add(Node("Sub", ["scaled", "two"], ["logits"]));
        graph.Node.Add(Node("Unsqueeze", ["logits", "axes01"], ["masks"]));
        graph.Node.Add(Node("Gather", ["iou_table", "region"], ["iou"]));
        graph.Node.Add(Node("Reshape", ["iou", "shape11"], ["iou_predictions"]));
        graph.Node.Add(Node("Identity", ["mask_input"], ["low_res_masks"]));
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

    // The segment-anything decoder's inputs for a two-point prompt on the stand-in encoder's embedding [1,3,S,S].
    private static void AddPromptInputs(GraphProto graph, int side)
    {
        graph.Input.Add(Value("image_embeddings", TensorProto.Types.DataType.Float, [1, 3, side, side]));
        graph.Input.Add(Value("point_coords", TensorProto.Types.DataType.Float, [1, 2, 2]));
        graph.Input.Add(Value("point_labels", TensorProto.Types.DataType.Float, [1, 2]));
        graph.Input.Add(Value("mask_input", TensorProto.Types.DataType.Float, [1, 1, 256, 256]));
        graph.Input.Add(Value("has_mask_input", TensorProto.Types.DataType.Float, [1]));
        graph.Input.Add(Value("orig_im_size", TensorProto.Types.DataType.Float, [2]));
    }

    private static NodeProto Cast(string input, string output, TensorProto.Types.DataType to)
    {
        var node = Node("Cast", [input], [output]);
        node.Attribute.Add(new AttributeProto { Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = (long)to });
        return node;
    }

    private static TensorProto Longs(string name, long[] shape, long[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.AddRange(shape);
        tensor.Int64Data.AddRange(values);
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
