using Alc.Core.Maps;

namespace Alc.Core.Tests.Maps;

public class VocPaletteTests
{
    [Theory]
    [InlineData(0, 0, 0, 0)]
    [InlineData(1, 128, 0, 0)]
    [InlineData(2, 0, 128, 0)]
    [InlineData(3, 128, 128, 0)]
    [InlineData(4, 0, 0, 128)]
    [InlineData(15, 192, 128, 128)]
    [InlineData(20, 0, 64, 128)]
    [InlineData(255, 224, 224, 192)]
    public void Entries_match_the_pascal_voc_colormap(byte index, byte r, byte g, byte b)
    {
        Assert.Equal((r, g, b), VocPalette.Color(index));
        Assert.Equal([r, g, b], VocPalette.Rgb.Slice(3 * index, 3).ToArray());
    }

    [Fact]
    public void Has_256_distinct_colours()
    {
        Assert.Equal(768, VocPalette.Rgb.Length);
        Assert.Equal(256, Enumerable.Range(0, 256).Select(i => VocPalette.Color(i)).Distinct().Count());
    }
}
