namespace Alc.Training;

/// <summary>Progress of a training run, reported after each optimiser step.</summary>
/// <param name="Iteration">Steps done (1-based).</param>
/// <param name="Iterations">Steps in total.</param>
/// <param name="Loss">The step's mean cross-entropy.</param>
/// <param name="LearningRate">The step's learning rate.</param>
/// <param name="Remaining">Estimated time left.</param>
public readonly record struct TrainingProgress(int Iteration, int Iterations, double Loss, double LearningRate, TimeSpan Remaining);
