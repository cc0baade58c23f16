using Alc.Training;

namespace Alc.Campaigns.AutoCorrection;

/// <summary>
/// k models for k folds of the images (fold = image key mod k), each trained on D_t of the other folds, so every image
/// is judged by a model that never saw its labels. A network fitted to an image's noisy labels learns to repeat them;
/// an out-of-fold model only knows what the other images taught it (the out-of-sample probabilities of confident
/// learning, Northcutt et al. 2021).
/// </summary>
public sealed class OutOfFoldModels : IDisposable
{
    private readonly ISegmentationPredictor[] _models;

    private OutOfFoldModels(ISegmentationPredictor[] models) => _models = models;

    /// <summary>Trains the k fold models on the images' current labels.</summary>
    /// <param name="images">The campaign's training images.</param>
    /// <param name="trainer">Trains each fold model from the initial weights.</param>
    /// <param name="folds">k ≥ 2.</param>
    /// <param name="progress">Told the fold being trained (0-based) and its training progress.</param>
    /// <param name="cancellationToken">Stops between and inside trainings.</param>
    public static OutOfFoldModels Train(IReadOnlyList<CampaignImage> images, ISegmentationTrainer trainer, int folds,
        Action<int, TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(trainer);
        if (folds < 2 || images.Count < folds)
        {
            throw new ArgumentException($"Out-of-fold models need k ≥ 2 folds and at least k images (got k = {folds}, {images.Count} images).");
        }

        var models = new List<ISegmentationPredictor>(folds);
        try
        {
            for (int fold = 0; fold < folds; fold++)
            {
                int current = fold;
                var rest = images.Where(i => FoldOf(i.Key, folds) != current).Select(i => i.ToSample()).ToList();
                models.Add(trainer.Train(rest, null, progress is null ? null : new SyncProgress<TrainingProgress>(p => progress(current, p)), cancellationToken));
            }
        }
        catch
        {
            models.ForEach(m => m.Dispose());
            throw;
        }

        return new OutOfFoldModels([.. models]);
    }

    /// <summary>Number of folds.</summary>
    public int Folds => _models.Length;

    /// <summary>The model that was not trained on image <paramref name="imageKey"/>.</summary>
    public ISegmentationPredictor For(int imageKey) => _models[FoldOf(imageKey, _models.Length)];

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var model in _models)
        {
            model.Dispose();
        }
    }

    private static int FoldOf(int key, int folds) => ((key % folds) + folds) % folds;
}
