using Alc.Training;

namespace Alc.Engine.Rounds;

/// <summary>Where a running campaign is: the round, the step, and the trainer's progress while training.</summary>
/// <param name="Round">Round t (0 = warm start).</param>
/// <param name="Rounds">Rounds in total.</param>
/// <param name="Step">"train", "select", "answer", "auto-correct" or "evaluate".</param>
/// <param name="Training">The trainer's progress during "train".</param>
public readonly record struct CampaignProgress(int Round, int Rounds, string Step, TrainingProgress? Training = null);
