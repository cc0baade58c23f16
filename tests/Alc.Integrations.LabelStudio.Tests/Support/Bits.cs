namespace Alc.Integrations.LabelStudio.Tests.Support;

/// <summary>Hand-written bitstreams: a string of '0'/'1' (spaces ignored), most significant bit first, zero-padded to a byte.</summary>
public static class Bits
{
    /// <summary>The header of a W·H·4 = <paramref name="rgbaBytes"/> stream with 8-bit words and field sizes 3, 4, 8, 16.</summary>
    public static string Header(uint rgbaBytes) =>
        Convert.ToString(rgbaBytes, 2).PadLeft(32, '0') + " 00111 0010 0011 0111 1111 ";

    /// <summary><paramref name="value"/> as <paramref name="width"/> binary digits.</summary>
    public static string Field(int value, int width) => Convert.ToString(value, 2).PadLeft(width, '0') + " ";

    /// <summary>The bytes of <paramref name="bits"/>, the last one padded with zero bits.</summary>
    public static byte[] ToBytes(string bits)
    {
        string digits = bits.Replace(" ", "", StringComparison.Ordinal);
        digits = digits.PadRight((digits.Length + 7) / 8 * 8, '0');
        return [.. Enumerable.Range(0, digits.Length / 8).Select(i => Convert.ToByte(digits.Substring(i * 8, 8), 2))];
    }
}
