using Alc.Core.Masks;

namespace Alc.Core.Tests.Masks;

public class MaskPainterTests
{
    [Fact]
    public void Smaller_masks_are_painted_over_larger_ones_whatever_the_input_order()
    {
        // 4×1: big mask covers pixels 0..3 (class 1), small covers 1..2 (class 2), tiny covers 2 (class 3).
        ObjectMask tiny = new([0, 0, 1, 0], 3), small = new([0, 1, 1, 0], 2), big = new([1, 1, 1, 1], 1);
        var painted = MaskPainter.Paint(4, 1, 4, [tiny, small, big]);
        Assert.Equal([1, 2, 3, 1], painted.Classes);
        Assert.Equal([1, 2, 3, 1], painted.Superpixels); // ids follow painting order: big 1, small 2, tiny 3
        Assert.Equal([3, 2, 1], painted.MaskIds);
    }

    [Fact]
    public void Unpainted_pixels_are_background_without_a_superpixel_and_empty_masks_get_no_id()
    {
        var painted = MaskPainter.Paint(3, 1, 3, [new([0, 1, 0], 2), new([0, 0, 0], 1)]);
        Assert.Equal([0, 2, 0], painted.Classes);
        Assert.Equal([0, 1, 0], painted.Superpixels);
        Assert.Equal([1, 0], painted.MaskIds);
    }

    [Fact]
    public void Region_only_masks_paint_class_zero_and_equal_areas_go_by_score()
    {
        // Two 2-pixel masks overlapping at pixel 1: the higher score is painted later (on top).
        var painted = MaskPainter.Paint(3, 1, 3, [new([1, 1, 0], 2, Score: 0.9), new([0, 1, 1], -1, Score: 0.1)]);
        Assert.Equal([2, 2, 0], painted.Classes);
        Assert.Equal([2, 2, 1], painted.Superpixels);
    }

    [Fact]
    public void Rejects_masks_of_the_wrong_size_or_class()
    {
        var size = Assert.Throws<ArgumentException>(() => MaskPainter.Paint(2, 2, 3, [new([1, 0, 0], 1)]));
        Assert.Contains("Mask 0 has 3 values but the image is 2×2 (4)", size.Message, StringComparison.Ordinal);
        var label = Assert.Throws<ArgumentException>(() => MaskPainter.Paint(2, 1, 3, [new([1, 0], 1), new([0, 1], 7)]));
        Assert.Contains("Mask 1 has class 7", label.Message, StringComparison.Ordinal);
    }
}
