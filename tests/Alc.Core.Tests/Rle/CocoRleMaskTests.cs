using Alc.Core.Rle;

namespace Alc.Core.Tests.Rle;

/// <summary>Hand-derived encode/decode cases. Counts run down each column (column-major), starting with 0s.</summary>
public sealed class CocoRleMaskTests
{
    [Fact]
    public void EmptyMaskIsOneRunOfZeros()
    {
        // 3×2 = 6 pixels, none set: a single run of six 0s.
        var rle = CocoRle.Encode(new byte[6], 3, 2);
        Assert.Equal([6u], rle.Counts.ToArray());
        Assert.Equal(0, rle.Area);
        Assert.Equal(CocoRle.Empty(3, 2), rle);
        Assert.Equal(new byte[6], rle.Decode());
    }

    [Fact]
    public void FullMaskStartsWithAnEmptyRunOfZeros()
    {
        // Every pixel set: the leading run of 0s is empty (count 0), then six 1s.
        var rle = CocoRle.Encode([1, 1, 1, 1, 1, 1], 3, 2);
        Assert.Equal([0u, 6u], rle.Counts.ToArray());
        Assert.Equal(6, rle.Area);
        Assert.Equal(CocoRle.Full(3, 2), rle);
    }

    [Fact]
    public void OnlyFirstPixelSet()
    {
        // Pixel (0, 0) is column-major index 0: no leading 0s, one 1, then the remaining 5 pixels.
        var rle = CocoRle.Encode([1, 0, 0, 0, 0, 0], 3, 2);
        Assert.Equal([0u, 1u, 5u], rle.Counts.ToArray());
        Assert.Equal([1, 0, 0, 0, 0, 0], rle.Decode());
    }

    [Fact]
    public void OneRowMaskRunsAlongTheRow()
    {
        // Width 5, height 1: each column holds one pixel, so column-major order is the row itself.
        // 0 | 1 1 | 0 | 1  →  [1, 2, 1, 1].
        byte[] mask = [0, 1, 1, 0, 1];
        var rle = CocoRle.Encode(mask, 5, 1);
        Assert.Equal([1u, 2u, 1u, 1u], rle.Counts.ToArray());
        Assert.Equal(mask, rle.Decode());
    }

    [Fact]
    public void OneColumnMaskRunsDownTheColumn()
    {
        // Width 1, height 5: the row-major buffer already is the single column. 1 1 | 0 0 | 1 → [0, 2, 2, 1].
        byte[] mask = [1, 1, 0, 0, 1];
        var rle = CocoRle.Encode(mask, 1, 5);
        Assert.Equal([0u, 2u, 2u, 1u], rle.Counts.ToArray());
        Assert.Equal(mask, rle.Decode());
    }

    [Fact]
    public void ThreeByFourMaskByHand()
    {
        // Width 3, height 4, row-major:      Column-major (down each column):
        //   0 1 1                              col 0: 0 0 1 1
        //   0 1 0                              col 1: 1 1 0 1
        //   1 0 0                              col 2: 1 0 0 1
        //   1 1 1
        // Sequence 0 0 | 1 1 1 1 | 0 | 1 1 | 0 0 | 1  →  [2, 4, 1, 2, 2, 1], area 7.
        byte[] mask = RleReference.Parse("011", "010", "100", "111");
        var rle = CocoRle.Encode(mask, 3, 4);
        Assert.Equal([2u, 4u, 1u, 2u, 2u, 1u], rle.Counts.ToArray());
        Assert.Equal(7, rle.Area);
        Assert.Equal(mask, rle.Decode());
    }

    [Fact]
    public void NonzeroBytesCountAsSet()
    {
        var rle = CocoRle.Encode([0, 7, 255, 0], 2, 2);
        // col 0: 0, 255 → 0 1; col 1: 7, 0 → 1 0. Sequence 0 | 1 1 | 0 → [1, 2, 1]; decoding gives 0/1.
        Assert.Equal([1u, 2u, 1u], rle.Counts.ToArray());
        Assert.Equal([0, 1, 1, 0], rle.Decode());
    }

    [Fact]
    public void RunLongerThan65536()
    {
        // 300×300 all ones: 90,000 pixels in one run, beyond any 16-bit count.
        byte[] mask = new byte[300 * 300];
        Array.Fill(mask, (byte)1);
        var rle = CocoRle.Encode(mask, 300, 300);
        Assert.Equal([0u, 90_000u], rle.Counts.ToArray());
        Assert.Equal(90_000, rle.Area);
        Assert.Equal(new RleBoundingBox(0, 0, 300, 300), rle.BoundingBox());
        Assert.Equal(mask, rle.Decode());
    }

    [Fact]
    public void DecodeIntoPaintsOnlySetPixels()
    {
        // The 3×4 mask from ThreeByFourMaskByHand painted with 9 onto a map of 5s.
        var rle = new CocoRle(3, 4, [2u, 4u, 1u, 2u, 2u, 1u]);
        byte[] map = [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5];
        rle.DecodeInto(map, 9);
        Assert.Equal([5, 9, 9, 5, 9, 5, 9, 5, 5, 9, 9, 9], map);
    }

    [Fact]
    public void DecodeIntoSpanClearsTheDestination()
    {
        var rle = new CocoRle(3, 2, [0u, 1u, 5u]);
        byte[] destination = [4, 4, 4, 4, 4, 4];
        rle.Decode(destination);
        Assert.Equal([1, 0, 0, 0, 0, 0], destination);
    }

    [Fact]
    public void ConstructorCopiesAndKeepsCountsAsGiven()
    {
        // Counts are never canonicalised: a zero-length run in the middle survives, as in pycocotools.
        uint[] counts = [2, 0, 4];
        var rle = new CocoRle(3, 2, counts);
        counts[0] = 99;
        Assert.Equal([2u, 0u, 4u], rle.Counts.ToArray());
        Assert.Equal(new byte[6], rle.Decode());
    }

    [Fact]
    public void EqualityComparesSizeAndCounts()
    {
        var a = new CocoRle(3, 2, [1u, 5u]);
        Assert.Equal(a, new CocoRle(3, 2, [1u, 5u]));
        Assert.Equal(a.GetHashCode(), new CocoRle(3, 2, [1u, 5u]).GetHashCode());
        Assert.NotEqual(a, new CocoRle(2, 3, [1u, 5u]));
        Assert.NotEqual(a, new CocoRle(3, 2, [2u, 4u]));
    }

    [Fact]
    public void RejectsCountsThatDoNotCoverTheMask()
    {
        var error = Assert.Throws<ArgumentException>(() => new CocoRle(3, 4, [2u, 4u, 1u]));
        Assert.Contains("sum to 7 pixels, but a 3×4 mask has 12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsWrongMaskLengthAndSize()
    {
        var length = Assert.Throws<ArgumentException>(() => CocoRle.Encode(new byte[5], 3, 2));
        Assert.Contains("Expected 6 mask values for a 3×2 mask, got 5", length.Message, StringComparison.Ordinal);
        var size = Assert.Throws<ArgumentException>(() => CocoRle.Encode([], 0, 2));
        Assert.Contains("0×2 is out of range", size.Message, StringComparison.Ordinal);
        var destination = Assert.Throws<ArgumentException>(() => CocoRle.Empty(3, 2).DecodeInto(new byte[7], 1));
        Assert.Contains("Expected 6 values for a 3×2 mask, got 7", destination.Message, StringComparison.Ordinal);
    }
}
