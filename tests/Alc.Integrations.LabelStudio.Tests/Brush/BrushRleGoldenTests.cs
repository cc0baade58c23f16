using Alc.Integrations.LabelStudio.Brush;
using Alc.Integrations.LabelStudio.Tests.Support;

namespace Alc.Integrations.LabelStudio.Tests.Brush;

/// <summary>Our codec against byte arrays written, and read, by the real @thi.ng/rle-pack (the editor's codec).</summary>
public sealed class BrushRleGoldenTests
{
    public static TheoryData<RlePackEncodedCase> RlePackEncoded() => [.. GoldenFixtures.RlePackEncoded()];

    public static TheoryData<RlePackDecodedCase> OursDecodedByRlePack() => [.. GoldenFixtures.OursDecodedByRlePack()];

    [Fact]
    public void TheFixturesHoldEveryKindOfCaseTheBriefAsksFor()
    {
        var cases = GoldenFixtures.RlePackEncoded();
        Assert.Contains(cases, c => c.Alpha.All(a => a == 0));
        Assert.Contains(cases, c => c.Alpha.All(a => a == 255));
        Assert.Contains(cases, c => c.Alpha.Any(a => a is > 0 and < 255));
        Assert.Contains(cases, c => (long)c.Width * c.Height * 4 > 1 << 16);
        Assert.Contains(cases, c => c.Pixels == "canvas");
        Assert.True(GoldenFixtures.OursDecodedByRlePack().Count >= OurEncodingCases.All.Count);
    }

    [Theory]
    [MemberData(nameof(RlePackEncoded))]
    public void DecodeAlphaReadsRlePacksBytesToTheExactAlphaChannel(RlePackEncodedCase golden) =>
        Assert.Equal(golden.Alpha, BrushRle.DecodeAlpha(golden.Rle, golden.Width, golden.Height));

    [Theory]
    [MemberData(nameof(RlePackEncoded))]
    public void DecodeMaskSetsExactlyThePixelsWithNonzeroAlpha(RlePackEncodedCase golden) =>
        Assert.Equal(
            golden.Alpha.Select(a => a > 0 ? (byte)1 : (byte)0).ToArray(),
            BrushRle.DecodeMask(golden.Rle, golden.Width, golden.Height));

    [Theory]
    [MemberData(nameof(RlePackEncoded))]
    public void EncodingAMaskCaseGivesRlePacksOwnBytes(RlePackEncodedCase golden)
    {
        // "mask" cases have every channel 255 or 0, the pixels our encoder writes: the bytes must be rle-pack's.
        if (golden.Pixels != "mask")
        {
            return;
        }

        byte[] mask = [.. golden.Alpha.Select(a => a > 0 ? (byte)1 : (byte)0)];
        Assert.Equal(golden.Rle, BrushRle.Encode(mask, golden.Width, golden.Height));
    }

    [Theory]
    [MemberData(nameof(OursDecodedByRlePack))]
    public void RlePacksDecoderReadOurEncodingAsTheMaskInEveryChannel(RlePackDecodedCase golden)
    {
        var (_, width, height, mask) = OurEncodingCases.Named(golden.Name);
        Assert.Equal((width, height), (golden.Width, golden.Height));

        // The fixture is still about today's encoder: it writes the same bytes rle-pack decoded.
        Assert.Equal(golden.Rle, BrushRle.Encode(mask, width, height));

        byte[] expected = [.. mask.SelectMany(m => Enumerable.Repeat(m != 0 ? (byte)255 : (byte)0, 4))];
        Assert.Equal(width * height * 4, golden.DecodedLength);
        Assert.Equal(expected, golden.DecodedRgba);
    }
}
