using Alc.Core.Cost;

namespace Alc.Storage.Answers;

/// <summary>
/// The answers of one round that share a verdict, a label and a kind (region check or pixel query), counted by the
/// database: what a project's metrics need without reading its answer log.
/// </summary>
public sealed record AnswerTallyRow
{
    /// <summary>The round.</summary>
    public long RoundId { get; init; }

    /// <summary>The verdict.</summary>
    public QueryVerdict Verdict { get; init; }

    /// <summary>The corrected class (correct only).</summary>
    public int? Label { get; init; }

    /// <summary>Whether these answered region checks (rather than pixel queries).</summary>
    public bool Region { get; init; }

    /// <summary>How many answers.</summary>
    public long Count { get; init; }

    /// <summary>Their reported annotator time summed as a float, so no stored value can overflow the sum.</summary>
    public double ElapsedMs { get; init; }
}
