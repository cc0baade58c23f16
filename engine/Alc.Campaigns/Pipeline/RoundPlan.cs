using Alc.Campaigns.AutoCorrection;
using Alc.Core.Maps;

namespace Alc.Campaigns.Pipeline;

/// <summary>What stages train → select of round t produced: θ_(t−1)'s measurement, the automated correction's outcome and the queries to ask, in asking order.</summary>
/// <param name="Round">Round t.</param>
/// <param name="ModelMIoU">Model mIoU of θ_(t−1); null when the validation split has no ground truth.</param>
/// <param name="AutoCorrection">What the automated correction changed and proposed; null when the strategy has none (or runs it after the answers).</param>
/// <param name="Queries">Region checks and pixel queries, best score first (stable: checks before pixel queries on ties) — the order they are stored, leased and asked in.</param>
/// <param name="Probabilities">f(x) of the queried images, when expansion compares softmax outputs (ε &gt; 0); otherwise null.</param>
public sealed record RoundPlan(int Round, double? ModelMIoU, AutoCorrectionOutcome? AutoCorrection, IReadOnlyList<PlannedQuery> Queries,
    IReadOnlyDictionary<int, ProbabilityMap>? Probabilities = null);
