using System.Globalization;
using System.Text;
using System.Text.Json;
using Alc.Imaging.Datasets;

namespace Alc.Bench;

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
        // Merged results may hold some strategies on fewer seeds: name them, so a mean over one seed is not read as three.
        var partial = results.Runs.GroupBy(r => r.Acquisition).Where(g => g.Select(r => r.Seed).Distinct().Count() < c.Seeds.Count)
            .Select(g => $"{g.Key} (seed{(g.Count() > 1 ? "s" : string.Empty)} {string.Join(", ", g.Select(r => r.Seed).Distinct().Order())})").ToList();
        if (partial.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"On fewer seeds: {string.Join("; ", partial)}.");
        }

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

        BudgetTable(results, text);
        AutoCorrectionTable(results, text);
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

    // (a) Clicks each strategy needs to reach SIM's final-round Data mIoU.
    private static void BudgetTable(BenchResults results, StringBuilder text)
    {
        if (BudgetToTarget.Of(results) is not { } reference)
        {
            return;
        }

        text.AppendLine();
        text.AppendLine("## Budget to SIM's final Data mIoU");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Target {reference.Target:0.000} (sim after {reference.Clicks:0} clicks, mean over seeds). Clicks are read off each strategy's seed-mean curve, linearly interpolated between rounds.");
        text.AppendLine();
        text.AppendLine("| strategy | clicks to target | share of sim's clicks |");
        text.AppendLine("|---|---|---|");
        foreach (var group in results.Runs.GroupBy(r => r.Acquisition))
        {
            double? clicks = BudgetToTarget.Clicks(group.ToList(), reference.Target);
            string row = clicks is { } n
                ? string.Create(CultureInfo.InvariantCulture, $"| {group.Key} | {n:0} | {n / reference.Clicks:0.00} |")
                : $"| {group.Key} | not reached | — |";
            text.AppendLine(row);
        }
    }

    // (b) What the automated correction did, per strategy and round.
    private static void AutoCorrectionTable(BenchResults results, StringBuilder text)
    {
        var groups = results.Runs.GroupBy(r => r.Acquisition).Where(g => g.Any(r => r.Rounds.Any(x => x.AutoCorrection is not null))).ToList();
        if (groups.Count == 0)
        {
            return;
        }

        text.AppendLine();
        text.AppendLine("## Automated corrections");
        text.AppendLine();
        text.AppendLine("Per round (not cumulative), mean ± std over seeds; share right = changed pixels whose new label is the ground truth (pooled over seeds in its own column). " +
            "Region checks are queries (part of B) on regions the correction was unsure of; their pixels are counted apart from the automated changes.");
        text.AppendLine();
        text.AppendLine("| strategy | round | τ | trained on | superpixels | pixels | share right | pooled share right | pixels right before | region checks | pixels they changed | share right |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var group in groups)
        {
            int rounds = group.Min(r => r.Rounds.Count);
            for (int t = 1; t < rounds; t++)
            {
                var rows = group.Select(r => r.Rounds[t].AutoCorrection).Where(a => a is not null).Select(a => a!).ToList();
                if (rows.Count == 0)
                {
                    continue;
                }

                long pixels = rows.Sum(a => a.Pixels);
                long? right = rows.All(a => a.PixelsRight is not null) ? rows.Sum(a => a.PixelsRight!.Value) : null;
                string pooled = right is { } r ? Share(r, pixels) : "—";
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {group.Key} | {t} | {Stat(rows.Select(a => (double?)a.Threshold))} | {Stat(rows.Select(a => (double?)a.TrainingSamples), 0)} | {Stat(rows.Select(a => (double?)a.Superpixels), 1)} | {Stat(rows.Select(a => (double?)a.Pixels), 0)} | {Stat(rows.Select(a => a.ShareRight))} | {pooled} | {Stat(rows.Select(a => (double?)a.PixelsRightBefore), 0)} | {Stat(rows.Select(a => (double?)a.Checks), 0)} | {Stat(rows.Select(a => (double?)a.CheckPixels), 0)} | {Share(rows.Sum(a => a.CheckPixelsRight), rows.Sum(a => a.CheckPixels))} |");
            }
        }

        text.AppendLine();
        foreach (var group in groups)
        {
            var all = group.SelectMany(r => r.Rounds).Select(x => x.AutoCorrection).Where(a => a is not null).Select(a => a!).ToList();
            if (all.All(a => a.PixelsRight is not null))
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"Over all rounds and seeds, `{group.Key}`: {Share(all.Sum(a => a.PixelsRight!.Value), all.Sum(a => a.Pixels))} of {all.Sum(a => a.Pixels)} automatically changed pixels right; region checks: {all.Sum(a => a.Checks)} asked, {Share(all.Sum(a => a.CheckPixelsRight), all.Sum(a => a.CheckPixels))} of {all.Sum(a => a.CheckPixels)} changed pixels right.");
                text.AppendLine();
            }
        }
    }

    private static string Share(long part, long whole) => whole > 0 ? ((double)part / whole).ToString("0.000", CultureInfo.InvariantCulture) : "—";

    private static string Stat(IEnumerable<double?> values, int digits = 3) => SeedStatistics.Of(values)?.Format(digits) ?? "—";
}
