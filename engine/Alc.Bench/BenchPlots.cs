using Alc.Campaigns;
using ScottPlot;

namespace Alc.Bench;

/// <summary>mIoU against cumulative clicks, one line per strategy with a band of ± one standard deviation over seeds (ScottPlot).</summary>
public static class BenchPlots
{
    private const string FontName = "DejaVu Sans";
    private static readonly Lazy<bool> FontLoaded = new(() =>
    {
        // Without fontconfig SkiaSharp finds no system font and ScottPlot would draw no text at all.
        Fonts.AddFontFile(FontName, Path.Combine(AppContext.BaseDirectory, "Assets", "DejaVuSans.ttf"));
        return true;
    });

    /// <summary>Writes one PNG plot of <paramref name="metric"/>.</summary>
    public static void Write(string path, BenchResults results, string title, Func<RoundRecord, double> metric)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(metric);
        _ = FontLoaded.Value;
        var plot = new Plot();
        plot.Font.Set(FontName);
        int index = 0;
        foreach (var group in results.Runs.GroupBy(r => r.Acquisition))
        {
            int rounds = group.Min(r => r.Rounds.Count);
            double[] clicks = Enumerable.Range(0, rounds).Select(t => group.Average(r => (double)r.Rounds[t].Clicks)).ToArray();
            var stats = Enumerable.Range(0, rounds).Select(t => SeedStatistics.Of(group.Select(r => (double?)metric(r.Rounds[t])))!.Value).ToArray();
            double[] mean = stats.Select(s => s.Mean).ToArray();
            var color = Colors.Category10[index++ % Colors.Category10.Length];
            var band = plot.Add.FillY(clicks, stats.Select(s => s.Mean - s.Std).ToArray(), stats.Select(s => s.Mean + s.Std).ToArray());
            band.FillColor = color.WithAlpha(0.2);
            band.LineWidth = 0;
            var line = plot.Add.Scatter(clicks, mean);
            line.Color = color;
            line.LineWidth = 2;
            line.MarkerSize = 5;
            line.LegendText = group.Key;
        }

        plot.Title($"{title} vs clicks — {results.Config.Budget} queries per round, {results.Config.Seeds.Count} seed(s)");
        plot.XLabel("clicks (cumulative queries)");
        plot.YLabel(title);
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, 900, 560);
    }
}
