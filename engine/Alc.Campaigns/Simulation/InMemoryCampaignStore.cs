using Alc.Campaigns.AutoCorrection;
using Alc.Campaigns.Pipeline;
using Alc.Training;

namespace Alc.Campaigns.Simulation;

/// <summary>The bench's store: the campaign lives in memory, nothing resumes, one caller at a time (the lock is free).</summary>
/// <param name="train">Training images with D0 as their current labels (mutated).</param>
/// <param name="validation">Validation images with ground truth.</param>
public sealed class InMemoryCampaignStore(IReadOnlyList<CampaignImage> train, IReadOnlyList<CampaignImage> validation) : ICampaignStore
{
    private readonly List<AnsweredSuperpixel> _log = [];

    /// <inheritdoc />
    public IReadOnlyList<CampaignImage> Train => train;

    /// <inheritdoc />
    public IReadOnlyList<CampaignImage> Validation => validation;

    /// <inheritdoc />
    public IReadOnlyList<AnsweredSuperpixel> AnswerLog => _log;

    /// <summary>The plans published so far, by round.</summary>
    public List<RoundPlan> Plans { get; } = [];

    /// <summary>Adds an answer to the log.</summary>
    public void Log(AnsweredSuperpixel answer) => _log.Add(answer);

    /// <inheritdoc />
    public ISegmentationPredictor? TrainedModel(int round) => null;

    /// <inheritdoc />
    public void SaveModel(int round, ISegmentationPredictor model)
    {
    }

    /// <inheritdoc />
    public Task<IDisposable> LockLabelsAsync(CancellationToken cancellationToken) => Task.FromResult<IDisposable>(NoLock.Instance);

    /// <inheritdoc />
    public void Publish(RoundPlan plan) => Plans.Add(plan);

    /// <inheritdoc />
    public void Discard()
    {
        // A failed bench run is abandoned whole: there is nothing to re-derive.
    }

    private sealed class NoLock : IDisposable
    {
        public static readonly NoLock Instance = new();

        public void Dispose()
        {
        }
    }
}
