using Alc.Campaigns.Errors;
using Alc.Storage.Datasets;
using Alc.Storage.Jobs;
using Alc.Storage.Projects;
using Alc.Storage.Rounds;

namespace Alc.Engine.Server.Apis;

/// <summary>The one way every endpoint resolves an id from its route to a stored row, or answers 404 naming what is missing.</summary>
internal static class Resolve
{
    /// <summary>The project, or 404.</summary>
    public static ProjectRow Project(ProjectRepository projects, long id) => projects.Get(id) ?? throw new CampaignNotFoundException($"Project {id}");

    /// <summary>The dataset, or 404.</summary>
    public static DatasetRow Dataset(DatasetRepository datasets, long id) => datasets.Get(id) ?? throw new CampaignNotFoundException($"Dataset {id}");

    /// <summary>Round <paramref name="number"/> of the project, or 404 (for the project first).</summary>
    public static RoundRow Round(ProjectRepository projects, RoundRepository rounds, long projectId, int number)
    {
        Project(projects, projectId);
        return rounds.Get(projectId, number) ?? throw new CampaignNotFoundException($"Round {number} of project {projectId}");
    }

    /// <summary>The job, or 404.</summary>
    public static JobRow Job(JobRepository jobs, long id) => jobs.Get(id) ?? throw new CampaignNotFoundException($"Job {id}");
}
