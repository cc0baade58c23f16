using Alc.Integrations.Cvat.Masks;
using Alc.Integrations.Cvat.Tests.Support;

namespace Alc.Integrations.Cvat.Tests.Masks;

/// <summary>
/// Points worked out by hand from the format (box read row-major, runs alternate unset/set starting with an unset run,
/// then left, top, right, bottom inclusive), each checked both ways: the mask encodes to them and they decode to the mask.
/// </summary>
public sealed class CvatMaskRleGoldenTests
{
    [Fact]
    public void EmptyMaskHasNoTightBox()
    {
        var (mask, w, h) = Bitmap.Parse("....", "....", "....");
        Assert.Null(CvatMaskRle.Encode(mask, w, h));
    }

    [Fact]
    public void EmptyGivenBoxIsOneUnsetRun()
    {
        // 4×3, nothing set; box columns 1..2, rows 0..1: 2×2 = 4 unset pixels, a single unset run.
        var (mask, w, h) = Bitmap.Parse("....", "....", "....");
        int[] points = [4, 1, 0, 2, 1];
        Assert.Equal(points, CvatMaskRle.Encode(mask, w, h, new CvatBox(1, 0, 2, 1)));
        Assert.Equal(mask, CvatMaskRle.Decode(Bitmap.AsPoints(points), w, h));
    }

    [Fact]
    public void FullMaskIsAnEmptyUnsetRunThenOneSetRun()
    {
        // ###
        // ###   box (0,0)-(2,1) is the whole image: 0 unset, 6 set.
        var (mask, w, h) = Bitmap.Parse("###", "###");
        int[] points = [0, 6, 0, 0, 2, 1];
        Assert.Equal(points, CvatMaskRle.Encode(mask, w, h));
        Assert.Equal(mask, CvatMaskRle.Decode(Bitmap.AsPoints(points), w, h));
    }

    [Fact]
    public void SinglePixelInTheMiddleHasAOneByOneBox()
    {
        // 5×5 with only (2,3) set: tight box (2,3)-(2,3), 0 unset then 1 set.
        var (mask, w, h) = Bitmap.Parse(".....", ".....", ".....", "..#..", ".....");
        int[] points = [0, 1, 2, 3, 2, 3];
        Assert.Equal(points, CvatMaskRle.Encode(mask, w, h));
        Assert.Equal(mask, CvatMaskRle.Decode(Bitmap.AsPoints(points), w, h));
    }

    [Fact]
    public void RunsStartingWithASetPixelLeadWithZero()
    {
        // ....
        // .##.   tight box (1,1)-(2,2) reads # # / # . = 1 1 1 0:
        // .#..   0 unset, 3 set, 1 unset.
        var (mask, w, h) = Bitmap.Parse("....", ".##.", ".#..");
        int[] points = [0, 3, 1, 1, 1, 2, 2];
        Assert.Equal(points, CvatMaskRle.Encode(mask, w, h));
        Assert.Equal(mask, CvatMaskRle.Decode(Bitmap.AsPoints(points), w, h));
    }

    [Fact]
    public void RunsStartingWithAnUnsetPixelAndEndingUnset()
    {
        // .#.
        // ###   box (0,0)-(2,2) reads 0 1 0 1 1 1 0 1 0:
        // .#.   1 unset, 1 set, 1 unset, 3 set, 1 unset, 1 set, 1 unset (sum 9, no trailing empty run).
        var (mask, w, h) = Bitmap.Parse(".#.", "###", ".#.");
        int[] points = [1, 1, 1, 3, 1, 1, 1, 0, 0, 2, 2];
        Assert.Equal(points, CvatMaskRle.Encode(mask, w, h));
        Assert.Equal(mask, CvatMaskRle.Decode(Bitmap.AsPoints(points), w, h));
    }

    [Fact]
    public void RunsEndingWithASetRun()
    {
        // .....
        // .#...   tight box (1,1)-(4,2) reads # . . . / . . # # = 1 0 0 0 0 0 1 1:
        // ...##   0 unset, 1 set, 5 unset, 2 set (sum 8 = 4×2).
        var (mask, w, h) = Bitmap.Parse(".....", ".#...", "...##");
        int[] points = [0, 1, 5, 2, 1, 1, 4, 2];
        Assert.Equal(points, CvatMaskRle.Encode(mask, w, h));
        Assert.Equal(mask, CvatMaskRle.Decode(Bitmap.AsPoints(points), w, h));
    }

