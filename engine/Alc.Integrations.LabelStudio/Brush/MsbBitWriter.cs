namespace Alc.Integrations.LabelStudio.Brush;

/// <summary>
/// Appends unsigned fields of 1 to 32 bits, most significant bit first, and hands back the bytes with the last
/// one padded by zero bits, as @thi.ng/bitstream's <c>BitOutputStream.bytes()</c> returns them.
/// </summary>
internal sealed class MsbBitWriter
{
    private readonly List<byte> _bytes;
    private int _used = 8;

    /// <summary>Creates an empty writer with room for about <paramref name="capacity"/> bytes.</summary>
    public MsbBitWriter(int capacity) => _bytes = new List<byte>(capacity);

    /// <summary>Appends the low <paramref name="bits"/> bits (1..32) of <paramref name="value"/>, highest first.</summary>
    public void Write(uint value, int bits)
    {
        for (int k = bits - 1; k >= 0; k--)
        {
            if (_used == 8)
            {
                _bytes.Add(0);
                _used = 0;
            }

            if (((value >> k) & 1) != 0)
            {
                _bytes[^1] |= (byte)(0x80 >> _used);
            }

            _used++;
        }
    }

    /// <summary>The bytes written so far; the bits after the last field of the last byte are zero.</summary>
    public byte[] ToArray() => [.. _bytes];
}
