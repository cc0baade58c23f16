using Alc.Core.Cost;

namespace Alc.Storage.Answers;

/// <summary>
/// A later revision of a sourced answer (a labeling tool's annotation updated after it was first answered) that
/// replaces the stored answer in place: it keeps the answer's place in the log, and the answer it replaces moves to
/// the history.
/// </summary>
/// <param name="AnswerId">The stored answer it replaces.</param>
/// <param name="IdempotencyKey">The revision's scoped key, stored so a replayed delivery of it is recognised.</param>
/// <param name="RequestHash">Hash of the revision's content.</param>
/// <param name="ResponseJson">The receipt returned for it.</param>
/// <param name="Annotator">Who answered this revision.</param>
/// <param name="Verdict">The new verdict.</param>
/// <param name="Label">The new class id (with <see cref="QueryVerdict.Correct"/> only).</param>
/// <param name="ElapsedMs">The new elapsed time.</param>
/// <param name="ChangedPixels">Pixels whose label the answer changes at its place in the log.</param>
/// <param name="Revision">The revision's name (sorts after the stored one).</param>
public sealed record AnswerRevision(long AnswerId, string IdempotencyKey, string RequestHash, string ResponseJson, string Annotator, QueryVerdict Verdict,
    int? Label, long ElapsedMs, int ChangedPixels, string Revision);
