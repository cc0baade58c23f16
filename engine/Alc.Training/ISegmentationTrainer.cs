namespace Alc.Training;

/// <summary>Trains a segmentation model on labelled images (the round's D_t).</summary>
public interface ISegmentationTrainer
{
    /// <summary>
    /// Trains and returns the model. <paramref name="initial"/> continues from a previous model's weights
    /// (the "continue" round policy); null trains from the initial weights (the paper's policy).
    /// </summary>
    ISegmentationPredictor Train(IReadOnlyList<SegmentationSample> images, ISegmentationPredictor? initial,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken);
}
