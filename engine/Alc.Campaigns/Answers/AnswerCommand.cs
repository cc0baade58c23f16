using Alc.Core.Cost;

namespace Alc.Campaigns.Answers;

/// <summary>One answer as the domain takes it, from any client (HTTP, a labeling tool's webhook, the gt oracle).</summary>
/// <param name="QueryId">The query answered.</param>
/// <param name="Verdict">The verdict.</param>
/// <param name="Label">The right class id: required for <see cref="QueryVerdict.Correct"/>, absent otherwise.</param>
/// <param name="ElapsedMs">Time the annotator spent, in milliseconds (0..<see cref="MaxElapsedMs"/>).</param>
public sealed record AnswerCommand(long QueryId, QueryVerdict Verdict, int? Label, long ElapsedMs)
{
    /// <summary>The longest time one answer may report: a day. More is a clock or client bug, and unbounded values overflow the round's sums.</summary>
    public const long MaxElapsedMs = 86_400_000;
}

/// <summary>A batch of answers by one annotator, stored all-or-nothing under its idempotency key.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="IdempotencyKey">Makes a retry safe: the same key with the same batch returns the stored receipt (1–200 characters).</param>
/// <param name="Annotator">Who answers: the lease owner of the queries (1–200 characters).</param>
/// <param name="Answers">The answers, each query at most once (1–<see cref="AnswerIngestion.MaxBatch"/>).</param>
public sealed record SubmitAnswers(long ProjectId, string IdempotencyKey, string Annotator, IReadOnlyList<AnswerCommand> Answers);

/// <summary>What a stored batch did (a replay of the same key returns it again).</summary>
/// <param name="Accepted">Answers stored.</param>
/// <param name="Corrections">Answers that corrected a label.</param>
/// <param name="ChangedPixels">Pixels whose label changed.</param>
/// <param name="Round">The round's number.</param>
/// <param name="Remaining">Unanswered queries left in the round.</param>
/// <param name="RoundClosed">Whether this batch answered the round's last query (the round is closed).</param>
public sealed record AnswerReceipt(int Accepted, int Corrections, long ChangedPixels, int Round, int Remaining, bool RoundClosed);
