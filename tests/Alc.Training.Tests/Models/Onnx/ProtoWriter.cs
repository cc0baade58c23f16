using System.Buffers.Binary;
using System.Text;

namespace Alc.Training.Tests.Models.Onnx;

/// <summary>A minimal protocol-buffer writer, to hand-build ONNX messages for the reader's tests.</summary>
internal sealed class ProtoWriter
{
    private readonly List<byte> _bytes = [];

    public byte[] ToArray() => [.. _bytes];

    public ProtoWriter Varint(int field, long value)
    {
        Tag(field, 0);
        Raw((ulong)value);
        return this;
    }

    public ProtoWriter Float(int field, float value)
    {
        Tag(field, 5);
        var buffer = new byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(buffer, value);
        _bytes.AddRange(buffer);
        return this;
    }

    public ProtoWriter Bytes(int field, byte[] value)
    {
        Tag(field, 2);
        Raw((ulong)value.Length);
        _bytes.AddRange(value);
        return this;
    }

    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoWriter Message(int field, ProtoWriter message) => Bytes(field, message.ToArray());

    public ProtoWriter PackedVarints(int field, params long[] values)
    {
        var packed = new ProtoWriter();
        foreach (long v in values)
        {
            packed.Raw((ulong)v);
        }

        return Bytes(field, packed.ToArray());
    }

    public ProtoWriter PackedFloats(int field, params float[] values) => Bytes(field, FloatBytes(values));

    public static byte[] FloatBytes(float[] values)
    {
        var buffer = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(i * 4), values[i]);
        }

        return buffer;
    }

    /// <summary>A float initializer (TensorProto): dims = 1, data_type = 2, name = 8, raw_data = 9 or float_data = 4.</summary>
    public static ProtoWriter FloatTensor(string name, long[] dims, float[] values, bool raw = true)
    {
        var tensor = new ProtoWriter().PackedVarints(1, dims).Varint(2, 1).String(8, name);
        return raw ? tensor.Bytes(9, FloatBytes(values)) : tensor.PackedFloats(4, values);
    }

    /// <summary>A NodeProto: input = 1, output = 2, name = 3, op_type = 4, attribute = 5.</summary>
    public static ProtoWriter Node(string opType, string[] inputs, string output, params ProtoWriter[] attributes)
    {
        var node = new ProtoWriter();
        foreach (string input in inputs)
        {
            node.String(1, input);
        }

        node.String(2, output).String(3, opType + "_" + output).String(4, opType);
        foreach (ProtoWriter attribute in attributes)
        {
            node.Message(5, attribute);
        }

        return node;
    }

    private void Tag(int field, int wireType) => Raw((ulong)((field << 3) | wireType));

    private void Raw(ulong value)
    {
        while (value >= 0x80)
        {
            _bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        _bytes.Add((byte)value);
    }
}
