namespace Alc.Integrations.LabelStudio.Brush;

/// <summary>
/// Reads unsigned fields of 1 to 32 bits from a byte span, most significant bit first, as
/// @thi.ng/bitstream's <c>BitInputStream</c> does: bit 7 of byte 0 is the stream's first bit.
/// </summary>
internal ref struct MsbBitReader
{
    private readonly ReadOnlySpan<byte> _bytes;
    private long _bit;

    /// <summary>Starts reading at the first bit of <paramref name="bytes"/>.</summary>
    public MsbBitReader(ReadOnlySpan<byte> bytes)
    {
        _bytes = bytes;
        _bit = 0;
    }

    /// <summary>How many bits have been read so far (the position of the next bit).</summary>
    public readonly long Position => _bit;

    /// <summary>Reads the next <paramref name="bits"/> bits (1..32) as an unsigned number, first bit highest.</summary>
    /// <param name="bits">Field width in bits, 1..32.</param>
    /// <param name="field">What the field is ("the header's word size", "flag", "literal word"), for the message
    /// when the stream ends inside it; a constant, so no text is built on the hot path.</param>
    /// <param name="record">The record the field belongs to, or −1 for a header field.</param>
    /// <param name="word">The word's index within a literal record, or −1.</param>
    /// <exception cref="FormatException">The stream ends before the field does; the message names the field, its
    /// record and the bit position.</exception>
    public uint Read(int bits, string field, int record = -1, long word = -1)
    {
        long available = ((long)_bytes.Length * 8) - _bit;
        if (bits > available)
        {
            string where = record < 0 ? field : word < 0 ? $"record {record}'s {field}" : $"record {record}'s {field} {word}";
            throw new FormatException(
                $"The brush RLE is truncated: {where} needs {bits} bits at bit {_bit}, but the {_bytes.Length}-byte stream has {available} left.");
        }

        // Whole pieces of bytes at a time: the bits left in the current byte, or fewer at the field's end.
        ulong value = 0;
        int left = bits;
        while (left > 0)
        {
            int offset = (int)(_bit & 7);
            int take = Math.Min(left, 8 - offset);
            int piece = (_bytes[(int)(_bit >> 3)] >> (8 - offset - take)) & ((1 << take) - 1);
            value = (value << take) | (uint)piece;
            _bit += take;
            left -= take;
        }

        return (uint)value;
    }
}
