using Alc.Integrations.LabelStudio.Brush;
using Alc.Integrations.LabelStudio.Tests.Support;

namespace Alc.Integrations.LabelStudio.Tests.Brush;

/// <summary>
/// A 2×1 mask [set, clear] worked out bit by bit. RGBA bytes: 255 255 255 255 0 0 0 0 (8 bytes).
/// <code>
/// header   00000000 00000000 00000000 00001000   W·H·4 = 8, 32 bits
///          00111                                 word size − 1 = 7, 5 bits
///          0010 0011 0111 1111                   field sizes − 1 = 2, 3, 7, 15 (sizes 3, 4, 8, 16)
/// record 0 1 00 011 11111111                     run, size index 0 (3 bits), count − 1 = 3, word 255
/// record 1 1 00 011 00000000                     run, size index 0 (3 bits), count − 1 = 3, word 0
/// </code>
/// After the 32 header bits: 21 + 14 + 14 = 49 bits, regrouped by eight:
/// <c>00111001 00011011 11111100 01111111 11110001 10000000 0·······</c>, the last byte padded with 0s:
/// 0x39 0x1B 0xFC 0x7F 0xF1 0x80 0x00.
/// </summary>
public sealed class BrushRleHandComputedTests
{
    private static readonly byte[] Bytes = [0x00, 0x00, 0x00, 0x08, 0x39, 0x1B, 0xFC, 0x7F, 0xF1, 0x80, 0x00];

    [Fact]
    public void EncodeWritesTheHandComputedBytes() =>
        Assert.Equal(Bytes, BrushRle.Encode([1, 0], 2, 1));

    [Fact]
    public void DecodeReadsTheHandComputedBytes()
    {
        Assert.Equal([255, 0], BrushRle.DecodeAlpha(Bytes, 2, 1));
        Assert.Equal([1, 0], BrushRle.DecodeMask(Bytes, 2, 1));
    }

    [Fact]
    public void DecodeReadsALiteralRecordByHand()
    {
        // Header as above, then one literal record: 0 01 0111 (size index 1: 4 bits, count − 1 = 7) and the
        // 8 words 9 8 7 128 1 2 3 0: pixel 0 has alpha 128, pixel 1 alpha 0 (the colour bytes are ignored).
        byte[] rle = Bits.ToBytes(Bits.Header(8) + "0 01 0111 " + string.Concat(new[] { 9, 8, 7, 128, 1, 2, 3, 0 }.Select(w => Bits.Field(w, 8))));
        Assert.Equal([128, 0], BrushRle.DecodeAlpha(rle, 2, 1));
        Assert.Equal([1, 0], BrushRle.DecodeMask(rle, 2, 1));
    }
}
