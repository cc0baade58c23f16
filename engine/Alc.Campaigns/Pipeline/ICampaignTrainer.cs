using Alc.Training;

namespace Alc.Campaigns.Pipeline;

/// <summary>The round pipeline's port to training: θ each round (the bench shares one warm start θ0 across strategies) and the judges.</summary>
public interface ICampaignTrainer
{
    /// <summary>Trains round <paramref name="round"/>'s θ on <paramref name="samples"/>, from <paramref name="previous"/> when the strategy continues training.</summary>
    ISegmentationPredictor Train(int round, IReadOnlyList<SegmentationSample> samples, ISegmentationPredictor? previous,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken);

    /// <summary>Trains the strategy's out-of-fold judges (set up for their iterations).</summary>
    ISegmentationTrainer Judges { get; }
}
