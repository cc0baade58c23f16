using Alc.Core.Superpixels;

namespace Alc.Core.Tests.Superpixels;

public class RegularGridTests
{
    private static (int[] Starts, int[] Steps) Grid(int[] shape, int points)
    {
        int[] starts = new int[shape.Length];
        int[] steps = new int[shape.Length];
        RegularGrid.Compute(shape, points, starts, steps);
        return (starts, steps);
    }

    // The examples of skimage.util.regular_grid's documentation.
    [Theory]
    [InlineData(new[] { 20, 40 }, 8, new[] { 5, 5 }, new[] { 10, 10 })]
    [InlineData(new[] { 20, 40 }, 32, new[] { 2, 2 }, new[] { 5, 5 })]
    [InlineData(new[] { 3, 20, 40 }, 8, new[] { 1, 5, 5 }, new[] { 3, 10, 10 })]
    public void MatchesScikitImageExamples(int[] shape, int points, int[] starts, int[] steps)
    {
        var grid = Grid(shape, points);

        Assert.Equal(starts, grid.Starts);
        Assert.Equal(steps, grid.Steps);
    }

    [Fact]
    public void ADepthOfOneGetsAStepOfOneAndTheImageSharesTheRest()
    {
        // 512·512/2000 = 131.07 → √ = 11.45: start ⌊11.45/2⌋ = 5, step round(11.45) = 11.
        var grid = Grid([1, 512, 512], 2000);

        Assert.Equal([0, 5, 5], grid.Starts);
        Assert.Equal([1, 11, 11], grid.Steps);
    }

    [Fact]
    public void AThinStripPutsEveryPointAlongItsLongAxis()
    {
        // (1, 1, 10) with 4 points: the short axes take step 1, the long one 10/4 = 2.5 → round half to even = 2.
        var grid = Grid([1, 1, 10], 4);

        Assert.Equal([0, 0, 1], grid.Starts);
        Assert.Equal([1, 1, 2], grid.Steps);
    }

    [Fact]
    public void AskingForAtLeastOnePointPerCellUsesEveryCell()
    {
        var grid = Grid([1, 3, 4], 12);

        Assert.Equal([0, 0, 0], grid.Starts);
        Assert.Equal([1, 1, 1], grid.Steps);
    }
}
