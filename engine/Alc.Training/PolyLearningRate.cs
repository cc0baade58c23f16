namespace Alc.Training;

/// <summary>The poly learning-rate schedule of DeepLab (paper App. D): lr = base·(1 − iteration/iterations)^power.</summary>
public static class PolyLearningRate
{
    /// <summary>
    /// The learning rate of step <paramref name="iteration"/> (0-based) out of <paramref name="iterations"/>:
    /// base·(1 − iteration/iterations)^power, so the first step uses the base rate and the rate falls towards 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="iterations"/> is not positive, <paramref name="iteration"/> is outside [0, iterations), or
    /// <paramref name="power"/> is negative.
    /// </exception>
    public static double At(double baseRate, int iteration, int iterations, double power)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(iterations);
        ArgumentOutOfRangeException.ThrowIfNegative(iteration);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(iteration, iterations);
        ArgumentOutOfRangeException.ThrowIfNegative(power);
        return baseRate * Math.Pow(1.0 - ((double)iteration / iterations), power);
    }
}
