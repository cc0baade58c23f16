using System.Globalization;
using System.Text;
using System.Text.Json;
using Alc.Imaging.Datasets;

namespace Alc.Engine.Bench;

/// <summary>Writes a bench's results.json, report.md and the mIoU-against-clicks plots.</summary>
public static class BenchReport
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Writes everything into <paramref name="outputRoot"/>; returns report.md's text.</summary>
    public static string Write(string outputRoot, BenchResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        Directory.CreateDirectory(outputRoot);
        AtomicFile.WriteAllBytes(Path.Combine(outputRoot, "results.json"), JsonSerializer.SerializeToUtf8Bytes(results, Json));
        string markdown = Markdown(results);
        AtomicFile.WriteAllBytes(Path.Combine(outputRoot, "report.md"), Encoding.UTF8.GetBytes(markdown));
        BenchPlots.Write(Path.Combine(outputRoot, "data-miou.png"), results, "Data mIoU (training labels)", r => r.DataMIoU);
        BenchPlots.Write(Path.Combine(outputRoot, "model-miou.png"), results, "Model mIoU (validation)", r => r.ModelMIoU);
        return markdown;
    }

    /// <summary>report.md: per strategy and round, mean ± std over seeds.</summary>
    public static string Markdown(BenchResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var c = results.Config;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Bench: {results.Dataset}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{c.TrainImages} training / {c.ValImages} validation images, {c.Classes} classes. Model `{c.Model}`, {c.Iterations} iterations × batch {c.BatchSize}, crop {c.CropSize}, retrain {c.Retrain}, device {c.Device}. " +
            $"B = {c.Budget} queries per round, {c.Rounds} rounds, ε = {c.Epsilon}, oracle `{c.Oracle}` (error rate {c.ErrorRate}). Seeds {string.Join(", ", c.Seeds)}; mean ± std over seeds. Wall time {c.WallSeconds / 60:0.0} min.");
        text.AppendLine();
        text.AppendLine("## Final round");
        text.AppendLine();
        text.AppendLine("| strategy | clicks | Data mIoU | Model mIoU | precision | recall |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var group in results.Runs.GroupBy(r => r.Acquisition))
        {
            int last = group.Min(r => r.Rounds.Count) - 1;
            var rows = group.Select(r => r.Rounds[last]).ToList();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {group.Key} | {Stat(rows.Select(r => (double?)r.Clicks), 0)} | {Stat(rows.Select(r => (double?)r.DataMIoU))} | {Stat(rows.Select(r => (double?)r.ModelMIoU))} | {Stat(rows.Select(r => r.Precision))} | {Stat(rows.Select(r => r.Recall))} |");
        }

        foreach (var group in results.Runs.GroupBy(r => r.Acquisition))
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"## {group.Key}");
            text.AppendLine();
            text.AppendLine("| round | clicks | bits | Data mIoU | Model mIoU | precision | recall |");
            text.AppendLine("|---|---|---|---|---|---|---|");
            int rounds = group.Min(r => r.Rounds.Count);
            for (int t = 0; t < rounds; t++)
            {
                var rows = group.Select(r => r.Rounds[t]).ToList();
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {t} | {Stat(rows.Select(r => (double?)r.Clicks), 0)} | {Stat(rows.Select(r => (double?)r.Bits), 1)} | {Stat(rows.Select(r => (double?)r.DataMIoU))} | {Stat(rows.Select(r => (double?)r.ModelMIoU))} | {Stat(rows.Select(r => r.Precision))} | {Stat(rows.Select(r => r.Recall))} |");
            }
        }

        return text.ToString();
    }

    private static string Stat(IEnumerable<double?> values, int digits = 3) => SeedStatistics.Of(values)?.Format(digits) ?? "—";
}
