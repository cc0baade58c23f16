using Alc.Integrations.Cvat.Masks;

namespace Alc.Integrations.Cvat.Tests.Masks;

/// <summary>The inclusive box: sizes count both edges, containment includes them.</summary>
public sealed class CvatBoxTests
{
    [Fact]
    public void WidthAndHeightCountBothEdges()
    {
        var box = new CvatBox(2, 3, 5, 3);
        Assert.Equal(4, box.Width); // columns 2, 3, 4, 5
        Assert.Equal(1, box.Height); // row 3 only
    }

    [Fact]
    public void OnePixelBoxIsOneByOne()
    {
        var box = new CvatBox(7, 9, 7, 9);
        Assert.Equal((1, 1), (box.Width, box.Height));
        Assert.True(box.Contains(7, 9));
    }

    [Theory]
    [InlineData(2, 3, true)] // top-left corner
    [InlineData(5, 4, true)] // bottom-right corner
    [InlineData(3, 4, true)]
    [InlineData(1, 3, false)] // one left of the left edge
    [InlineData(6, 3, false)] // one right of the right edge
    [InlineData(2, 2, false)] // one above
    [InlineData(2, 5, false)] // one below
    public void ContainsIncludesTheEdges(int x, int y, bool inside) =>
        Assert.Equal(inside, new CvatBox(2, 3, 5, 4).Contains(x, y));

    [Fact]
    public void InvertedBoxHasNoSizeAndContainsNothing()
    {
        var box = new CvatBox(5, 3, 4, 3);
        Assert.Equal(0, box.Width);
        Assert.False(box.Contains(4, 3));
        Assert.False(box.Contains(5, 3));
    }
}
