using Alc.Core.Correction;

namespace Alc.Core.Tests.Correction;

public class JudgeIterationsTests
{
    [Theory]
    [InlineData(250, 1.0, 250)]
    [InlineData(250, 4.0, 1000)]
    [InlineData(3, 0.5, 2)]  // 1.5 rounds away from zero
    [InlineData(5, 0.1, 1)]  // 0.5 → 1
    [InlineData(2, 0.1, 1)]  // 0.2 rounds to 0, and a judge trains at least once
    public void Judges_train_for_the_scaled_round_iterations_rounded_and_at_least_one(int iterations, double scale, int expected) =>
        Assert.Equal(expected, new LabelCorrectionOptions { JudgeIterationScale = scale }.JudgeIterations(iterations));

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(101.0)]
    public void A_scale_outside_zero_to_a_hundred_is_refused(double scale)
    {
        var error = Assert.Throws<ArgumentException>(() => new LabelCorrectionOptions { JudgeIterationScale = scale }.Validate());
        Assert.Contains("iteration scale", error.Message, StringComparison.Ordinal);
    }
}
