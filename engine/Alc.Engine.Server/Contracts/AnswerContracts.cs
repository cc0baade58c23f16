using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Alc.Engine.Server.Contracts;

/// <summary>An annotator's verdict on a correction query.</summary>
public enum Verdict
{
    /// <summary>The shown label is right (1 bit).</summary>
    Confirm,

    /// <summary>The shown label is wrong; <see cref="AnswerItem.Label"/> is the right class (log₂ L bits).</summary>
    Correct,

    /// <summary>The annotator cannot tell; the superpixel leaves the pool unchanged.</summary>
    Unsure,
}

/// <summary>One answer.</summary>
public sealed record AnswerItem
{
    /// <summary>The query answered.</summary>
    [Required]
    [JsonRequired]
    public long QueryId { get; init; }

    /// <summary>The verdict.</summary>
    [Required]
    [JsonRequired]
    public Verdict Verdict { get; init; }

    /// <summary>The right class id; required for <c>correct</c>, absent otherwise.</summary>
    public int? Label { get; init; }

    /// <summary>Time the annotator spent, in milliseconds (at most a day: 86,400,000).</summary>
    [DefaultValue(0L)]
    [Range(0L, Alc.Campaigns.Answers.AnswerCommand.MaxElapsedMs)]
    public long ElapsedMs { get; init; }
}

/// <summary>A batch of answers, stored all-or-nothing under the request's <c>Idempotency-Key</c>.</summary>
public sealed record AnswerBatchRequest
{
    /// <summary>Who answers (the lease owner of the queries).</summary>
    [Required]
    [JsonRequired]
    public string Annotator { get; init; } = "";

    /// <summary>The answers, each query at most once.</summary>
    [Required]
    [JsonRequired]
    public IReadOnlyList<AnswerItem> Answers { get; init; } = [];
}

/// <summary>The result of an accepted batch (a replay of the same Idempotency-Key returns it again).</summary>
/// <param name="Accepted">Answers stored.</param>
/// <param name="Corrections">Answers that corrected a label.</param>
/// <param name="ChangedPixels">Pixels whose label changed.</param>
/// <param name="Round">The round's number.</param>
/// <param name="Remaining">Unanswered queries left in the round.</param>
/// <param name="RoundClosed">Whether this batch answered the round's last query (the round is closed).</param>
public sealed record AnswerBatchResponse(
    [property: Required] int Accepted,
    [property: Required] int Corrections,
    [property: Required] long ChangedPixels,
    [property: Required] int Round,
    [property: Required] int Remaining,
    [property: Required] bool RoundClosed);
