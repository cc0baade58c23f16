using Alc.Core.Cost;
using Alc.Engine.Server.Contracts;
using Alc.Storage.Answers;

namespace Alc.Engine.Server.Apis;

/// <summary>
/// Annotators' pace from the answer log: answers, corrections and unsure per name, the median reported seconds per answer,
/// and answers per hour of reported time on task (the paper's user study prices a correction query at ~4.8 s, i.e. ~750 per hour).
/// </summary>
internal static class AnnotatorThroughput
{
    /// <summary>One row per annotator, most answers first (ties by name).</summary>
    public static List<AnnotatorThroughputDto> Of(IEnumerable<AnswerRow> answers) =>
        answers.GroupBy(a => a.Annotator, StringComparer.Ordinal)
            .Select(g => Row(g.Key, g.ToList()))
            .OrderByDescending(r => r.Answers).ThenBy(r => r.Annotator, StringComparer.Ordinal)
            .ToList();

    private static AnnotatorThroughputDto Row(string annotator, List<AnswerRow> answers)
    {
        double totalSeconds = answers.Sum(a => (double)a.ElapsedMs) / 1000.0;
        return new AnnotatorThroughputDto(annotator, answers.Count,
            answers.Count(a => a.Verdict == QueryVerdict.Correct), answers.Count(a => a.Verdict == QueryVerdict.Unsure),
            Median(answers.Select(a => a.ElapsedMs / 1000.0).ToList()), totalSeconds > 0 ? 3600.0 * answers.Count / totalSeconds : null);
    }

    /// <summary>The median of a non-empty list (the mean of the middle two for an even count).</summary>
    internal static double Median(List<double> values)
    {
        values.Sort();
        int middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
    }
}
