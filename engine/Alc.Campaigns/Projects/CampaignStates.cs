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

    private CampaignState Load(long projectId)
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

            foreach (var answer in log[round.Id])
            {
                state.Apply(answer.ImageId, answer.Pixel, answer.SuperpixelId, answer.ShownLabel, answer.Verdict, answer.Label,
                    answer.RegionBlob is null ? null : AutoCorrectionBlobs.DecodeRegion(blobs.Get(answer.RegionBlob)));
            }
        }

        return state;
    }
}
