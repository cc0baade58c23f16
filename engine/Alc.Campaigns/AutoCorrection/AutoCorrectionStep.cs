using Alc.Core.Correction;
using Alc.Training;

namespace Alc.Campaigns.AutoCorrection;

/// <summary>
/// The automated correction step of a round, shared by the bench (<see cref="Simulation.SimulatedCampaign"/>) and the HTTP engine:
/// trains the strategy's judges (<see cref="TrainJudges"/>: out-of-fold models on the current labels D_t, or none when
/// the round's model judges), runs <see cref="AutomatedCorrection"/> with them (<see cref="Correct"/>), and returns
/// what changed and the region checks to ask.
/// </summary>
public static class AutoCorrectionStep
{
    /// <summary>Trains and judges in one go (the bench); see <see cref="TrainJudges"/> and <see cref="Correct"/>.</summary>
    public static AutoCorrectionOutcome Run(IReadOnlyList<CampaignImage> images, ISegmentationPredictor model, ISegmentationTrainer judgeTrainer,
        IReadOnlyList<AnsweredSuperpixel> answers, int round, CorrectionStrategy strategy, int checkCount,
        Action<int, TrainingProgress>? judgeProgress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(strategy);
        var options = strategy.AutoCorrection ?? throw new ArgumentException("The strategy has no automated correction.", nameof(strategy));
        using var judges = TrainJudges(images, judgeTrainer, options, judgeProgress, cancellationToken);
        return Correct(images, judges is null ? _ => model : judges.For, answers, round, strategy, checkCount, cancellationToken);
    }

    /// <summary>
    /// The out-of-fold judges of <paramref name="options"/> trained on the images' current labels (each for
    /// <see cref="LabelCorrectionOptions.JudgeIterations"/>, which <paramref name="judgeTrainer"/> is set up for);
    /// null when the options judge with the round's model (fewer than two folds). Reads the labels, changes nothing.
    /// </summary>
    public static OutOfFoldModels? TrainJudges(IReadOnlyList<CampaignImage> images, ISegmentationTrainer judgeTrainer, LabelCorrectionOptions options,
        Action<int, TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.OutOfFoldModels < 2 ? null : OutOfFoldModels.Train(images, judgeTrainer, options.OutOfFoldModels, progress, cancellationToken);
    }

    /// <summary>Relabels the images (mutated) with the strategy's automated correction judged by <paramref name="judgeFor"/>; returns what it did.</summary>
    /// <param name="images">The campaign's training images (labels mutated).</param>
    /// <param name="judgeFor">The model that judges each image, by key.</param>
    /// <param name="answers">Every answer so far with its round (A²LC's LCM trains on them; confident pixels reads none).</param>
    /// <param name="round">This round t ≥ 1 (seeds the step).</param>
    /// <param name="strategy">The strategy; its <see cref="CorrectionStrategy.AutoCorrection"/> must be set.</param>
    /// <param name="checkCount">Most region checks to propose.</param>
    /// <param name="cancellationToken">Stops between images.</param>
    public static AutoCorrectionOutcome Correct(IReadOnlyList<CampaignImage> images, Func<int, ISegmentationPredictor> judgeFor,
        IReadOnlyList<AnsweredSuperpixel> answers, int round, CorrectionStrategy strategy, int checkCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(strategy);
        var options = strategy.AutoCorrection ?? throw new ArgumentException("The strategy has no automated correction.", nameof(strategy));
        var before = images.Select(i => i.Labels.Labels.ToArray()).ToList();
        var checks = new List<RegionCheck>();
        var record = AutomatedCorrection.Run(images, judgeFor, answers, round, options, strategy.ExcludeZeroId, (strategy.Seed * 1009) + round,
            checkCount, checks, cancellationToken);
        var changes = images.Select((image, i) => LabelChange.Between(image.Key, before[i], image.Labels.Labels)).OfType<LabelChange>().ToList();
        return new AutoCorrectionOutcome(record with { Checks = checks.Count }, changes, checks);
    }
}
