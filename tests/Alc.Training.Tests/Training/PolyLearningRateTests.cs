namespace Alc.Training.Tests.Training;

public class PolyLearningRateTests
{
    [Theory]
    // base·(1 − it/n)^0.9 with base 0.01, n = 10:
    // it 0: 0.01·1 = 0.01
    // it 5: 0.01·0.5^0.9 = 0.01·e^(0.9·ln 0.5) = 0.01·e^(−0.623832) = 0.01·0.535887 = 0.00535887
    // it 9: 0.01·0.1^0.9 = 0.01·e^(−2.072327) = 0.01·0.125893 = 0.00125893
    [InlineData(0, 0.01)]
    [InlineData(5, 0.00535887)]
    [InlineData(9, 0.00125893)]
    public void Matches_hand_computed_values(int iteration, double expected)
    {
        Assert.Equal(expected, PolyLearningRate.At(0.01, iteration, 10, 0.9), 8);
    }

    [Fact]
    public void Power_1_is_linear_and_power_0_is_constant()
    {
        // 0.1·(1 − 3/4)^1 = 0.025; 0.1·(1 − 3/4)^0 = 0.1
        Assert.Equal(0.025, PolyLearningRate.At(0.1, 3, 4, 1.0), 12);
        Assert.Equal(0.1, PolyLearningRate.At(0.1, 3, 4, 0.0), 12);
    }

    [Fact]
    public void Decreases_strictly_over_a_run()
    {
        double previous = double.PositiveInfinity;
        for (int it = 0; it < 100; it++)
        {
            double lr = PolyLearningRate.At(0.01, it, 100, 0.9);
            Assert.True(lr < previous && lr > 0);
            previous = lr;
        }
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(10, 10)]
    [InlineData(0, 0)]
    public void Rejects_iterations_outside_the_run(int iteration, int iterations)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PolyLearningRate.At(0.01, iteration, iterations, 0.9));
    }
}
