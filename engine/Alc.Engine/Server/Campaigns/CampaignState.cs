using Alc.Core;
using Alc.Core.Cost;
using Alc.Engine.Rounds;
using Alc.Engine.Server.Contracts;
using Alc.Storage.Projects;

namespace Alc.Engine.Server.Campaigns;

/// <summary>
/// A project's working set in memory: its images with the current labels D_t, re-derived at load from D0 and
/// the answer log (the database is the truth; this is a cache of it). <see cref="Gate"/> serialises every
/// read-modify-write of D_t (answer ingestion, query selection, training snapshots).
/// </summary>
internal sealed class CampaignState
{
    public CampaignState(ProjectRow project, ProjectSettingsDto settings, IReadOnlyList<ClassInfo> classes,
        IReadOnlyList<CampaignImage> train, IReadOnlyList<CampaignImage> validation)
    {
        Project = project;
        Settings = settings;
        Classes = classes;
        Train = train;
        Validation = validation;
        ById = train.ToDictionary(i => (long)i.Key);
        Strategy = ProjectSettings.Strategy(settings);
        HasTrainTruth = train.Count > 0 && train.All(i => i.GroundTruth is not null);
        HasValidationTruth = validation.Count > 0 && validation.All(i => i.GroundTruth is not null);
        // Built from D0, before any answer of the log is applied.
        InitialDataMIoU = HasTrainTruth ? CampaignEvaluator.DataMIoU(train, classes.Count) : null;
    }

    public ProjectRow Project { get; }

    public ProjectSettingsDto Settings { get; }

    public CorrectionStrategy Strategy { get; }

    public IReadOnlyList<ClassInfo> Classes { get; }

    public int ClassCount => Classes.Count;

    public IReadOnlyList<CampaignImage> Train { get; }

    public IReadOnlyList<CampaignImage> Validation { get; }

    /// <summary>Training images by image id.</summary>
    public IReadOnlyDictionary<long, CampaignImage> ById { get; }

    public bool HasTrainTruth { get; }

    public bool HasValidationTruth { get; }

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Data mIoU of D0, when every training image has ground truth (measured before the log is replayed).</summary>
    public double? InitialDataMIoU { get; }

    /// <summary>
    /// Applies one logged answer to D_t (the same step the simulated campaign runs); returns the changed pixel count.
    /// A region check's answer (<paramref name="region"/> set) covers its region (<see cref="RegionCheck"/>), any other
    /// the queried superpixel (<see cref="AnswerApplier"/>).
    /// </summary>
    public int Apply(long imageId, int pixel, int superpixelId, int shownLabel, QueryVerdict verdict, int? label, IReadOnlyList<int>? region = null)
    {
        var image = ById[imageId];
        if (region is not null)
        {
            return RegionCheck.Apply(image, region, verdict, (byte)(label ?? 0)).ChangedPixels.Length;
        }

        var query = new CorrectionQuery(image.Key, pixel, superpixelId, (byte)shownLabel, 0);
        return AnswerApplier.Apply(image, query, verdict, (byte)(label ?? 0), Strategy).ChangedPixels.Length;
    }

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
}
