using Alc.Campaigns.AutoCorrection;
using Alc.Campaigns.Pipeline;
using Alc.Core;
using Alc.Core.Cost;
using Alc.Storage.Projects;

namespace Alc.Campaigns.Projects;

/// <summary>
/// A project's working set in memory: its images with the current labels D_t, re-derived at load from D0 and
/// the answer log (the database is the truth; this is a cache of it). <see cref="LockAsync"/> serialises every
/// read-modify-write of D_t (answer ingestion, query selection, training snapshots).
/// </summary>
public sealed class CampaignState
{
    /// <summary>Builds the state from the project's D0 (the caller then replays the log with <see cref="Apply(IEnumerable{LabelChange})"/> and the answer overload).</summary>
    public CampaignState(ProjectRow project, ProjectSettings settings, IReadOnlyList<ClassInfo> classes,
        IReadOnlyList<CampaignImage> train, IReadOnlyList<CampaignImage> validation)
    {
        Project = project;
        Settings = settings;
        Classes = classes;
        Train = train;
        Validation = validation;
        ById = train.ToDictionary(i => (long)i.Key);
        Strategy = settings.Strategy();
        HasTrainTruth = train.Count > 0 && train.All(i => i.GroundTruth is not null);
        HasValidationTruth = validation.Count > 0 && validation.All(i => i.GroundTruth is not null);
        // Built from D0, before any answer of the log is applied.
        InitialDataMIoU = HasTrainTruth ? CampaignEvaluator.DataMIoU(train, classes.Count) : null;
    }

    /// <summary>The project's stored row.</summary>
    public ProjectRow Project { get; }

    /// <summary>The project's persisted settings.</summary>
    public ProjectSettings Settings { get; }

    /// <summary>The strategy the settings describe (built once).</summary>
    public CorrectionStrategy Strategy { get; }

    /// <summary>The dataset's classes, by id.</summary>
    public IReadOnlyList<ClassInfo> Classes { get; }

    /// <summary>L, the number of classes.</summary>
    public int ClassCount => Classes.Count;

    /// <summary>The training split with its current labels D_t.</summary>
    public IReadOnlyList<CampaignImage> Train { get; }

    /// <summary>The validation split (labels as stored; Model mIoU needs their ground truth).</summary>
    public IReadOnlyList<CampaignImage> Validation { get; }

    /// <summary>Training images by image id.</summary>
    public IReadOnlyDictionary<long, CampaignImage> ById { get; }

    /// <summary>Whether every training image has ground truth (Data mIoU, precision, the gt oracle).</summary>
    public bool HasTrainTruth { get; }

    /// <summary>Whether every validation image has ground truth (Model mIoU).</summary>
    public bool HasValidationTruth { get; }

    private SemaphoreSlim Gate { get; } = new(1, 1);

    private volatile bool _poisoned;
    private volatile bool _retired;

    /// <summary>
    /// Set when an accepted answer batch failed to write after it was applied here: D_t is ahead of the database
    /// until the state is re-derived (the next holder of the lock does that once the project's writes finished).
    /// </summary>
    internal bool Poisoned
    {
        get => _poisoned;
        set => _poisoned = value;
    }

    /// <summary>Set when <see cref="CampaignStates"/> dropped this state: whoever holds it takes the new one instead.</summary>
    internal bool Retired
    {
        get => _retired;
        set => _retired = value;
    }

    /// <summary>Waits for exclusive use of D_t; dispose the result to release it. Every reader and writer of the labels goes through here.</summary>
    public async Task<IDisposable> LockAsync(CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        return new Release(Gate);
    }

    /// <summary>Runs <paramref name="read"/> with exclusive use of D_t.</summary>
    public async Task<T> ReadAsync<T>(Func<CampaignState, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        using (await LockAsync(cancellationToken))
        {
            return read(this);
        }
    }

    /// <summary>Data mIoU of D0, when every training image has ground truth (measured before the log is replayed).</summary>
    public double? InitialDataMIoU { get; }

    /// <summary>
    /// Applies one logged answer to D_t (the same step the simulated campaign runs); returns the changed pixel count.
    /// A region check's answer (<paramref name="region"/> set) covers its region (<see cref="RegionCheck"/>), any other
    /// the queried superpixel (<see cref="AnswerApplier"/>).
    /// </summary>
    public int Apply(long imageId, int pixel, int superpixelId, int shownLabel, QueryVerdict verdict, int? label, IReadOnlyList<int>? region = null) =>
        AnswerStep.Apply(ById[imageId], pixel, superpixelId, (byte)shownLabel, region, verdict, (byte)(label ?? 0), Strategy).ChangedPixels.Length;

    /// <summary>Applies a round's stored automated changes to D_t (replay at load, or after the round's scoring commits).</summary>
    /// <exception cref="InvalidDataException">A change names an image that is not a training image of the project, or a pixel outside it.</exception>
    public void Apply(IEnumerable<LabelChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            if (!ById.TryGetValue(change.ImageKey, out var image))
            {
                throw new InvalidDataException($"A stored automated correction names image {change.ImageKey}, not a training image of project {Project.Id}.");
            }

            change.ApplyTo(image);
        }
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
