using Alc.Core.Cost;

namespace Alc.Storage.Answers;

/// <summary>A stored answer joined with its query: one line of the answer log that D_t is re-derived from.</summary>
public sealed record AnswerRow
{
    /// <summary>Id (the log's order).</summary>
    public long Id { get; init; }

    /// <summary>The query.</summary>
    public long QueryId { get; init; }

    /// <summary>The query's round.</summary>
    public long RoundId { get; init; }

    /// <summary>The query's image.</summary>
    public long ImageId { get; init; }

    /// <summary>The queried pixel.</summary>
    public int Pixel { get; init; }

    /// <summary>The superpixel.</summary>
    public int SuperpixelId { get; init; }

    /// <summary>The label the query showed.</summary>
    public int ShownLabel { get; init; }

    /// <summary>For a region check, the blob of the region the answer covers; null for a pixel query.</summary>
    public string? RegionBlob { get; init; }

    /// <summary>Who answered.</summary>
    public string Annotator { get; init; } = "";

    /// <summary>The verdict (stored as confirm, correct or unsure).</summary>
    public QueryVerdict Verdict { get; init; }

    /// <summary>The corrected class (correct only).</summary>
    public int? Label { get; init; }

    /// <summary>Reported annotator time.</summary>
    public long ElapsedMs { get; init; }

    /// <summary>The Idempotency-Key of the submission.</summary>
    public string IdempotencyKey { get; init; } = "";

    /// <summary>Where the answer came from (a labeling tool's annotation, e.g. <c>label-studio/annotation-17</c>), or null for an API batch.</summary>
    public string? Source { get; init; }

    /// <summary>Which revision of <see cref="Source"/> it is (ordinal order: a later revision sorts after), or null.</summary>
    public string? Revision { get; init; }
}
