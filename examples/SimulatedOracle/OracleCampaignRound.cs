namespace Alc.Examples.SimulatedOracle;

/// <summary>
/// One row of the campaign, in the bench's terms: round 0 is the warm start (θ0 on D0); round t is after the t-th
/// batch of answers, with θ_t trained on D_t. Clicks are cumulative.
/// </summary>
/// <param name="Round">Round number t.</param>
/// <param name="Clicks">Answers so far.</param>
/// <param name="Bits">Annotation bits so far.</param>
/// <param name="Seconds">Simulated annotator seconds so far.</param>
/// <param name="DataMIoU">mIoU of D_t against ground truth.</param>
/// <param name="ModelMIoU">mIoU of θ_t on the validation split.</param>
public sealed record OracleCampaignRound(int Round, long Clicks, double Bits, double Seconds, double? DataMIoU, double? ModelMIoU);
