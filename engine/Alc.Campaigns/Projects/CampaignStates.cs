using System.Collections.Concurrent;
using Alc.Campaigns.Errors;
using Alc.Storage;
using Alc.Storage.Answers;
using Alc.Storage.Datasets;
using Alc.Storage.Projects;
using Alc.Storage.Rounds;

namespace Alc.Campaigns.Projects;

/// <summary>
/// Loads each project's <see cref="CampaignState"/> once (D0 from the blob store, then round by round the round's
/// automated changes and its answers, in log order) and keeps it; <see cref="Invalidate"/> drops it so the next use re-derives it from the database.
/// </summary>
public sealed class CampaignStates(BlobStore blobs, ProjectRepository projects, DatasetRepository datasets, AnswerRepository answers, RoundRepository rounds)
{
    private readonly ConcurrentDictionary<long, Lazy<CampaignState>> _states = new();

    /// <summary>The project's state.</summary>
    /// <exception cref="CampaignNotFoundException">The project does not exist.</exception>
    public CampaignState Get(long projectId)
    {
        var lazy = _states.GetOrAdd(projectId, id => new Lazy<CampaignState>(() => Load(id), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            _states.TryRemove(new KeyValuePair<long, Lazy<CampaignState>>(projectId, lazy));
            throw;
        }
    }

    /// <summary>Forgets the project's state (after a failed write, so memory never runs ahead of the database).</summary>
    public void Invalidate(long projectId)
    {
        if (_states.TryRemove(projectId, out var dropped) && dropped.IsValueCreated)
        {
            dropped.Value.Retired = true;
        }
    }

    /// <summary>
    /// Builds the project's state as the database will hold it once <paramref name="edit"/> is written: D0, then the
    /// log replayed in order with each stored answer passed through <paramref name="edit"/> (which returns it, a
    /// replacement that keeps its place, or null to leave it out). Nothing is cached; <see cref="Replace"/> installs
    /// the result once the edit is written.
    /// </summary>
    /// <returns>The state, and the pixels answer <paramref name="tracked"/> changes at its place in the log (0 when left out).</returns>
    /// <exception cref="CampaignNotFoundException">The project does not exist.</exception>
    public (CampaignState State, int ChangedPixels) Derive(long projectId, Func<AnswerRow, AnswerRow?> edit, long tracked)
    {
        ArgumentNullException.ThrowIfNull(edit);
        int changed = 0;
        var state = Load(projectId, (answer, pixels) =>
        {
            if (answer.Id == tracked)
            {
                changed = pixels;
            }
        }, edit);
        return (state, changed);
    }

    /// <summary>Installs a state made by <see cref="Derive"/> after its edit was written; whoever holds the previous state takes this one.</summary>
    public void Replace(long projectId, CampaignState state)
    {
        var fresh = new Lazy<CampaignState>(() => state);
        _ = fresh.Value;
        Lazy<CampaignState>? previous = null;
        _states.AddOrUpdate(projectId, fresh, (_, existing) =>
        {
            previous = existing;
            return fresh;
        });
        if (previous is { IsValueCreated: true } && !ReferenceEquals(previous.Value, state))
        {
            previous.Value.Retired = true;
        }
    }

    private CampaignState Load(long projectId) => Load(projectId, null, null);

    private CampaignState Load(long projectId, Action<AnswerRow, int>? replayed, Func<AnswerRow, AnswerRow?>? edit)
    {
        var project = projects.Get(projectId) ?? throw new CampaignNotFoundException($"Project {projectId}");
        var classes = datasets.Classes(project.DatasetId);
        var images = datasets.Images(project.DatasetId);
        var train = images.Where(i => i.Split == "train").Select(i => StoredImages.Campaign(blobs, i, classes.Count)).ToList();
        var validation = images.Where(i => i.Split == "val").Select(i => StoredImages.Campaign(blobs, i, classes.Count)).ToList();
        var state = new CampaignState(project, ProjectSettings.FromJson(project.StrategyJson), classes, train, validation);
        // A round's automated correction ran while it was scoring, before any of its queries existed, so it replays first.
        var automated = rounds.AutoCorrections(projectId).ToDictionary(a => a.RoundId);
        var log = answers.ForProject(projectId).ToLookup(a => a.RoundId);
        foreach (var round in rounds.List(projectId))
        {
            if (automated.TryGetValue(round.Id, out var auto))
            {
                state.Apply(AutoCorrectionBlobs.DecodeChanges(blobs.Get(auto.ChangesBlob)));
            }

            foreach (var logged in log[round.Id])
            {
                if ((edit is null ? logged : edit(logged)) is not { } answer)
                {
                    continue;
                }

                int pixels = state.Apply(answer.ImageId, answer.Pixel, answer.SuperpixelId, answer.ShownLabel, answer.Verdict, answer.Label,
                    answer.RegionBlob is null ? null : AutoCorrectionBlobs.DecodeRegion(blobs.Get(answer.RegionBlob)));
                replayed?.Invoke(answer, pixels);
            }
        }

        return state;
    }
}
