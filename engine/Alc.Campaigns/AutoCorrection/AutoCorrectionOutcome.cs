
namespace Alc.Campaigns.AutoCorrection;

/// <summary>What one round's automated correction step did: its record, the labels it changed, and the region checks it proposes.</summary>
/// <param name="Record">The measurements (changes judged against ground truth where known; <see cref="AutoCorrectionRecord.Checks"/> counts the checks proposed).</param>
/// <param name="Changes">Per image, the pixels it relabelled (images without a change are left out).</param>
/// <param name="Checks">Region checks on what it was unsure of, best first, for the caller to ask.</param>
public sealed record AutoCorrectionOutcome(AutoCorrectionRecord Record, IReadOnlyList<LabelChange> Changes, IReadOnlyList<RegionCheck> Checks);
