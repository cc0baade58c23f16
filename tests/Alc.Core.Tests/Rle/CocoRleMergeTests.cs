using Alc.Core.Rle;

namespace Alc.Core.Tests.Rle;

/// <summary>Hand-derived area, bounding box, merge and IoU cases.</summary>
public sealed class CocoRleMergeTests
{
    // The 3×4 mask of CocoRleMaskTests: rows 011 / 010 / 100 / 111, counts [2, 4, 1, 2, 2, 1], area 7.
    private static readonly CocoRle Sample = new(3, 4, [2u, 4u, 1u, 2u, 2u, 1u]);

    // Only pixel (0, 0) set: [0, 1, 11].
    private static readonly CocoRle FirstPixel = new(3, 4, [0u, 1u, 11u]);

    // Column 0 fully set: [0, 4, 8].
    private static readonly CocoRle FirstColumn = new(3, 4, [0u, 4u, 8u]);

    [Fact]
    public void BoundingBoxOfAnInteriorMask()
    {
        // Width 4, height 3, pixels (1, 1) and (2, 1): column-major 1·3+1 = 4 and 2·3+1 = 7 → [4, 1, 2, 1, 4].
        // Box: columns 1..2, row 1 → (1, 1, 2, 1).
        var rle = new CocoRle(4, 3, [4u, 1u, 2u, 1u, 4u]);
        Assert.Equal(new RleBoundingBox(1, 1, 2, 1), rle.BoundingBox());
    }

    [Fact]
    public void BoundingBoxOfARunWrappingIntoTheNextColumn()
    {
        // Width 3, height 4, pixels (0, 3) and (1, 0): column-major 3 and 4, one run → [3, 2, 7].
        // The run starts at row 3 of column 0 and ends at row 0 of column 1 → rows 0..3, columns 0..1.
        var rle = new CocoRle(3, 4, [3u, 2u, 7u]);
        Assert.Equal(new RleBoundingBox(0, 0, 2, 4), rle.BoundingBox());
        Assert.Equal(new RleBoundingBox(0, 0, 3, 4), Sample.BoundingBox());
    }

    [Fact]
    public void BoundingBoxOfEmptyMaskIsZero()
    {
        Assert.Equal(default, CocoRle.Empty(5, 5).BoundingBox());
        Assert.True(CocoRle.Empty(5, 5).BoundingBox().IsEmpty);
    }

    [Fact]
    public void UnionAndIntersection()
    {
        // Sample ∪ FirstPixel: column-major 1 0 1 1 | 1 1 0 1 | 1 0 0 1 → [0, 1, 1, 4, 1, 2, 2, 1].
        Assert.Equal([0u, 1u, 1u, 4u, 1u, 2u, 2u, 1u], Sample.Union(FirstPixel).Counts.ToArray());

        // Sample ∩ FirstPixel: pixel (0, 0) is 0 in Sample → empty [12].
        Assert.Equal(CocoRle.Empty(3, 4), Sample.Intersect(FirstPixel));

        // Sample ∩ FirstColumn: column 0 of Sample is 0 0 1 1 → [2, 2, 8].
        Assert.Equal([2u, 2u, 8u], Sample.Intersect(FirstColumn).Counts.ToArray());
    }

    [Fact]
    public void MergeFoldsSeveralMasks()
    {
        // FirstPixel ∪ FirstColumn ∪ Sample, column-major: 1111 | 1101 | 1001 → 1×6, 0, 1×2, 0×2, 1 → [0, 6, 1, 2, 2, 1].
        var merged = CocoRle.Merge([FirstPixel, FirstColumn, Sample]);
        Assert.Equal([0u, 6u, 1u, 2u, 2u, 1u], merged.Counts.ToArray());
        Assert.Same(Sample, CocoRle.Merge([Sample]));
    }

    [Fact]
    public void IoUByHand()
    {
        // |Sample ∩ FirstColumn| = 2 (rows 2, 3 of column 0); union = 7 + 4 − 2 = 9.
        Assert.Equal(2.0 / 9.0, CocoRle.IoU(Sample, FirstColumn));
        Assert.Equal(2, Sample.IntersectionArea(FirstColumn));

        // Crowd ground truth divides by the detection's area: 2 / 7.
        Assert.Equal(2.0 / 7.0, CocoRle.IoU(Sample, FirstColumn, groundTruthIsCrowd: true));
        Assert.Equal(1.0, CocoRle.IoU(Sample, Sample));
        Assert.Equal(0.0, CocoRle.IoU(Sample, FirstPixel));
        Assert.Equal(0.0, CocoRle.IoU(CocoRle.Empty(3, 4), CocoRle.Empty(3, 4)));
    }

    [Fact]
    public void RejectsMasksOfDifferentSizes()
    {
        var other = CocoRle.Empty(4, 3);
        var merge = Assert.Throws<ArgumentException>(() => CocoRle.Merge([Sample, other]));
        Assert.Contains("Mask 1 is 4×3, but mask 0 is 3×4", merge.Message, StringComparison.Ordinal);
        var iou = Assert.Throws<ArgumentException>(() => CocoRle.IoU(Sample, other));
        Assert.Contains("3×4 and 4×3", iou.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => CocoRle.Merge([]));
    }
}
