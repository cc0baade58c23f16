using Alc.Core.Cost;

namespace Alc.Storage.Answers;

/// <summary>An accepted answer to store, with what its expansion changed.</summary>
/// <param name="QueryId">The query answered.</param>
/// <param name="Verdict">The verdict.</param>
/// <param name="Label">The corrected class (only for correct).</param>
/// <param name="ElapsedMs">Time the annotator reports.</param>
/// <param name="ChangedPixels">Pixels whose label the answer changed.</param>
public sealed record NewAnswer(long QueryId, QueryVerdict Verdict, int? Label, long ElapsedMs, int ChangedPixels);
