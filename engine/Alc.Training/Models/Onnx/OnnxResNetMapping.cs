namespace Alc.Training.Models.Onnx;

/// <summary>
/// Maps the weights of an ONNX ResNet of basic blocks onto torchvision's <c>state_dict</c> names by walking the graph,
/// not by trusting the exporter's node names: the stem is the first <c>Conv</c>; each residual block is an <c>Add</c>
/// (in graph order: layer1.0, layer1.1, …) whose main branch is conv→BN→ReLU→conv→BN and whose other input is either
/// the block input (identity) or a 1×1 conv→BN of it (<c>downsample</c>).
/// <para>
/// Batch norm is taken as the graph has it: a <c>BatchNormalization</c> after the convolution gives <c>bn.weight</c>
/// (scale), <c>bn.bias</c>, <c>bn.running_mean</c> and <c>bn.running_var</c> (corrected for a different epsilon); a
/// convolution bias before it is folded into the running mean; an exporter that folded batch norm into the convolution
/// (a biased <c>Conv</c>, no <c>BatchNormalization</c>) gives an identity batch norm carrying the bias (weight 1,
/// mean 0, variance 1 − ε).
/// </para>
/// </summary>
internal static class OnnxResNetMapping
{
    /// <summary>
    /// The state-dict entries (name → row-major values and shape) of a basic-block ResNet with
    /// <paramref name="blockCounts"/>, for batch norms with epsilon <paramref name="epsilon"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">The graph is not such a ResNet.</exception>
    public static Dictionary<string, (float[] Values, long[] Shape)> BasicBlockStateDict(OnnxGraph graph, IReadOnlyList<int> blockCounts, double epsilon)
    {
        var entries = new Dictionary<string, (float[] Values, long[] Shape)>(StringComparer.Ordinal);
        OnnxNode stem = graph.Nodes.FirstOrDefault(n => n.OpType == "Conv")
            ?? throw new InvalidDataException("The ONNX graph has no convolution.");
        OnnxNode? stemBn = graph.Consumers(stem.Outputs[0]).FirstOrDefault(n => n.OpType == "BatchNormalization");
        AddConvBn(graph, entries, "conv1", "bn1", new OnnxConvUnit(stem, stemBn), epsilon);

        List<OnnxNode> adds = [.. graph.Nodes.Where(n => n.OpType is "Add" or "Sum")];
        int expected = blockCounts.Sum();
        if (adds.Count != expected)
        {
            throw new InvalidDataException($"The ONNX graph has {adds.Count} residual additions where the ResNet has {expected} blocks.");
        }

        int k = 0;
        string? previousOutput = null;
        for (int layer = 0; layer < blockCounts.Count; layer++)
        {
            for (int block = 0; block < blockCounts[layer]; block++, k++)
            {
                OnnxNode add = adds[k];
                string prefix = $"layer{layer + 1}.{block}.";
                (OnnxConvUnit first, OnnxConvUnit second, string blockInput, string other) = MainBranch(graph, add, prefix);
                if (previousOutput is not null && !IsReluOf(graph, blockInput, previousOutput))
                {
                    throw new InvalidDataException($"Block {prefix.TrimEnd('.')} does not read the ReLU of the previous block's sum.");
                }

                AddConvBn(graph, entries, prefix + "conv1", prefix + "bn1", first, epsilon);
                AddConvBn(graph, entries, prefix + "conv2", prefix + "bn2", second, epsilon);
                if (other != blockInput)
                {
                    OnnxConvUnit? shortcut = Unit(graph, other);
                    if (shortcut is not { } s || s.Conv.Inputs[0] != blockInput)
                    {
                        throw new InvalidDataException($"Block {prefix.TrimEnd('.')}: the shortcut is neither the block input nor a convolution of it.");
                    }

                    AddConvBn(graph, entries, prefix + "downsample.0", prefix + "downsample.1", s, epsilon);
                }

                previousOutput = add.Outputs[0];
            }
        }

        return entries;
    }

