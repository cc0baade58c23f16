using Alc.Core.Cost;

namespace Alc.Storage.Answers;

/// <summary>An answer that no longer counts: superseded by a later revision of its source, or withdrawn.</summary>
public sealed record AnswerHistoryRow
{
    /// <summary>The answer's id while it was stored.</summary>
    public long AnswerId { get; init; }

    /// <summary>The query it answered.</summary>
    public long QueryId { get; init; }

    /// <summary>Who answered.</summary>
    public string Annotator { get; init; } = "";

    /// <summary>The verdict it gave.</summary>
    public QueryVerdict Verdict { get; init; }

    /// <summary>The class id it gave (with <see cref="QueryVerdict.Correct"/>).</summary>
    public int? Label { get; init; }

    /// <summary>Time the annotator reported.</summary>
    public long ElapsedMs { get; init; }

    /// <summary>The labeling tool's annotation it came from.</summary>
    public string? Source { get; init; }

    /// <summary>Which revision of the source it was.</summary>
    public string? Revision { get; init; }

    /// <summary><c>revised</c> or <c>withdrawn</c>.</summary>
    public string EndedBy { get; init; } = "";
}
