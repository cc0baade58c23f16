using Alc.Integrations.LabelStudio.Brush;
using CsCheck;

namespace Alc.Integrations.LabelStudio.Tests.Brush;

/// <summary>Random masks of random sizes round-trip exactly; random bytes never decode to anything but a mask or a FormatException.</summary>
public sealed class BrushRlePropertyTests
{
    /// <summary>Masks 1..90 pixels a side, from empty to full, set values 1..3 (nonzero = set).</summary>
    private static readonly Gen<(int Width, int Height, byte[] Mask)> Masks =
        Gen.Select(Gen.Int[1, 90], Gen.Int[1, 90], Gen.Int[0, 100])
            .SelectMany((w, h, percent) => Gen.Int[0, 99].Array[w * h]
                .Select(rolls => (w, h, rolls.Select(r => r < percent ? (byte)(1 + (r % 3)) : (byte)0).ToArray())));

    [Fact]
    public void DecodeMaskInvertsEncode() =>
        Masks.Sample(m =>
        {
            byte[] rle = BrushRle.Encode(m.Mask, m.Width, m.Height);
            Assert.Equal(m.Mask.Select(v => v != 0 ? (byte)1 : (byte)0).ToArray(), BrushRle.DecodeMask(rle, m.Width, m.Height));
            Assert.Equal(m.Mask.Select(v => v != 0 ? (byte)255 : (byte)0).ToArray(), BrushRle.DecodeAlpha(rle, m.Width, m.Height));
        });

    [Fact]
    public void LongRunsOfEveryLengthAroundTheRecordLimitRoundTrip()
    {
        // 16,384 pixels = 65,536 bytes, the longest record; lengths either side split or fill it exactly.
        foreach (int run in new[] { 16_383, 16_384, 16_385, 32_768, 32_769 })
        {
            byte[] mask = [.. Enumerable.Repeat((byte)1, run), 0, 1];
            byte[] rle = BrushRle.Encode(mask, mask.Length, 1);
            Assert.Equal(mask, BrushRle.DecodeMask(rle, mask.Length, 1));
        }
    }

    [Fact]
    public void RandomBytesAfterAValidHeaderDecodeOrFailWithFormatException() =>
        Gen.Select(Gen.Int[1, 12], Gen.Int[1, 12], Gen.Byte.Array[0, 64])
            .Sample((w, h, tail) =>
            {
                byte[] header = BrushRle.Encode(new byte[w * h], w, h).AsSpan(0, 6).ToArray();
                try
                {
                    Assert.Equal(w * h, BrushRle.DecodeMask([.. header, .. tail], w, h).Length);
                }
                catch (FormatException)
                {
                    // Corrupt input is reported, not decoded into a wrong-sized mask or another exception.
                }
            });
}
