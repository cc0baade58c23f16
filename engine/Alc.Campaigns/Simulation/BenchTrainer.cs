using Alc.Campaigns.Pipeline;
using Alc.Training;

namespace Alc.Campaigns.Simulation;

/// <summary>
/// The bench's trainer: round 1's θ0 is the warm start shared by every strategy of a seed (they differ only from round
/// 1's selection on), later rounds train with <paramref name="trainer"/>.
/// </summary>
/// <param name="warmStart">θ0 on D0 (not disposed by the campaign).</param>
/// <param name="trainer">Trains θ_t.</param>
/// <param name="judges">Trains the out-of-fold judges.</param>
public sealed class BenchTrainer(ISegmentationPredictor warmStart, ISegmentationTrainer trainer, ISegmentationTrainer judges) : ICampaignTrainer
{
    /// <inheritdoc />
    public ISegmentationTrainer Judges => judges;

    /// <inheritdoc />
    public ISegmentationPredictor Train(int round, IReadOnlyList<SegmentationSample> samples, ISegmentationPredictor? previous,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken) =>
        round == 1 ? new SharedPredictor(warmStart) : trainer.Train(samples, previous is SharedPredictor shared ? shared.Inner : previous, progress, cancellationToken);

    // θ0 is shared by the campaigns of a seed: the campaign's Dispose of round 1's model must leave it alive.
    private sealed class SharedPredictor(ISegmentationPredictor inner) : ISegmentationPredictor
    {
        public ISegmentationPredictor Inner => inner;

        public int ClassCount => inner.ClassCount;

        public IEnumerable<float[]> PredictProbabilities(IEnumerable<SegmentationSample> images, CancellationToken cancellationToken = default) =>
            inner.PredictProbabilities(images, cancellationToken);

        public void Save(string path) => inner.Save(path);

        public void Dispose()
        {
        }
    }
}
