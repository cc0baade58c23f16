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
    /// <param name="field">What the field is, for the message when the stream ends inside it.</param>
    /// <exception cref="FormatException">The stream ends before the field does; the message names the field and the bit position.</exception>
    public uint Read(int bits, string field)
    {
        long available = ((long)_bytes.Length * 8) - _bit;
        if (bits > available)
        {
            throw new FormatException(
                $"The brush RLE is truncated: {field} needs {bits} bits at bit {_bit}, but the {_bytes.Length}-byte stream has {available} left.");
        }

        uint value = 0;
        for (int k = 0; k < bits; k++)
        {
            int b = (_bytes[(int)(_bit >> 3)] >> (7 - (int)(_bit & 7))) & 1;
            value = (value << 1) | (uint)b;
            _bit++;
        }

        return value;
    }
}
