using Alc.Integrations.Cvat.Masks;

namespace Alc.Integrations.Cvat.Tests.Masks;

/// <summary>Caller mistakes (not CVAT's) are argument exceptions: the wrong buffer, size or box.</summary>
public sealed class CvatMaskRleArgumentTests
{
    [Fact]
    public void MaskOfTheWrongLength()
    {
        var error = Assert.Throws<ArgumentException>(() => CvatMaskRle.Encode(new bool[11], 4, 3));
        Assert.Equal("mask", error.ParamName);
        Assert.Throws<ArgumentException>(() => CvatMaskRle.Encode(new bool[13], 4, 3, new CvatBox(0, 0, 0, 0)));
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(4, -1)]
    public void NonPositiveSize(int width, int height)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CvatMaskRle.Encode([], width, height));
        Assert.Throws<ArgumentOutOfRangeException>(() => CvatMaskRle.Decode([1, 0, 0, 0, 0], width, height));
    }

    [Theory]
    [InlineData(-1, 0, 1, 1)] // left of the image
    [InlineData(0, -1, 1, 1)] // above it
    [InlineData(0, 0, 4, 1)] // right = width
    [InlineData(0, 0, 1, 3)] // bottom = height
    [InlineData(2, 0, 1, 1)] // inverted horizontally
    [InlineData(0, 2, 1, 1)] // inverted vertically
    public void BoxNotInsideTheImage(int left, int top, int right, int bottom)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CvatMaskRle.Encode(new bool[12], 4, 3, new CvatBox(left, top, right, bottom)));
        Assert.Equal("box", error.ParamName);
    }

    [Fact]
    public void NullPoints()
    {
        Assert.Throws<ArgumentNullException>(() => CvatMaskRle.BoxOf(null!));
        Assert.Throws<ArgumentNullException>(() => CvatMaskRle.Decode(null!, 4, 3));
    }
}
