using System.Text.Json;
using Alc.Campaigns.AutoCorrection;
using Alc.Campaigns.Pipeline;
using Alc.Storage;
using Alc.Storage.Queries;
using Alc.Storage.Rounds;
using Alc.Training;
using Alc.Training.Models;

namespace Alc.Campaigns.Projects;

/// <summary>
/// The engine's store for one round of a project: D_t is the project's <see cref="CampaignState"/> (re-derived from the
/// database), θ is checkpointed to the blob store (training → scoring), and the plan commits in one transaction
/// (scoring → querying: the automated changes, the queries with their region blobs, Model mIoU).
/// </summary>
/// <param name="states">The projects' states.</param>
/// <param name="state">This project's state.</param>
/// <param name="roundRow">The round run.</param>
/// <param name="rounds">Rounds and models.</param>
/// <param name="blobs">Checkpoints, regions and changes.</param>
/// <param name="trainer">Loads a stored checkpoint.</param>
/// <param name="temporaryDirectory">Where checkpoints are staged on their way to and from the blob store.</param>
public sealed class StoredCampaign(CampaignStates states, CampaignState state, RoundRow roundRow, RoundRepository rounds, BlobStore blobs,
    SegmentationTrainer trainer, string temporaryDirectory) : ICampaignStore
{
    /// <inheritdoc />
    public IReadOnlyList<CampaignImage> Train => state.Train;

    /// <inheritdoc />
    public IReadOnlyList<CampaignImage> Validation => state.HasValidationTruth ? state.Validation : [];

    /// <inheritdoc />
    /// <remarks>None: the engine's only automated correction (the default's confident pixels) reads no answers; A²LC's LCM is bench-only.</remarks>
    public IReadOnlyList<AnsweredSuperpixel> AnswerLog => [];

    /// <inheritdoc />
    public ISegmentationPredictor? TrainedModel(int round)
    {
        var current = rounds.Get(roundRow.Id);
        if (current is not { State: RoundStatus.Scoring })
        {
            return null;
        }

        var row = rounds.Model(current.ModelId ?? throw new InvalidOperationException($"Round {current.Number} is scoring without a model."))!;
        string file = TemporaryFile();
        try
        {
            File.WriteAllBytes(file, blobs.Get(row.CheckpointBlob));
            return trainer.LoadPredictor(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <inheritdoc />
    public void SaveModel(int round, ISegmentationPredictor model)
    {
        ArgumentNullException.ThrowIfNull(model);
        string file = TemporaryFile();
        try
        {
            model.Save(file);
            rounds.CompleteTraining(roundRow, blobs.Put(File.ReadAllBytes(file)));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <inheritdoc />
    public Task<IDisposable> LockLabelsAsync(CancellationToken cancellationToken) => state.LockAsync(cancellationToken);

    /// <inheritdoc />
    public void Publish(RoundPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var queries = plan.Queries.Select(q => new NewQuery(q.ImageKey, q.Pixel, q.SuperpixelId, q.ShownLabel, q.Score,
            q.Check is null ? null : blobs.Put(AutoCorrectionBlobs.EncodeRegion(q.Check.Region.Pixels)))).ToList();
        var automated = plan.AutoCorrection is { } a
            ? new NewAutoCorrection(a.Changes.Sum(c => (long)c.Pixels.Length), blobs.Put(AutoCorrectionBlobs.EncodeChanges(a.Changes)), JsonSerializer.Serialize(a.Record))
            : null;
        rounds.CompleteScoring(roundRow, queries, plan.ModelMIoU, automated);
        if (queries.Count == 0)
        {
            // Every superpixel is answered: nothing to ask, the round closes at once.
            var closing = rounds.Get(roundRow.Id)!;
            rounds.Close(closing, RoundMetricsCalculator.Compute(state, closing, [], []) with { ModelMiou = plan.ModelMIoU });
        }
    }

    /// <inheritdoc />
    public void Discard() => states.Invalidate(state.Project.Id);

    private string TemporaryFile() => Path.Combine(temporaryDirectory, $"{Guid.NewGuid():N}.ckpt");
}
