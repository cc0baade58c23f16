using Alc.Integrations.LabelStudio.Brush;
using Alc.Integrations.LabelStudio.Tests.Support;

namespace Alc.Integrations.LabelStudio.Tests.Brush;

/// <summary>Corrupt streams and bad arguments give a clear exception that says what is wrong, never a wrong mask.</summary>
public sealed class BrushRleCorruptInputTests
{
    /// <summary>The hand-computed 2×1 stream (see <see cref="BrushRleHandComputedTests"/>).</summary>
    private static readonly byte[] TwoByOne = BrushRle.Encode([1, 0], 2, 1);

    [Fact]
    public void AHeaderCountOtherThanWTimesHTimesFourIsRejected()
    {
        var e = Assert.Throws<FormatException>(() => BrushRle.DecodeMask(TwoByOne, 3, 1));
        Assert.Contains("counts 8 RGBA bytes", e.Message, StringComparison.Ordinal);
        Assert.Contains("3×1 mask has 12", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AStreamCutInsideARecordIsTruncated()
    {
        var e = Assert.Throws<FormatException>(() => BrushRle.DecodeMask(TwoByOne.AsSpan(0, TwoByOne.Length - 2), 2, 1));
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
        Assert.Contains("record 1", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(6)]
    public void AStreamCutInsideTheHeaderIsTruncated(int length)
    {
        var e = Assert.Throws<FormatException>(() => BrushRle.DecodeAlpha(TwoByOne.AsSpan(0, length), 2, 1));
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
        Assert.Contains("header", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWordSizeOtherThanEightBitsIsRejected()
    {
        byte[] rle = Bits.ToBytes(Convert.ToString(8, 2).PadLeft(32, '0') + " 01111 0010 0011 0111 1111 " + "1 00 011 " + Bits.Field(255, 16));
        var e = Assert.Throws<FormatException>(() => BrushRle.DecodeAlpha(rle, 2, 1));
        Assert.Contains("16-bit words", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARunPastTheLastByteIsRejected()
    {
        // 2×1 = 8 bytes: a run of 4, then a run of 5 (count − 1 = 4) would write byte 8.
        byte[] rle = Bits.ToBytes(Bits.Header(8) + "1 00 011 " + Bits.Field(255, 8) + "1 00 100 " + Bits.Field(0, 8));
        var e = Assert.Throws<FormatException>(() => BrushRle.DecodeMask(rle, 2, 1));
        Assert.Contains("record 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("covers 5 bytes from byte 4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALiteralBlockPastTheLastByteIsRejected()
    {
        // One literal record of 16 words (size index 1, count − 1 = 15) for an 8-byte image.
        byte[] rle = Bits.ToBytes(Bits.Header(8) + "0 01 1111 " + string.Concat(Enumerable.Repeat(Bits.Field(1, 8), 16)));
        var e = Assert.Throws<FormatException>(() => BrushRle.DecodeMask(rle, 2, 1));
        Assert.Contains("record 0", e.Message, StringComparison.Ordinal);
        Assert.Contains("past the 8 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BytesAfterTheLastRecordAreIgnoredAsRlePackIgnoresThem() =>
        Assert.Equal([1, 0], BrushRle.DecodeMask([.. TwoByOne, 0xFF, 0x12], 2, 1));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, -1)]
    [InlineData(40_000, 40_000)]
    public void SizesThatAreNotPositiveOrOverflowTheHeaderAreRejected(int width, int height)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BrushRle.DecodeMask(TwoByOne, width, height));
        Assert.Throws<ArgumentOutOfRangeException>(() => BrushRle.Encode([], width, height));
    }

    [Fact]
    public void EncodeRejectsAMaskOfTheWrongLength() =>
        Assert.Throws<ArgumentException>(() => BrushRle.Encode([1, 0, 1], 2, 1));
}
