using System.Buffers.Binary;
using System.Text;

namespace Alc.Training.Models.Onnx;

/// <summary>
/// A forward-only reader of the protocol-buffer wire format (varint, fixed32, fixed64 and length-delimited fields),
/// enough to walk an ONNX model without generated code. Every read is bounds-checked; malformed input throws
/// <see cref="InvalidDataException"/>.
/// </summary>
internal struct ProtobufReader
{
    private readonly ReadOnlyMemory<byte> _data;
    private int _position;

    /// <summary>A reader over one message's bytes.</summary>
    public ProtobufReader(ReadOnlyMemory<byte> data)
    {
        _data = data;
        _position = 0;
    }

    /// <summary>Reads the next field's tag; false at the end of the message.</summary>
    public bool TryReadTag(out int field, out int wireType)
    {
        if (_position >= _data.Length)
        {
            field = 0;
            wireType = 0;
            return false;
        }

        ulong tag = ReadVarint();
        field = checked((int)(tag >> 3));
        wireType = (int)(tag & 7);
        if (field == 0)
        {
            throw new InvalidDataException("Protobuf field number 0 is invalid.");
        }

        return true;
    }

    /// <summary>Reads a base-128 varint (wire type 0).</summary>
    public ulong ReadVarint()
    {
        ReadOnlySpan<byte> span = _data.Span;
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (_position >= span.Length)
            {
                throw new InvalidDataException("Truncated protobuf varint.");
            }

            byte b = span[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("Protobuf varint longer than 10 bytes.");
    }

    /// <summary>Reads a little-endian 32-bit value (wire type 5).</summary>
    public uint ReadFixed32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4).Span);

    /// <summary>Reads a little-endian 64-bit value (wire type 1).</summary>
    public ulong ReadFixed64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8).Span);

    /// <summary>Reads a length-delimited field's bytes (wire type 2) without copying them.</summary>
    public ReadOnlyMemory<byte> ReadBytes()
    {
        ulong length = ReadVarint();
        if (length > (ulong)(_data.Length - _position))
        {
            throw new InvalidDataException("Protobuf length-delimited field runs past its message.");
        }

        return Take((int)length);
    }

    /// <summary>Reads a length-delimited UTF-8 string.</summary>
    public string ReadString() => Encoding.UTF8.GetString(ReadBytes().Span);

    /// <summary>Skips a field of <paramref name="wireType"/>.</summary>
    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case 0:
                ReadVarint();
                break;
            case 1:
                Take(8);
                break;
            case 2:
                ReadBytes();
                break;
            case 5:
                Take(4);
                break;
            default:
                throw new InvalidDataException($"Unsupported protobuf wire type {wireType}.");
        }
    }

    /// <summary>
    /// Reads the values of a repeated varint field, packed (wire type 2) or not (wire type 0), appending them to
    /// <paramref name="values"/>.
    /// </summary>
    public void ReadVarints(int wireType, List<long> values)
    {
        if (wireType == 0)
        {
            values.Add((long)ReadVarint());
            return;
        }

        ExpectWireType(wireType, 2);
        var packed = new ProtobufReader(ReadBytes());
        while (packed._position < packed._data.Length)
        {
            values.Add((long)packed.ReadVarint());
        }
    }

    /// <summary>
    /// Reads the values of a repeated float field, packed (wire type 2) or not (wire type 5), appending them to
    /// <paramref name="values"/>.
    /// </summary>
    public void ReadFloats(int wireType, List<float> values)
    {
        if (wireType == 5)
        {
            values.Add(BitConverter.UInt32BitsToSingle(ReadFixed32()));
            return;
        }

        ExpectWireType(wireType, 2);
        ReadOnlySpan<byte> bytes = ReadBytes().Span;
        if (bytes.Length % 4 != 0)
        {
            throw new InvalidDataException("Packed protobuf float field whose length is not a multiple of 4.");
        }

        for (int i = 0; i < bytes.Length; i += 4)
        {
            values.Add(BinaryPrimitives.ReadSingleLittleEndian(bytes[i..]));
        }
    }

    /// <summary>Throws unless <paramref name="actual"/> is <paramref name="expected"/>.</summary>
    public static void ExpectWireType(int actual, int expected)
    {
        if (actual != expected)
        {
            throw new InvalidDataException($"Protobuf wire type {actual} where {expected} was expected.");
        }
    }

    private ReadOnlyMemory<byte> Take(int count)
    {
        if (count > _data.Length - _position)
        {
            throw new InvalidDataException("Truncated protobuf field.");
        }

        ReadOnlyMemory<byte> slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }
}
