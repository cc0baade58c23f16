using Alc.Core.Maps;

namespace Alc.Core.Tests.Maps;

public class LabelMapTests
{
    [Fact]
    public void Accepts_class_ids_and_ignore()
    {
        var map = new LabelMap(2, 2, 3, [0, 2, 255, 1]);
        Assert.Equal(4, map.PixelCount);
        Assert.Equal(2, map[1]);
        Assert.Equal(LabelMap.Ignore, map[2]);
    }

    [Fact]
    public void Supports_150_classes_and_more()
    {
        var labels = Enumerable.Range(0, 150).Select(i => (byte)i).ToArray();
        var map = new LabelMap(150, 1, 150, labels);
        Assert.Equal(149, map[149]);
        Assert.Equal(254, new LabelMap(1, 1, 255, [254])[0]);
    }

    [Fact]
    public void Names_the_first_pixel_with_an_unknown_class()
    {
        // Pixel 5 of a 3-wide map is (x=2, y=1).
        var ex = Assert.Throws<ArgumentException>(() => new LabelMap(3, 2, 4, [0, 1, 2, 3, 255, 7]));
        Assert.Contains("(x=2, y=1)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("label 7", ex.Message, StringComparison.Ordinal);
        Assert.Contains("4 classes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_length_that_does_not_match_the_size()
    {
        var ex = Assert.Throws<ArgumentException>(() => new LabelMap(3, 2, 4, [0, 1, 2]));
        Assert.Contains("Expected 6 values for a 3×2 image, got 3", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(-1, 1)]
    public void Rejects_empty_or_negative_sizes(int width, int height)
    {
        var ex = Assert.Throws<ArgumentException>(() => new LabelMap(width, height, 2, []));
        Assert.Contains("out of range", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(256)]
    public void Rejects_a_class_count_out_of_range(int classes)
    {
        var ex = Assert.Throws<ArgumentException>(() => new LabelMap(1, 1, classes, [0]));
        Assert.Contains($"Class count {classes}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clone_is_independent()
    {
        var map = new LabelMap(2, 1, 2, [0, 1]);
        var copy = map.Clone();
        copy.Labels[0] = 1;
        Assert.Equal(0, map[0]);
        Assert.Equal(1, copy[0]);
    }
}
