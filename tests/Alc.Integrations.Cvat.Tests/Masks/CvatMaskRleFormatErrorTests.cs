using Alc.Integrations.Cvat.Masks;

namespace Alc.Integrations.Cvat.Tests.Masks;

/// <summary>Every malformed points list is a <see cref="CvatFormatException"/> whose message names the problem.</summary>
public sealed class CvatMaskRleFormatErrorTests
{
    private static void Rejects(double[] points, string expected, int width = 4, int height = 3)
    {
        var error = Assert.Throws<CvatFormatException>(() => CvatMaskRle.Decode(points, width, height));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FewerThanFiveValues() => Rejects([0, 0, 1, 1], "5 values or more, got 4");

    [Fact]
    public void NoValues() => Rejects([], "got 0");

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteValue(double bad) => Rejects([1, bad, 0, 0, 1, 0], "points[1] = " + bad + " is not a finite number");

    [Fact]
    public void NegativeRun() => Rejects([3, -1, 0, 0, 1, 0], "points[1] = -1 is negative");

    [Fact]
    public void NegativeCoordinate() => Rejects([2, -1, 0, 0, 0], "points[1] = -1 is negative");

    [Fact]
    public void FractionalValue() => Rejects([1.5, 0.5, 0, 0, 1, 0], "points[0] = 1.5 is not a whole number");

    [Fact]
    public void FractionalCoordinate() => Rejects([2, 0, 0, 1.25, 0], "points[3] = 1.25 is not a whole number");

    [Fact]
    public void ValueBeyondInt32() => Rejects([1e20, 0, 0, 0, 0], "points[0] = 1E+20 is above 2147483647");

    [Fact]
    public void InvertedHorizontally() => Rejects([1, 2, 0, 1, 0], "[2, 0, 1, 0] is inverted");

    [Fact]
    public void InvertedVertically() => Rejects([1, 0, 2, 0, 1], "[0, 2, 0, 1] is inverted");

    [Fact]
    public void RightOutsideTheImage() => Rejects([2, 3, 0, 4, 0], "[3, 0, 4, 0] reaches outside the 4×3 image");

    [Fact]
    public void BottomOutsideTheImage() => Rejects([3, 0, 1, 0, 3], "[0, 1, 0, 3] reaches outside the 4×3 image");

    [Fact]
    public void RunsShortOfTheBox() => Rejects([1, 2, 0, 0, 1, 1], "2 run lengths sum to 3, but its 2×2 box has 4 pixels");

    [Fact]
    public void RunsPastTheBox() => Rejects([1, 2, 2, 0, 0, 1, 1], "3 run lengths sum to 5, but its 2×2 box has 4 pixels");

    [Fact]
    public void RunsWhoseSumOverflowsInt32()
    {
        // Two runs of int.MaxValue sum to 4,294,967,294: an int sum would wrap to −2, a long sum reports it.
        double max = int.MaxValue;
        Rejects([max, max, 0, 0, 1, 1], "sum to 4294967294, but its 2×2 box has 4 pixels");
    }

    [Fact]
    public void BoxLargerThanAnyImage() =>
        Assert.Contains("too many for any image",
            Assert.Throws<CvatFormatException>(() => CvatMaskRle.BoxOf([1, 0, 0, int.MaxValue, int.MaxValue])).Message, StringComparison.Ordinal);

    [Fact]
    public void BoxOfChecksWithoutTheImage()
    {
        // The box fits no 4×3 image, but BoxOf has no image to check it against; the runs it does check.
        Assert.Equal(new CvatBox(10, 20, 10, 20), CvatMaskRle.BoxOf([0, 1, 10, 20, 10, 20]));
        Assert.Throws<CvatFormatException>(() => CvatMaskRle.BoxOf([0, 2, 10, 20, 10, 20]));
    }
}
