using Alc.Storage.Rounds;

namespace Alc.Storage.Answers;

/// <summary>
/// One idempotent answer submission, stored all-or-nothing: the answers, the idempotency record with the
/// response returned to the client, and — when the batch answers the round's last query — the round's closing.
/// </summary>
public sealed record AnswerBatch
{
    /// <summary>The client's Idempotency-Key.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>Hash of the request body (a replay must match it).</summary>
    public required string RequestHash { get; init; }

    /// <summary>The response to return on replay.</summary>
    public required string ResponseJson { get; init; }

    /// <summary>Who answered.</summary>
    public required string Annotator { get; init; }

    /// <summary>The answers.</summary>
    public required IReadOnlyList<NewAnswer> Answers { get; init; }

    /// <summary>The labeling tool's annotation the answers came from (see <see cref="AnswerRow.Source"/>); null for an API batch.</summary>
    public string? Source { get; init; }

    /// <summary>The revision of <see cref="Source"/> (see <see cref="AnswerRow.Revision"/>).</summary>
    public string? Revision { get; init; }

    /// <summary>The round to close in the same transaction, with its final metrics; null to leave it open.</summary>
    public (RoundRow Round, RoundMetricsRow Metrics)? Close { get; init; }
}
