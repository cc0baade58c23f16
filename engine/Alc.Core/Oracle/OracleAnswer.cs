using Alc.Core.Cost;

namespace Alc.Core.Oracle;

/// <summary>The simulated annotator's answer to one correction query.</summary>
/// <param name="Verdict">Confirm, or Correct with <paramref name="Label"/>.</param>
/// <param name="Label">The label the pixel should carry after the answer (the shown label for a confirm).</param>
/// <param name="Seconds">Simulated annotation time.</param>
public readonly record struct OracleAnswer(QueryVerdict Verdict, byte Label, double Seconds);
