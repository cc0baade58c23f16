namespace Alc.Integrations.LabelStudio.Brush;

/// <summary>
/// Label Studio's brush mask format (<c>value.format = "rle"</c>, <c>value.rle</c> a JSON byte array): the
/// @thi.ng/rle-pack bitstream of a row-major RGBA image whose alpha channel is the mask.
/// </summary>
/// <remarks>
/// <para>Layout, most significant bit first: a 32-bit header with the number of RGBA bytes (W·H·4); 5 bits of
/// word size − 1 (7: bytes); four 4-bit run-length field sizes − 1 (rle-pack writes [3, 4, 8, 16] as 2, 3, 7, 15).
/// Then records until W·H·4 bytes are covered: 1 flag bit, 2 bits that pick one of the four field sizes, count − 1
/// in that many bits, then one 8-bit word repeated count times (flag 1) or count literal 8-bit words (flag 0).
/// The last byte is padded with zero bits.</para>
/// <para>A pixel is in the mask when its alpha is above <see cref="AlphaThreshold"/> (0): the editor
/// (label-studio 1.0.1 and later) draws the decoded RGBA with alpha as opacity, later versions recolour every
/// pixel whose alpha is nonzero, and Konva's hit test of a cached region keeps alpha &gt; 0; so the faint
/// antialiased rim of a brush stroke is part of the region an annotator sees and clicks.</para>
/// </remarks>
public static partial class BrushRle
{
    /// <summary>A pixel with alpha above this belongs to the mask (the editor's own test is "alpha nonzero").</summary>
    public const byte AlphaThreshold = 0;

    /// <summary>The only word size Label Studio uses: 8-bit words, one per RGBA channel.</summary>
    private const int WordBits = 8;

    /// <summary>The run-length field sizes rle-pack's defaults use, in bits, picked by a record's 2-bit index.</summary>
    private static readonly int[] CountBits = [3, 4, 8, 16];

    /// <summary>The longest record: a 16-bit count − 1 field covers 65,536 words.</summary>
    private const int MaxRecordWords = 1 << 16;

    /// <summary>Number of RGBA bytes of a <paramref name="width"/>×<paramref name="height"/> image, which must fit the 32-bit header.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A side is not positive, or W·H·4 exceeds <see cref="uint.MaxValue"/> or the largest array.</exception>
    private static long RgbaLength(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        long bytes = (long)width * height * 4;
        if (bytes > uint.MaxValue || (long)width * height > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(width),
                $"A {width}×{height} brush mask has {bytes} RGBA bytes, more than the 32-bit header of the format can count.");
        }

        return bytes;
    }
}
