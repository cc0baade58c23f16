using System.Buffers.Binary;

namespace Alc.Training.Models.Onnx;

/// <summary>
/// The main graph of an ONNX model file, read with <see cref="ProtobufReader"/>: nodes, initializers (the weights),
/// inputs and outputs. Enough to inspect a model and copy its weights; it neither runs nor writes models.
/// Field numbers are those of <c>onnx.proto3</c> (ModelProto.graph = 7; GraphProto node = 1, initializer = 5,
/// input = 11, output = 12; TensorProto dims = 1, data_type = 2, float_data = 4, int32_data = 5, int64_data = 7,
/// name = 8, raw_data = 9).
/// </summary>
internal sealed class OnnxGraph
{
    private OnnxGraph(List<OnnxNode> nodes, Dictionary<string, OnnxTensor> initializers, List<OnnxValueInfo> inputs, List<OnnxValueInfo> outputs)
    {
        Nodes = nodes;
        Initializers = initializers;
        Inputs = inputs;
        Outputs = outputs;
    }

    /// <summary>The operators in the file's (topological) order.</summary>
    public IReadOnlyList<OnnxNode> Nodes { get; }

    /// <summary>The initializers (weights) by name.</summary>
    public IReadOnlyDictionary<string, OnnxTensor> Initializers { get; }

    /// <summary>The graph's inputs (initializers listed as inputs by older exporters included).</summary>
    public IReadOnlyList<OnnxValueInfo> Inputs { get; }

    /// <summary>The graph's outputs.</summary>
    public IReadOnlyList<OnnxValueInfo> Outputs { get; }

    /// <summary>Reads the model file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a well-formed ONNX model.</exception>
    public static OnnxGraph Load(string path) => Parse(File.ReadAllBytes(path));