    private static (OnnxConvUnit First, OnnxConvUnit Second, string BlockInput, string Other) MainBranch(OnnxGraph graph, OnnxNode add, string prefix)
    {
        if (add.Inputs.Count != 2)
        {
            throw new InvalidDataException($"Block {prefix.TrimEnd('.')}: the residual sum has {add.Inputs.Count} inputs.");
        }

        (OnnxConvUnit, OnnxConvUnit, string, string)? found = null;
        for (int i = 0; i < 2; i++)
        {
            if (Unit(graph, add.Inputs[i]) is { } second
                && graph.Producer(second.Conv.Inputs[0]) is { OpType: "Relu" } relu
                && Unit(graph, relu.Inputs[0]) is { } first)
            {
                if (found is not null)
                {
                    throw new InvalidDataException($"Block {prefix.TrimEnd('.')}: both inputs of the residual sum look like a main branch.");
                }

                found = (first, second, first.Conv.Inputs[0], add.Inputs[1 - i]);
            }
        }

        return found ?? throw new InvalidDataException($"Block {prefix.TrimEnd('.')}: no conv→BN→ReLU→conv→BN branch reaches the residual sum.");
    }

    private static bool IsReluOf(OnnxGraph graph, string value, string input) =>
        graph.Producer(value) is { OpType: "Relu" } relu && relu.Inputs[0] == input;

    /// <summary>The convolution producing <paramref name="value"/>, directly or through one batch norm.</summary>
    private static OnnxConvUnit? Unit(OnnxGraph graph, string value)
    {
        OnnxNode? producer = graph.Producer(value);
        if (producer is { OpType: "BatchNormalization" } && graph.Producer(producer.Inputs[0]) is { OpType: "Conv" } conv)
        {
            return new OnnxConvUnit(conv, producer);
        }

        return producer is { OpType: "Conv" } ? new OnnxConvUnit(producer, null) : null;
    }

    private static void AddConvBn(OnnxGraph graph, Dictionary<string, (float[] Values, long[] Shape)> entries, string convName, string bnName, OnnxConvUnit unit, double epsilon)
    {
        OnnxNode conv = unit.Conv;
        if (conv.Int("group", 1) != 1)
        {
            throw new InvalidDataException($"{convName}: grouped convolutions are not part of a ResNet.");
        }

        OnnxTensor weight = Initializer(graph, conv.Inputs[1], convName);
        if (weight.Dims.Length != 4)
        {
            throw new InvalidDataException($"{convName}: a weight of shape [{string.Join(',', weight.Dims)}] is not a 2-d convolution's.");
        }

        long channels = weight.Dims[0];
        float[]? convBias = conv.Inputs.Count > 2 && conv.Inputs[2].Length > 0 ? Initializer(graph, conv.Inputs[2], convName).Floats : null;
        entries[convName + ".weight"] = (weight.Floats, weight.Dims);

        float[] scale, bias, mean, variance;
        if (unit.BatchNorm is { } bn)
        {
            if (bn.Int("spatial", 1) != 1)
            {
                throw new InvalidDataException($"{bnName}: per-activation batch norm (spatial = 0) has no torch equivalent.");
            }

            scale = Initializer(graph, bn.Inputs[1], bnName).Floats;
            bias = Initializer(graph, bn.Inputs[2], bnName).Floats;
            mean = (float[])Initializer(graph, bn.Inputs[3], bnName).Floats.Clone();
            variance = (float[])Initializer(graph, bn.Inputs[4], bnName).Floats.Clone();
            double correction = bn.Float("epsilon", 1e-5f) - epsilon;
            for (int c = 0; c < channels; c++)
            {
                variance[c] = (float)(variance[c] + correction);
                if (convBias is not null)
                {
                    mean[c] -= convBias[c];
                }
            }
        }
        else
        {
            scale = Enumerable.Repeat(1f, (int)channels).ToArray();
            bias = convBias ?? new float[channels];
            mean = new float[channels];
            variance = Enumerable.Repeat((float)(1 - epsilon), (int)channels).ToArray();
        }

        foreach ((string suffix, float[] values) in new[] { ("weight", scale), ("bias", bias), ("running_mean", mean), ("running_var", variance) })
        {
            if (values.Length != channels)
            {
                throw new InvalidDataException($"{bnName}.{suffix}: {values.Length} values for {channels} channels.");
            }

            entries[$"{bnName}.{suffix}"] = (values, [channels]);
        }
    }

    private static OnnxTensor Initializer(OnnxGraph graph, string name, string target)
    {
        if (!graph.Initializers.TryGetValue(name, out OnnxTensor? tensor))
        {
            throw new InvalidDataException($"{target}: '{name}' is computed in the graph, not a stored weight.");
        }

        return tensor.DataType == OnnxTensor.FloatType
            ? tensor
            : throw new InvalidDataException($"{target}: '{name}' has ONNX element type {tensor.DataType}, not float.");
    }
}
