namespace Alc.Campaigns.Projects;

/// <summary>
/// The ranges every project setting must lie in, checked by <see cref="ProjectSettings.Validated"/> and published as
/// the contract's <c>minimum</c>/<c>maximum</c>. Beyond them a setting is a typo or an attack: 20,000 iterations of the
/// largest crop are hours on a CPU, and a batch × crop² × classes beyond the memory budget would grow the process
/// until the machine swaps. The memory bound itself depends on the machine and the dataset, so it is checked with
/// <see cref="Alc.Training.TrainingMemory"/> against the engine's budget rather than being a constant here.
/// </summary>
public static class SettingBounds
{
    /// <summary>Most queries per round (B) and per image and round.</summary>
    public const int MaxBudget = 10_000;

    /// <summary>Most training iterations per round.</summary>
    public const int MaxIterations = 20_000;

    /// <summary>Smallest learning rate (below it SGD does not move in 20,000 steps).</summary>
    public const double MinLearningRate = 1e-6;

    /// <summary>Largest learning rate (beyond it SGD diverges at once).</summary>
    public const double MaxLearningRate = 10;

    /// <summary>Smallest training crop side (the models downsample by 8).</summary>
    public const int MinCropSize = 8;

    /// <summary>Largest training crop side.</summary>
    public const int MaxCropSize = 1024;

    /// <summary>Largest training batch.</summary>
    public const int MaxBatchSize = 256;
}