    /// <summary>Reads a serialized <c>ModelProto</c>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a well-formed ONNX model.</exception>
    public static OnnxGraph Parse(ReadOnlyMemory<byte> model)
    {
        var reader = new ProtobufReader(model);
        ReadOnlyMemory<byte>? graph = null;
        while (reader.TryReadTag(out int field, out int wireType))
        {
            if (field == 7)
            {
                ProtobufReader.ExpectWireType(wireType, 2);
                graph = reader.ReadBytes();
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return graph is { } g ? ParseGraph(g) : throw new InvalidDataException("The ONNX model has no graph.");
    }

    /// <summary>The node that produces <paramref name="value"/>, or null for a graph input or initializer.</summary>
    public OnnxNode? Producer(string value) => Nodes.FirstOrDefault(n => n.Outputs.Contains(value));

    /// <summary>The nodes that read <paramref name="value"/>.</summary>
    public IEnumerable<OnnxNode> Consumers(string value) => Nodes.Where(n => n.Inputs.Contains(value));

    private static OnnxGraph ParseGraph(ReadOnlyMemory<byte> bytes)
    {
        var nodes = new List<OnnxNode>();
        var initializers = new Dictionary<string, OnnxTensor>(StringComparer.Ordinal);
        var inputs = new List<OnnxValueInfo>();
        var outputs = new List<OnnxValueInfo>();
        var reader = new ProtobufReader(bytes);
        while (reader.TryReadTag(out int field, out int wireType))
        {
            switch (field)
            {
                case 1:
                    ProtobufReader.ExpectWireType(wireType, 2);
                    nodes.Add(ParseNode(reader.ReadBytes()));
                    break;
                case 5:
                    ProtobufReader.ExpectWireType(wireType, 2);
                    OnnxTensor tensor = ParseTensor(reader.ReadBytes());
                    initializers[tensor.Name] = tensor;
                    break;
                case 11:
                    ProtobufReader.ExpectWireType(wireType, 2);
                    inputs.Add(ParseValueInfo(reader.ReadBytes()));
                    break;
                case 12:
                    ProtobufReader.ExpectWireType(wireType, 2);
                    outputs.Add(ParseValueInfo(reader.ReadBytes()));
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return new OnnxGraph(nodes, initializers, inputs, outputs);
    }

    private static OnnxNode ParseNode(ReadOnlyMemory<byte> bytes)
    {
        string name = string.Empty;
        string opType = string.Empty;
        var inputs = new List<string>();
        var outputs = new List<string>();
        var attributes = new Dictionary<string, OnnxAttribute>(StringComparer.Ordinal);
        var reader = new ProtobufReader(bytes);
        while (reader.TryReadTag(out int field, out int wireType))
        {
            switch (field)
            {
                case 1:
                    ProtobufReader.ExpectWireType(wireType, 2);
                    inputs.Add(reader.ReadString());
                    break;
                case 2:
                    ProtobufReader.ExpectWireType(wireType, 2);
                    outputs.Add(reader.ReadString());
                    break;
                case 3:
                    ProtobufReader.ExpectWireType(wireType, 2);
                    name = reader.ReadString();
                    break;
                case 4:
                    ProtobufReader.ExpectWireType(wireType, 2);
                    opType = reader.ReadString();
                    break;
                case 5:
                    ProtobufReader.ExpectWireType(wireType, 2);
                    OnnxAttribute attribute = ParseAttribute(reader.ReadBytes());
                    attributes[attribute.Name] = attribute;
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return new OnnxNode(name, opType, inputs, outputs, attributes);
    }

    private static OnnxAttribute ParseAttribute(ReadOnlyMemory<byte> bytes)
    {
        string name = string.Empty;
        float f = 0;
        long i = 0;
        string s = string.Empty;
        var floats = new List<float>();
        var ints = new List<long>();
        OnnxTensor? t = null;
        var reader = new ProtobufReader(bytes);
        while (reader.TryReadTag(out int field, out int wireType))
        {
            switch (field)
            {
                case 1:
                    ProtobufReader.ExpectWireType(wireType, 2);
                    name = reader.ReadString();
                    break;
                case 2:
                    ProtobufReader.ExpectWireType(wireType, 5);
                    f = BitConverter.UInt32BitsToSingle(reader.ReadFixed32());
                    break;
                case 3:
                    ProtobufReader.ExpectWireType(wireType, 0);
                    i = (long)reader.ReadVarint();
                    break;
                case 4:
                    ProtobufReader.ExpectWireType(wireType, 2);
                    s = reader.ReadString();
                    break;
                case 5:
                    ProtobufReader.ExpectWireType(wireType, 2);
                    t = ParseTensor(reader.ReadBytes());
                    break;
                case 7:
                    reader.ReadFloats(wireType, floats);
                    break;
                case 8:
                    reader.ReadVarints(wireType, ints);
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return new OnnxAttribute(name, f, i, s, [.. floats], [.. ints], t);
    }

    private static OnnxTensor ParseTensor(ReadOnlyMemory<byte> bytes)
    {
        string name = string.Empty;
        int dataType = 0;
        var dims = new List<long>();
        var floats = new List<float>();
        var int64s = new List<long>();
        ReadOnlyMemory<byte> raw = ReadOnlyMemory<byte>.Empty;
        var reader = new ProtobufReader(bytes);
        while (reader.TryReadTag(out int field, out int wireType))
        {
            switch (field)
            {
                case 1:
                    reader.ReadVarints(wireType, dims);
                    break;
                case 2:
                    ProtobufReader.ExpectWireType(wireType, 0);
                    dataType = (int)reader.ReadVarint();
                    break;
                case 4:
                    reader.ReadFloats(wireType, floats);
                    break;
                case 5:
                case 7:
                    reader.ReadVarints(wireType, int64s);
                    break;
                case 8:
                    ProtobufReader.ExpectWireType(wireType, 2);
                    name = reader.ReadString();
                    break;
                case 9:
                    ProtobufReader.ExpectWireType(wireType, 2);
                    raw = reader.ReadBytes();
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        if (!raw.IsEmpty)
        {
            DecodeRaw(raw.Span, dataType, floats, int64s);
        }

        if (dataType == OnnxTensor.Int32Type)
        {
            // int32_data holds int32 values as varints: a negative one arrives sign-extended to 64 bits.
            for (int k = 0; k < int64s.Count; k++)
            {
                int64s[k] = unchecked((int)int64s[k]);
            }
        }

        var tensor = new OnnxTensor(name, [.. dims], dataType, [.. floats], [.. int64s]);
        long stored = dataType == OnnxTensor.FloatType ? tensor.Floats.Length : tensor.Int64s.Length;
        if ((dataType is OnnxTensor.FloatType or OnnxTensor.Int32Type or OnnxTensor.Int64Type) && stored != tensor.ElementCount)
        {
            throw new InvalidDataException($"ONNX tensor '{name}' holds {stored} values for shape [{string.Join(',', tensor.Dims)}].");
        }

        return tensor;
    }

    private static void DecodeRaw(ReadOnlySpan<byte> raw, int dataType, List<float> floats, List<long> int64s)
    {
        switch (dataType)
        {
            case OnnxTensor.FloatType:
                for (int k = 0; k + 4 <= raw.Length; k += 4)
                {
                    floats.Add(BinaryPrimitives.ReadSingleLittleEndian(raw[k..]));
                }

                break;
            case OnnxTensor.Int32Type:
                for (int k = 0; k + 4 <= raw.Length; k += 4)
                {
                    int64s.Add(BinaryPrimitives.ReadInt32LittleEndian(raw[k..]));
                }

                break;
            case OnnxTensor.Int64Type:
                for (int k = 0; k + 8 <= raw.Length; k += 8)
                {
                    int64s.Add(BinaryPrimitives.ReadInt64LittleEndian(raw[k..]));
                }

                break;
        }
    }

    private static OnnxValueInfo ParseValueInfo(ReadOnlyMemory<byte> bytes)
    {
        string name = string.Empty;
        var dims = new List<long?>();
        var reader = new ProtobufReader(bytes);
        while (reader.TryReadTag(out int field, out int wireType))
        {
            if (field == 1 && wireType == 2)
            {
                name = reader.ReadString();
            }
            else if (field == 2 && wireType == 2)
            {
                // TypeProto.tensor_type = 1 → Tensor.shape = 2 → TensorShapeProto.dim = 1 → dim_value = 1 | dim_param = 2.
                ReadOnlyMemory<byte>? tensorType = Field(reader.ReadBytes(), 1);
                ReadOnlyMemory<byte>? shape = tensorType is { } tt ? Field(tt, 2) : null;
                if (shape is { } sh)
                {
                    var shapeReader = new ProtobufReader(sh);
                    while (shapeReader.TryReadTag(out int f, out int w))
                    {
                        if (f == 1 && w == 2)
                        {
                            dims.Add(DimValue(shapeReader.ReadBytes()));
                        }
                        else
                        {
                            shapeReader.Skip(w);
                        }
                    }
                }
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return new OnnxValueInfo(name, dims);
    }

    private static long? DimValue(ReadOnlyMemory<byte> dimension)
    {
        var reader = new ProtobufReader(dimension);
        long? value = null;
        while (reader.TryReadTag(out int field, out int wireType))
        {
            if (field == 1 && wireType == 0)
            {
                value = (long)reader.ReadVarint();
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return value;
    }

    private static ReadOnlyMemory<byte>? Field(ReadOnlyMemory<byte> message, int wanted)
    {
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out int field, out int wireType))
        {
            if (field == wanted && wireType == 2)
            {
                return reader.ReadBytes();
            }

            reader.Skip(wireType);
        }

        return null;
    }
}