    [Fact]
    public void TopLeftCornerPixel()
    {
        // #...
        // ....   tight box (0,0)-(0,0).
        var (mask, w, h) = Bitmap.Parse("#...", "....");
        int[] points = [0, 1, 0, 0, 0, 0];
        Assert.Equal(points, CvatMaskRle.Encode(mask, w, h));
        Assert.Equal(mask, CvatMaskRle.Decode(Bitmap.AsPoints(points), w, h));
    }

    [Fact]
    public void BottomRightCornerPixel()
    {
        // ....
        // ....
        // ...#   tight box (3,2)-(3,2): right = width − 1, bottom = height − 1.
        var (mask, w, h) = Bitmap.Parse("....", "....", "...#");
        int[] points = [0, 1, 3, 2, 3, 2];
        Assert.Equal(points, CvatMaskRle.Encode(mask, w, h));
        Assert.Equal(mask, CvatMaskRle.Decode(Bitmap.AsPoints(points), w, h));
    }

    [Fact]
    public void OppositeCornersSpanTheWholeImage()
    {
        // #...
        // ...#   tight box (0,0)-(3,1) reads 1 0 0 0 0 0 0 1: 0 unset, 1 set, 6 unset, 1 set.
        var (mask, w, h) = Bitmap.Parse("#...", "...#");
        int[] points = [0, 1, 6, 1, 0, 0, 3, 1];
        Assert.Equal(points, CvatMaskRle.Encode(mask, w, h));
        Assert.Equal(mask, CvatMaskRle.Decode(Bitmap.AsPoints(points), w, h));
    }

    [Fact]
    public void GivenBoxCountsTheUnsetPixelsAroundTheMask()
    {
        // x: 012345
        //    ......   box (1,0)-(4,3), 4×4 = 16, reads
        //    ..##..   0000 / 0110 / 0010 / 0000:
        //    ...#..   5 unset (row 0 and x=1 of row 1), 2 set, 3 unset (x=4 of row 1, x=1..2 of row 2),
        //    ......   1 set, 5 unset (x=4 of row 2 and row 3); 5+2+3+1+5 = 16.
        var (mask, w, h) = Bitmap.Parse("......", "..##..", "...#..", "......");
        int[] points = [5, 2, 3, 1, 5, 1, 0, 4, 3];
        Assert.Equal(points, CvatMaskRle.Encode(mask, w, h, new CvatBox(1, 0, 4, 3)));
        Assert.Equal(mask, CvatMaskRle.Decode(Bitmap.AsPoints(points), w, h));

        // The same mask over its tight box (2,1)-(3,2), which reads # # / . # = 1 1 0 1.
        int[] tight = [0, 2, 1, 1, 2, 1, 3, 2];
        Assert.Equal(tight, CvatMaskRle.Encode(mask, w, h));
    }

    [Fact]
    public void GivenBoxLeavesOutSetPixelsOutsideIt()
    {
        // ##.
        // .##   box (1,0)-(2,0) reads # . : 0 unset, 1 set, 1 unset; row 1 and (0,0) are not encoded.
        var (mask, w, h) = Bitmap.Parse("##.", ".##");
        int[] points = [0, 1, 1, 1, 0, 2, 0];
        Assert.Equal(points, CvatMaskRle.Encode(mask, w, h, new CvatBox(1, 0, 2, 0)));
        Assert.Equal(Bitmap.Parse(".#.", "...").Mask, CvatMaskRle.Decode(Bitmap.AsPoints(points), w, h));
    }

    [Fact]
    public void DecodeReadsFloatPointsAndZeroLengthRuns()
    {
        // CVAT sends JSON numbers such as 3.0. A zero-length run in the middle (never written by CVAT) only flips parity:
        // 1 unset, 0 set, 1 unset, 1 set over the 3×1 box (1,1)-(3,1) of a 4×2 image reads . . # (x = 1, 2, 3 of row 1).
        double[] points = [1.0, 0.0, 1.0, 1.0, 1.0, 1.0, 3.0, 1.0];
        Assert.Equal(Bitmap.Parse("....", "...#").Mask, CvatMaskRle.Decode(points, 4, 2));
    }

    [Fact]
    public void BoxOfReadsTheLastFourValues()
    {
        Assert.Equal(new CvatBox(1, 0, 4, 3), CvatMaskRle.BoxOf(Bitmap.AsPoints(5, 2, 3, 1, 5, 1, 0, 4, 3)));
        Assert.Equal(new CvatBox(2, 3, 2, 3), CvatMaskRle.BoxOf([0.0, 1.0, 2.0, 3.0, 2.0, 3.0]));
    }
}
