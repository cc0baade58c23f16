namespace Alc.Bench;

/// <summary>Mean and sample standard deviation over seeds.</summary>
public readonly record struct SeedStatistics(double Mean, double Std, int Count)
{
    /// <summary>Statistics of the non-null values; null when there are none.</summary>
    public static SeedStatistics? Of(IEnumerable<double?> values)
    {
        var list = values.Where(v => v is not null && double.IsFinite(v.Value)).Select(v => v!.Value).ToList();
        if (list.Count == 0)
        {
            return null;
        }

        double mean = list.Average();
        double std = list.Count < 2 ? 0 : Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1));
        return new SeedStatistics(mean, std, list.Count);
    }

    /// <summary>"0.812 ± 0.004" with <paramref name="digits"/> decimals.</summary>
    public string Format(int digits = 3) =>
        Mean.ToString($"F{digits}", System.Globalization.CultureInfo.InvariantCulture) + " ± " +
        Std.ToString($"F{digits}", System.Globalization.CultureInfo.InvariantCulture);
}
