using System.Text.Json;
using Alc.Campaigns.AutoCorrection;
using Alc.Core;
using Alc.Core.Cost;
using Alc.Engine.Server.Contracts;
using Alc.Storage.Answers;
using Alc.Storage.Rounds;

namespace Alc.Engine.Server.Apis;

/// <summary>
/// A project's metrics round by round: cost (clicks, bits, seconds, corrections per class) counted live by the
/// database (<see cref="AnswerRepository.Tally"/>), quality (Data mIoU, Model mIoU, precision) as recorded when the round was scored and closed.
/// </summary>
internal sealed class MetricsReport(RoundRepository rounds, AnswerRepository answers)
{
    public ProjectMetricsDto Build(long projectId, IReadOnlyList<ClassInfo> classes, double? initialDataMIoU)
    {
        var stored = rounds.Metrics(projectId).ToDictionary(m => m.RoundNumber);
        var tally = answers.Tally(projectId).ToLookup(t => t.RoundId);
        var automated = rounds.AutoCorrections(projectId).ToDictionary(a => a.RoundId);
        long cumulative = 0;
        var result = new List<RoundMetricsDto>();
        foreach (var round in rounds.List(projectId))
        {
            var counted = tally[round.Id].ToList();
            int clicks = (int)counted.Sum(t => t.Count);
            cumulative += clicks;
            var quality = stored.GetValueOrDefault(round.Number);
            var perClass = counted.Where(t => t.Verdict == QueryVerdict.Correct && t.Label is int l && l >= 0 && l < classes.Count)
                .GroupBy(t => classes[t.Label!.Value].Name).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (int)g.Sum(t => t.Count));
            result.Add(new RoundMetricsDto(round.Number, Enum.Parse<RoundState>(round.State.ToString()), clicks,
                counted.Sum(t => t.Count * AnnotationCost.Bits(t.Verdict, classes.Count)), counted.Sum(t => t.ElapsedMs) / 1000.0,
                cumulative, quality?.DataMiou, quality?.ModelMiou, quality?.Precision, perClass,
                automated.TryGetValue(round.Id, out var auto) ? Automated(auto, counted) : null));
        }

        return new ProjectMetricsDto(projectId, initialDataMIoU, result);
    }

    private static AutomatedCorrectionDto Automated(AutoCorrectionRow row, List<AnswerTallyRow> counted)
    {
        var record = JsonSerializer.Deserialize<AutoCorrectionRecord>(row.RecordJson)
            ?? throw new InvalidDataException($"Round {row.RoundNumber}'s automated correction record is empty.");
        var checks = counted.Where(t => t.Region).ToList();
        return new AutomatedCorrectionDto(record.Threshold, record.Candidates, record.Superpixels, record.Pixels, record.PixelsRight, record.ShareRight,
            record.Checks, (int)checks.Sum(t => t.Count), (int)checks.Where(t => t.Verdict == QueryVerdict.Correct).Sum(t => t.Count));
    }

    public static ProjectTotalsDto Totals(ProjectMetricsDto metrics) => new(metrics.Rounds.Count, metrics.Rounds.Sum(r => r.Clicks),
        metrics.Rounds.Sum(r => r.CorrectionsPerClass.Values.Sum()), metrics.Rounds.Sum(r => r.Bits), metrics.Rounds.Sum(r => r.Seconds));
}
