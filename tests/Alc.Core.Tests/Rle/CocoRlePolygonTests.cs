using Alc.Core.Rle;

namespace Alc.Core.Tests.Rle;

/// <summary>
/// Polygon rasterisation (pycocotools rleFrPoly), derived by hand. The recipe: scale vertices by 5 and round;
/// walk each edge one step along its major axis; where the walk moves between upsampled columns c and c + 1
/// with c = 5x + 2, pixel column x gets a boundary at row ceil((r − 2)/5) (r the lower of the two rows,
/// clamped to 0..h); boundaries go to column-major positions x·h + y, are sorted with w·h appended, and their
/// differences are the counts. In effect a pixel is set when its centre (x + ½, y + ½) is inside.
/// </summary>
public sealed class CocoRlePolygonTests
{
    [Fact]
    public void AxisAlignedRectangle()
    {
        // Square (1,1)-(3,3) in a 5×5 image. Scaled: (5,5) (15,5) (15,15) (5,15).
        // Top edge, u 5→15 at v 5: crossings c = 7 (x 1), 12 (x 2); row ceil((5−2)/5) = 1 → positions 6, 11.
        // Bottom edge, u 15→5 at v 15: c = 12, 7; row ceil((15−2)/5) = 3 → positions 13, 8. Vertical edges: none.
        // Sorted 6 8 11 13 25 → counts [6, 2, 3, 2, 12]: pixels x 1..2, y 1..2.
        var rle = CocoRle.FromPolygon([1, 1, 3, 1, 3, 3, 1, 3], 5, 5);
        Assert.Equal([6u, 2u, 3u, 2u, 12u], rle.Counts.ToArray());
        Assert.Equal(RleReference.Parse("00000", "01100", "01100", "00000", "00000"), rle.Decode());
        Assert.Equal(new RleBoundingBox(1, 1, 2, 2), rle.BoundingBox());
    }

    [Fact]
    public void BoundingBoxIsTheRectanglePolygon()
    {
        Assert.Equal(CocoRle.FromPolygon([1, 1, 3, 1, 3, 3, 1, 3], 5, 5), CocoRle.FromBoundingBox(1, 1, 2, 2, 5, 5));
    }

    [Fact]
    public void RightTriangle()
    {
        // Triangle (0,0) (4,0) (0,4) in 5×5. Scaled: (0,0) (20,0) (0,20).
        // Top edge, v 0: crossings c = 2, 7, 12, 17 → x 0..3, row 0 (clamped) → positions 0, 5, 10, 15.
        // Hypotenuse (20,0)→(0,20): |dx| = |dy|, walked from (20,0) with v = 20 − u; crossing into column c
        // from c + 1 has lower row 19 − c: c 17 → row ceil(0/5) = 0 (x 3, pos 15); c 12 → row 1 (x 2, pos 11);
        // c 7 → row 2 (x 1, pos 7); c 2 → row 3 (x 0, pos 3). Left edge is vertical: no crossings.
        // Sorted 0 3 5 7 10 11 15 15 25 → differences 0 3 2 2 3 1 4 0 10; the zero (15 twice) cancels and
        // folds the 10 into the 4 → [0, 3, 2, 2, 3, 1, 14]. Pixels with centre strictly inside x + y < 4.
        var rle = CocoRle.FromPolygon([0, 0, 4, 0, 0, 4], 5, 5);
        Assert.Equal([0u, 3u, 2u, 2u, 3u, 1u, 14u], rle.Counts.ToArray());
        Assert.Equal(RleReference.Parse("11100", "11000", "10000", "00000", "00000"), rle.Decode());
        Assert.Equal(6, rle.Area);
    }

    [Fact]
    public void RectangleReachingTheImageBorder()
    {
        // (3,3)-(5,5) in 5×5: the bottom boundary row ceil((25−2)/5) = 5 is clamped to h = 5 and lands on the
        // next column's start; in column 4 it coincides with the closing w·h = 25 and the two cancel.
        // Pixels x 3..4, y 3..4: positions 18, 19, 23, 24 → [18, 2, 3, 2].
        var rle = CocoRle.FromPolygon([3, 3, 5, 3, 5, 5, 3, 5], 5, 5);
        Assert.Equal([18u, 2u, 3u, 2u], rle.Counts.ToArray());
    }

    [Fact]
    public void PolygonsOfOneObjectAreMerged()
    {
        // Pixel (0,0) from the unit square, plus the 2×2 block at (3,3): positions 0, 18, 19, 23, 24.
        var rle = CocoRle.FromPolygons([[0, 0, 1, 0, 1, 1, 0, 1], [3, 3, 5, 3, 5, 5, 3, 5]], 5, 5);
        Assert.Equal([0u, 1u, 17u, 2u, 3u, 2u], rle.Counts.ToArray());
    }

    [Fact]
    public void OverlappingPolygonsUnite()
    {
        // Rectangles x 0..3 × y 0..2 and x 1..4 × y 1..3 in a 5×4 image overlap on (1..2, 1).
        var rle = CocoRle.FromPolygons([[0, 0, 3, 0, 3, 2, 0, 2], [1, 1, 4, 1, 4, 3, 1, 3]], 5, 4);
        byte[] expected = RleReference.Parse("11100", "11110", "01110", "00000");
        Assert.Equal(expected, rle.Decode());
        Assert.Equal(10, rle.Area);
    }

    [Fact]
    public void PolygonOutsideTheImageIsEmpty()
    {
        Assert.Equal(CocoRle.Empty(4, 4), CocoRle.FromPolygon([-10, -10, -5, -10, -5, -5], 4, 4));
    }

    [Fact]
    public void RejectsInvalidPolygons()
    {
        var odd = Assert.Throws<ArgumentException>(() => CocoRle.FromPolygon([0, 0, 1, 0, 1], 4, 4));
        Assert.Contains("even number of coordinates, at least 6", odd.Message, StringComparison.Ordinal);
        Assert.Contains("got 5", odd.Message, StringComparison.Ordinal);
        var few = Assert.Throws<ArgumentException>(() => CocoRle.FromPolygon([0, 0, 1, 1], 4, 4));
        Assert.Contains("got 4", few.Message, StringComparison.Ordinal);
        var nan = Assert.Throws<ArgumentException>(() => CocoRle.FromPolygons([[0, 0, 1, 0, 1, 1], [0, 0, 1, double.NaN, 1, 1]], 4, 4));
        Assert.Contains("Polygon 1: coordinate 3 (y of vertex 1) is NaN", nan.Message, StringComparison.Ordinal);
        var far = Assert.Throws<ArgumentException>(() => CocoRle.FromPolygon([0, 0, 1e9, 0, 1, 1], 4, 4));
        Assert.Contains("coordinate 2 (x of vertex 1)", far.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => CocoRle.FromPolygons([], 4, 4));
    }
}
