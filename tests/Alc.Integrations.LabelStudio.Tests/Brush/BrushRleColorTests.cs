using Alc.Integrations.LabelStudio.Brush;
using Alc.Integrations.LabelStudio.Tests.Support;

namespace Alc.Integrations.LabelStudio.Tests.Brush;

/// <summary>Masks written in a colour: set pixels as literal records of the colour's RGBA, clear ones as runs of 0.</summary>
public sealed class BrushRleColorTests
{
    [Fact]
    public void A_translucent_pixel_then_a_clear_one_is_a_literal_record_of_its_rgba_then_a_run_of_zeros()
    {
        // 0 00 011 (literal, size index 0: 3 bits, count − 1 = 3) and the words 10 20 30 40; then 1 00 011 00000000 (run of 4 zeros).
        byte[] expected = Bits.ToBytes(Bits.Header(8) + "0 00 011 " + string.Concat(new[] { 10, 20, 30, 40 }.Select(w => Bits.Field(w, 8))) + "1 00 011 00000000");
        Assert.Equal(expected, BrushRle.Encode([1, 0], 2, 1, new BrushColor(10, 20, 30, 40)));
    }

    [Fact]
    public void A_grey_colour_with_equal_channels_stays_a_run_record()
    {
        byte[] expected = Bits.ToBytes(Bits.Header(4) + "1 00 011 " + Bits.Field(77, 8));
        Assert.Equal(expected, BrushRle.Encode([1], 1, 1, new BrushColor(77, 77, 77, 77)));
    }

    [Fact]
    public void A_long_run_of_set_pixels_splits_into_literal_records_of_16384_pixels_and_decodes_to_its_alpha()
    {
        const int width = 200, height = 100;
        var mask = new byte[width * height];
        for (int p = 150; p < 19_000; p++)
        {
            mask[p] = 1;
        }

        var color = BrushColor.TranslucentGold;
        byte[] rle = BrushRle.Encode(mask, width, height, color);
        byte[] alpha = BrushRle.DecodeAlpha(rle, width, height);
        Assert.Equal(mask.Select(m => m == 0 ? (byte)0 : color.A), alpha);
        Assert.Equal(mask, BrushRle.DecodeMask(rle, width, height));
    }

    [Fact]
    public void Alpha_zero_is_refused_because_such_pixels_are_outside_the_mask() =>
        Assert.Throws<ArgumentException>(() => BrushRle.Encode([1], 1, 1, new BrushColor(1, 2, 3, 0)));
}
