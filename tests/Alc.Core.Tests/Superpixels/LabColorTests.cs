using Alc.Core.Superpixels;

namespace Alc.Core.Tests.Superpixels;

public class LabColorTests
{
    // Reference values: skimage.color.rgb2lab of the uint8 colour (scikit-image 0.19.3).
    [Theory]
    [InlineData(255, 0, 0, 53.2406, 80.0923, 67.2028)]
    [InlineData(255, 255, 255, 100.0, -0.0025, 0.0047)]
    [InlineData(0, 0, 0, 0.0, 0.0, 0.0)]
    [InlineData(0, 255, 0, 87.7351, -86.1830, 83.1797)]
    [InlineData(0, 0, 255, 32.2957, 79.1856, -107.8573)]
    [InlineData(10, 200, 30, 70.5001, -70.5138, 64.9408)]
    [InlineData(128, 128, 128, 53.5850, -0.0015, 0.0028)]
    [InlineData(3, 3, 3, 0.8225, -0.0001, 0.0001)]
    public void MatchesScikitImageReferenceValues(int r, int g, int b, double l, double a, double bStar)
    {
        LabColor lab = LabColor.FromSrgb(r / 255.0, g / 255.0, b / 255.0);

        Assert.Equal(l, lab.L, 0.001);
        Assert.Equal(a, lab.A, 0.001);
        Assert.Equal(bStar, lab.B, 0.001);
    }

    [Fact]
    public void PureRedAndWhiteMatchTheTextbookValuesWithinOneHundredth()
    {
        LabColor red = LabColor.FromSrgb(1, 0, 0);
        LabColor white = LabColor.FromSrgb(1, 1, 1);

        Assert.Equal(53.24, red.L, 0.01);
        Assert.Equal(80.09, red.A, 0.01);
        Assert.Equal(67.20, red.B, 0.01);
        Assert.Equal(100.0, white.L, 0.01);
        Assert.Equal(0.0, white.A, 0.01);
        Assert.Equal(0.0, white.B, 0.01);
    }

    [Fact]
    public void GreysHaveNoChromaAndLightnessGrowsWithValue()
    {
        double previous = -1;
        for (int v = 0; v <= 255; v += 15)
        {
            LabColor grey = LabColor.FromSrgb(v / 255.0, v / 255.0, v / 255.0);
            Assert.True(grey.L > previous, $"L* must increase with the grey level (v = {v}).");
            Assert.Equal(0.0, grey.A, 0.01);
            Assert.Equal(0.0, grey.B, 0.01);
            previous = grey.L;
        }
    }

    [Fact]
    public void DarkColoursUseTheLinearSegments()
    {
        // 1/255 is below 0.04045 (sRGB linear part) and Y/Yn is below 0.008856 (CIE linear part).
        double linear = 1 / 255.0 / 12.92;
        double y = 0.212671 * linear + 0.715160 * linear + 0.072169 * linear;
        double expectedL = 116 * (7.787 * y + 16.0 / 116) - 16;

        LabColor lab = LabColor.FromSrgb(1 / 255.0, 1 / 255.0, 1 / 255.0);

        Assert.Equal(expectedL, lab.L, 1e-12);
    }
}
