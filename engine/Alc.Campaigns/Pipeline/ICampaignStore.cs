using Alc.Campaigns.AutoCorrection;
using Alc.Training;

namespace Alc.Campaigns.Pipeline;

/// <summary>
/// The round pipeline's port to a campaign's state: in memory for the bench, SQLite and the blob store for the engine.
/// The pipeline reads and mutates <see cref="Train"/>'s labels only while it holds <see cref="LockLabelsAsync"/>.
/// </summary>
public interface ICampaignStore
{
    /// <summary>The training images with their current labels D_t.</summary>
    IReadOnlyList<CampaignImage> Train { get; }

    /// <summary>The validation images; Model mIoU is measured only when all have ground truth.</summary>
    IReadOnlyList<CampaignImage> Validation { get; }

    /// <summary>Every answer so far with its round (A²LC's LCM learns from them).</summary>
    IReadOnlyList<AnsweredSuperpixel> AnswerLog { get; }

    /// <summary>θ_(t−1) of round <paramref name="round"/> if it was trained and kept before (a resumed round), else null.</summary>
    ISegmentationPredictor? TrainedModel(int round);

    /// <summary>Keeps round <paramref name="round"/>'s trained θ (the engine checkpoints it and moves the round to scoring).</summary>
    void SaveModel(int round, ISegmentationPredictor model);

    /// <summary>Serialises changes of D_t with every other writer (answers arriving, exports reading).</summary>
    Task<IDisposable> LockLabelsAsync(CancellationToken cancellationToken);

    /// <summary>Publishes the round's plan: its automated changes, measurement and queries, all at once (called under the lock).</summary>
    void Publish(RoundPlan plan);

    /// <summary>Forgets in-memory changes that were not published (a stage failed after the automated correction changed D_t).</summary>
    void Discard();
}
