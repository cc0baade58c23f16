namespace Alc.Campaigns.Answers;

/// <summary>
/// One answer from a labeling tool's annotation (a Label Studio annotation, a CVAT job): the tool may later send a
/// newer revision of the same annotation, which supersedes the stored answer, or withdraw it.
/// </summary>
/// <param name="ProjectId">The project.</param>
/// <param name="Source">The annotation, unique within the project and stable across its revisions (1–200 characters), e.g. <c>label-studio/annotation-17</c>.</param>
/// <param name="Revision">
/// Which revision of <paramref name="Source"/> this is (1–100 characters): revisions are ordered ordinally, so a
/// tool's update time in a fixed-width ISO 8601 form orders them. The pair source + revision is the answer's idempotency key.
/// </param>
/// <param name="Annotator">Who answered (1–200 characters).</param>
/// <param name="Answer">The answer.</param>
public sealed record SourcedAnswer(long ProjectId, string Source, string Revision, string Annotator, AnswerCommand Answer);

/// <summary>What a sourced answer did.</summary>
/// <param name="Revised">True when it replaced an earlier revision of its source; false when it was the query's first answer.</param>
/// <param name="Receipt">The stored answer's receipt (for a revision: 1 accepted, the pixels it changes at its place in the log).</param>
public sealed record SourcedReceipt(bool Revised, AnswerReceipt Receipt);

/// <summary>What withdrawing a source's answers did.</summary>
/// <param name="Withdrawn">Answers withdrawn (their queries are open again).</param>
/// <param name="Kept">Answers kept because their round is no longer querying (a closed round's answers are part of its model and metrics).</param>
/// <param name="Remaining">Unanswered queries of the querying round afterwards, or null when no round is querying.</param>
public sealed record WithdrawalReceipt(int Withdrawn, int Kept, int? Remaining);
