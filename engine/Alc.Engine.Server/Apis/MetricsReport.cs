using Alc.Core;
using System.Text.Json;
using Alc.Core.Cost;
using Alc.Campaigns;
using Alc.Campaigns.AutoCorrection;
using Alc.Campaigns.Simulation;
using Alc.Engine.Server.Contracts;
using Alc.Storage.Answers;
using Alc.Storage.Rounds;

namespace Alc.Engine.Server.Apis;

/// <summary>
/// A project's metrics round by round: cost (clicks, bits, seconds, corrections per class) counted live from the
/// answer log, quality (Data mIoU, Model mIoU, precision) as recorded when the round was scored and closed.
/// </summary>
internal sealed class MetricsReport(RoundRepository rounds, AnswerRepository answers)
{
    public ProjectMetricsDto Build(long projectId, IReadOnlyList<ClassInfo> classes, double? initialDataMIoU)
    {
        var stored = rounds.Metrics(projectId).ToDictionary(m => m.RoundNumber);
        var log = answers.ForProject(projectId).GroupBy(a => a.RoundId).ToDictionary(g => g.Key, g => g.ToList());
        var automated = rounds.AutoCorrections(projectId).ToDictionary(a => a.RoundId);
        long cumulative = 0;
        var result = new List<RoundMetricsDto>();
        foreach (var round in rounds.List(projectId))
        {
            var roundAnswers = log.GetValueOrDefault(round.Id) ?? [];
            cumulative += roundAnswers.Count;
            var quality = stored.GetValueOrDefault(round.Number);
            var perClass = roundAnswers.Where(a => a.Verdict == QueryVerdict.Correct && a.Label is int l && l < classes.Count)
                .GroupBy(a => classes[a.Label!.Value].Name).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
            result.Add(new RoundMetricsDto(round.Number, Enum.Parse<RoundState>(round.State, ignoreCase: true), roundAnswers.Count,
                roundAnswers.Sum(a => AnnotationCost.Bits(a.Verdict, classes.Count)), roundAnswers.Sum(a => a.ElapsedMs) / 1000.0,
                cumulative, quality?.DataMiou, quality?.ModelMiou, quality?.Precision, perClass,
                automated.TryGetValue(round.Id, out var auto) ? Automated(auto, roundAnswers) : null));
        }

        return new ProjectMetricsDto(projectId, initialDataMIoU, result);
    }

    private static AutomatedCorrectionDto Automated(AutoCorrectionRow row, List<AnswerRow> roundAnswers)
    {
        var record = JsonSerializer.Deserialize<AutoCorrectionRecord>(row.RecordJson)
            ?? throw new InvalidDataException($"Round {row.RoundNumber}'s automated correction record is empty.");
        var checks = roundAnswers.Where(a => a.RegionBlob is not null).ToList();
        return new AutomatedCorrectionDto(record.Threshold, record.Candidates, record.Superpixels, record.Pixels, record.PixelsRight, record.ShareRight,
            record.Checks, checks.Count, checks.Count(a => a.Verdict == QueryVerdict.Correct));
    }

    public static ProjectTotalsDto Totals(ProjectMetricsDto metrics) => new(metrics.Rounds.Count, metrics.Rounds.Sum(r => r.Clicks),
        metrics.Rounds.Sum(r => r.CorrectionsPerClass.Values.Sum()), metrics.Rounds.Sum(r => r.Bits), metrics.Rounds.Sum(r => r.Seconds));
}
