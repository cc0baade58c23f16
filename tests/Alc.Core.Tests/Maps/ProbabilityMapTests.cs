using Alc.Core.Maps;

namespace Alc.Core.Tests.Maps;

public class ProbabilityMapTests
{
    [Fact]
    public void Exposes_each_pixels_class_vector()
    {
        var map = new ProbabilityMap(2, 1, 2, [0.25f, 0.75f, 1f, 0f]);
        Assert.Equal([0.25f, 0.75f], map.At(0).ToArray());
        Assert.Equal([1f, 0f], map.At(1).ToArray());
    }

    [Fact]
    public void Names_the_pixel_and_class_of_a_NaN()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ProbabilityMap(2, 1, 2, [0.5f, 0.5f, float.NaN, 1f]));
        Assert.Contains("(x=1, y=0)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("class 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_negative_probabilities()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ProbabilityMap(1, 1, 2, [1.5f, -0.5f]));
        Assert.Contains("class 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_pixel_that_does_not_sum_to_one()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ProbabilityMap(1, 2, 2, [0.5f, 0.5f, 0.5f, 0.4f]));
        Assert.Contains("(x=0, y=1)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("summing to 0.9", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_length_that_is_not_width_height_classes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ProbabilityMap(2, 2, 3, new float[11]));
        Assert.Contains("Expected 12 values (3 per pixel)", ex.Message, StringComparison.Ordinal);
    }
}
