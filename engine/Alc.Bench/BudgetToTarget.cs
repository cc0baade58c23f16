namespace Alc.Bench;

/// <summary>
/// Clicks a strategy needs to reach a target Data mIoU: the first crossing of its seed-mean curve (mean clicks, mean
/// Data mIoU per round), interpolated linearly between the two rounds around it; null when the curve never gets there.
/// </summary>
public static class BudgetToTarget
{
    /// <summary>The reference strategy whose final-round mean Data mIoU is the target.</summary>
    public const string Reference = Alc.Core.Acquisition.Acquisitions.Sim;

    /// <summary>Clicks at which the mean curve of <paramref name="runs"/> first reaches <paramref name="target"/>, or null.</summary>
    public static double? Clicks(IReadOnlyList<BenchRun> runs, double target)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var curve = MeanCurve(runs);
        for (int t = 0; t < curve.Count; t++)
        {
            if (curve[t].DataMIoU >= target)
            {
                if (t == 0)
                {
                    return curve[0].Clicks;
                }

                var (x0, y0) = curve[t - 1];
                var (x1, y1) = curve[t];
                return y1 == y0 ? x1 : x0 + ((target - y0) / (y1 - y0) * (x1 - x0));
            }
        }

        return null;
    }

    /// <summary>Per round: mean clicks and mean Data mIoU over the runs (seeds), up to the shortest run.</summary>
    public static List<(double Clicks, double DataMIoU)> MeanCurve(IReadOnlyList<BenchRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        int rounds = runs.Count == 0 ? 0 : runs.Min(r => r.Rounds.Count);
        return Enumerable.Range(0, rounds)
            .Select(t => (runs.Average(r => (double)r.Rounds[t].Clicks), runs.Average(r => r.Rounds[t].DataMIoU)))
            .ToList();
    }

    /// <summary>The target: the reference strategy's final-round mean Data mIoU and its clicks; null without a reference run.</summary>
    public static (double Target, double Clicks)? Of(BenchResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var reference = results.Runs.Where(r => r.Acquisition == Reference).ToList();
        if (reference.Count == 0)
        {
            return null;
        }

        var curve = MeanCurve(reference);
        return (curve[^1].DataMIoU, curve[^1].Clicks);
    }
}
