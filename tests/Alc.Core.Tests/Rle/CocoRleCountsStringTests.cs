using Alc.Core.Rle;

namespace Alc.Core.Tests.Rle;

/// <summary>
/// Hand-derived compressed strings. Rule (pycocotools rleToString): value = count, or count − count[i−2] for
/// i &gt; 2; emit 5-bit groups low first; a group gets 0x20 when more follow; the last group's bit 0x10 is the
/// sign (so 16..31 need a second group "…0"); each group g is written as char(48 + g).
/// </summary>
public sealed class CocoRleCountsStringTests
{
    [Fact]
    public void SmallCountsAreOneCharacterEach()
    {
        // [6] → '6';  [0, 6] → '0' '6'.
        Assert.Equal("6", CocoRle.Empty(3, 2).ToCountsString());
        Assert.Equal("06", CocoRle.Full(3, 2).ToCountsString());
    }

    [Fact]
    public void NegativeDeltasOfTheThreeByFourMask()
    {
        // Counts [2, 4, 1, 2, 2, 1]; values 2, 4, 1, 2−4 = −2, 2−1 = 1, 1−2 = −1.
        //   2 → '2', 4 → '4', 1 → '1'
        //   −2: low 5 bits 11110 = 30, rest (−2 >> 5) = −1 and bit 0x10 set → last group → char 48+30 = 'N'
        //   1 → '1'
        //   −1: low 5 bits 11111 = 31, rest −1 → last group → char 48+31 = 'O'
        var rle = new CocoRle(3, 4, [2u, 4u, 1u, 2u, 2u, 1u]);
        Assert.Equal("241N1O", rle.ToCountsString());
        Assert.Equal(rle, CocoRle.FromCountsString("241N1O", 3, 4));
    }

    [Fact]
    public void LargeCountUsesSeveralGroups()
    {
        // 300×300 all ones, counts [0, 90000]. 90000 = 2812·32 + 16:
        //   group 16 (bit 0x10 set, rest 2812 ≠ 0 → more) → 16|0x20 = 48 → char 96 '`'
        //   2812 = 87·32 + 28: group 28, rest 87 → more → 60 → char 108 'l'
        //   87 = 2·32 + 23: group 23, rest 2 → more → 55 → char 103 'g'
        //   2: group 2, rest 0, bit 0x10 clear → last → char 50 '2'
        var rle = CocoRle.Full(300, 300);
        Assert.Equal("0`lg2", rle.ToCountsString());
        Assert.Equal(rle, CocoRle.FromCountsString("0`lg2", 300, 300));
    }

    [Fact]
    public void MultiGroupNegativeAndPositiveDeltas()
    {
        // Width 1, height 300, counts [20, 150, 10, 50, 70]; values 20, 150, 10, 50−150 = −100, 70−10 = 60.
        //   20: group 20 has bit 0x10 but the value is positive → needs a second group: 20|0x20 = 52 'd', then 0 → '0'
        //   150 = 4·32 + 22: 22|0x20 = 54 'f', then 4 → '4'
        //   10 → ':' (48 + 10)
        //   −100: low 5 bits 28, rest −100 >> 5 = −4 ≠ −1 → more: 28|0x20 = 60 'l';
        //         −4: low 5 bits 28, rest −1, bit 0x10 set → last: 48 + 28 = 'L'
        //   60 = 1·32 + 28: 28|0x20 = 60 'l', then 1 → '1'
        var rle = new CocoRle(1, 300, [20u, 150u, 10u, 50u, 70u]);
        Assert.Equal("d0f4:lLl1", rle.ToCountsString());
        Assert.Equal(rle, CocoRle.FromCountsString("d0f4:lLl1", 1, 300));
    }

    [Fact]
    public void ReadsNonMinimalGroupsAsPycocotoolsDoes()
    {
        // '6' written as two groups: 6|0x20 = 38 → 'V', then 0 → '0'. Same value 6.
        Assert.Equal(CocoRle.Empty(3, 2), CocoRle.FromCountsString("V0", 3, 2));
    }

    [Fact]
    public void RejectsCharacterOutsideTheAlphabet()
    {
        var error = Assert.Throws<FormatException>(() => CocoRle.FromCountsString("24x", 3, 4));
        Assert.Contains("Character 2 of the counts string", error.Message, StringComparison.Ordinal);
        Assert.Contains("in count 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsStringEndingInsideACount()
    {
        // 'b' = 48 + 50 has the continuation bit 0x20, so count 1 never ends.
        var error = Assert.Throws<FormatException>(() => CocoRle.FromCountsString("2b", 3, 4));
        Assert.Contains("ends inside count 1 (which starts at character 1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsNegativeCount()
    {
        // 'O' is −1 as the very first count (no delta before index 3).
        var error = Assert.Throws<FormatException>(() => CocoRle.FromCountsString("O", 3, 4));
        Assert.Contains("Count 0 (characters 0..0 of the counts string) decodes to -1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsNegativeCountFromADelta()
    {
        // Counts 2, 4, 1, then delta −5 ('K' = 48 + 27, 27 = −5 in 5-bit two's complement): 4 − 5 = −1.
        var error = Assert.Throws<FormatException>(() => CocoRle.FromCountsString("241K", 3, 4));
        Assert.Contains("Count 3 (characters 3..3 of the counts string) decodes to -1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsOverlongCount()
    {
        // 'P' = 48 + 32: group 0 with the continuation bit, thirteen times.
        var error = Assert.Throws<FormatException>(() => CocoRle.FromCountsString(new string('P', 13) + "0", 3, 4));
        Assert.Contains("Count 0 (starting at character 0) runs past 12 five-bit groups at character 12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsCountsThatDoNotSumToTheMaskSize()
    {
        var error = Assert.Throws<ArgumentException>(() => CocoRle.FromCountsString("6", 3, 4));
        Assert.Contains("sum to 6 pixels, but a 3×4 mask has 12", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => CocoRle.FromCountsString(string.Empty, 3, 4));
    }
}
