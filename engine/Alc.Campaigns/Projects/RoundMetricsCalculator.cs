using System.Text.Json;
using Alc.Core.Cost;
using Alc.Storage.Queries;
using Alc.Storage.Rounds;

namespace Alc.Campaigns.Projects;

/// <summary>The measurements recorded when a round closes: cost of its answers, and quality against ground truth when the dataset has it.</summary>
public static class RoundMetricsCalculator
{
    /// <summary>The stored answers of a round in the form <see cref="Compute"/> takes.</summary>
    public static List<(long QueryId, QueryVerdict Verdict, int? Label, long ElapsedMs)> StoredAnswers(Alc.Storage.Answers.AnswerRepository answers,
        long roundId) =>
        answers.ForRound(roundId).Select(a => (a.QueryId, a.Verdict, a.Label, a.ElapsedMs)).ToList();

    /// <summary>Metrics of a round whose answers (already applied to <paramref name="state"/>) are <paramref name="answers"/>.</summary>
    /// <param name="state">The project's state after the round's answers.</param>
    /// <param name="round">The round.</param>
    /// <param name="queries">Every query of the round.</param>
    /// <param name="answers">Every answer of the round: query id, verdict, label, elapsed ms.</param>
    public static RoundMetricsRow Compute(CampaignState state, RoundRow round, IReadOnlyList<QueryRow> queries,
        IReadOnlyList<(long QueryId, QueryVerdict Verdict, int? Label, long ElapsedMs)> answers)
    {
        double bits = answers.Sum(a => AnnotationCost.Bits(a.Verdict, state.ClassCount));
        var perClass = answers.Where(a => a.Verdict == QueryVerdict.Correct)
            .GroupBy(a => state.Classes[a.Label!.Value].Name)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
        double? precision = null;
        if (state.HasTrainTruth && queries.Count > 0)
        {
            // Share of the round's queries that showed a wrong label (what the acquisition is for), by the bench's rule:
            // a pixel whose ground truth is void (255) is never wrong.
            var quality = new Alc.Core.Metrics.CorrectionQuality();
            foreach (var q in queries)
            {
                quality.AddQuery((byte)q.ShownLabel, state.ById[q.ImageId].GroundTruth![q.Pixel]);
            }

            precision = quality.Precision;
        }

        return new RoundMetricsRow
        {
            RoundId = round.Id,
            Clicks = answers.Count,
            Bits = bits,
            // Summed as doubles: an answer stored by an older version may hold any long, and a long sum would overflow.
            Seconds = answers.Sum(a => (double)a.ElapsedMs) / 1000.0,
            DataMiou = state.HasTrainTruth ? CampaignEvaluator.DataMIoU(state.Train, state.ClassCount) : null,
            Precision = precision,
            CorrectionsJson = JsonSerializer.Serialize(perClass),
        };
    }
}
