namespace Alc.Campaigns.Pipeline;

/// <summary>Where a round is: its stage, how far into it, and how far into the whole round's work (never moving back).</summary>
/// <param name="Round">Round t.</param>
/// <param name="Stage">The stage running.</param>
/// <param name="StageFraction">0..1 within the stage.</param>
/// <param name="Fraction">0..1 over the stages being run, weighted by their work (<see cref="RoundProgressMeter"/>).</param>
/// <param name="Message">What it is doing, for a person ("round 2: training 40/150, loss 0.412").</param>
public readonly record struct RoundProgress(int Round, RoundStage Stage, double StageFraction, double Fraction, string Message);
