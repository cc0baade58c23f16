using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Alc.Campaigns.Leases;
using Alc.Engine.Server.Auth;
using Alc.Engine.Server.Contracts;
using Alc.Storage;
using Alc.Storage.Datasets;
using Alc.Storage.Projects;
using Alc.Storage.Queries;
using Alc.Storage.Rounds;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alc.Engine.Server.Apis;

/// <summary>
/// The annotator's view of projects (annotator keys may read it): classes, the latest round and its job, free queries;
/// and the same as server-sent events, so a page waiting for the next round is told instead of polling.
/// </summary>
internal static class AnnotationApi
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(400);

    // A stream ends after this long so no connection is held forever; clients reconnect (the page does, at once).
    private static readonly TimeSpan StreamLifetime = TimeSpan.FromMinutes(5);

    public static void MapAnnotationApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/annotation/projects").WithTags("annotation").RequireAuthorization(ApiKeyDefaults.Annotator);

        group.MapGet("", ListAnnotationProjects)
            .WithName("ListAnnotationProjects")
            .WithSummary("Lists every project as an annotator sees it: classes with colours, the latest round and its job, and the querying round's free queries.");

        group.MapGet("/{projectId:long}", GetAnnotationProject)
            .WithName("GetAnnotationProject").WithSummary("One project as an annotator sees it.")
            .ProducesProblem(404);

        group.MapGet("/{projectId:long}/events", (long projectId, [AsParameters] AnnotationServices services, CancellationToken cancellationToken) =>
            {
                Resolve.Project(services.Projects, projectId);
                return TypedResults.ServerSentEvents(Events(projectId, services, cancellationToken));
            })
            .WithName("GetAnnotationProjectEvents")
            .WithSummary("Server-sent events: a 'project' event with the annotator's view of the project now and each time its round, job progress or free queries change; " +
                "the stream stays open until the client leaves or for 5 minutes (reconnect to go on).")
            .ProducesFile("text/event-stream").ProducesProblem(404);
    }

    // Every project, oldest first.
    internal static Ok<List<AnnotationProjectDto>> ListAnnotationProjects([AsParameters] AnnotationServices services) =>
        TypedResults.Ok(services.Projects.List().Select(p => View(p, services)).ToList());

    internal static Ok<AnnotationProjectDto> GetAnnotationProject(long projectId, [AsParameters] AnnotationServices services) =>
        TypedResults.Ok(View(Resolve.Project(services.Projects, projectId), services));

    private static async IAsyncEnumerable<SseItem<AnnotationProjectDto>> Events(long projectId, AnnotationServices services,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        (RoundDto?, JobDto?, int)? last = null;
        var ends = DateTime.UtcNow + StreamLifetime;
        while (!cancellationToken.IsCancellationRequested && DateTime.UtcNow < ends)
        {
            var project = services.Projects.Get(projectId);
            if (project is null)
            {
                yield break;
            }

            var view = View(project, services);
            if (last != (view.Round, view.Job, view.Free))
            {
                last = (view.Round, view.Job, view.Free);
                yield return new SseItem<AnnotationProjectDto>(view, "project");
            }

            try
            {
                await Task.Delay(PollInterval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }

    private static AnnotationProjectDto View(ProjectRow project, AnnotationServices s)
    {
        var latest = s.Rounds.Latest(project.Id);
        var job = latest is null ? null : s.Rounds.Job(latest.Id);
        int free = latest?.State == RoundStatus.Querying ? s.Leases.For(latest).Free(s.Clock.GetUtcNow()) : 0;
        return new AnnotationProjectDto(project.Id, project.Name, s.Datasets.Classes(project.DatasetId).Select(Dtos.Class).ToList(),
            latest is null ? null : Dtos.Round(latest, s.Queries, s.Rounds), job is null ? null : Dtos.Job(job), free);
    }

    /// <summary>What the annotation endpoints need.</summary>
    internal sealed record AnnotationServices(ProjectRepository Projects, DatasetRepository Datasets, RoundRepository Rounds, QueryRepository Queries, LeaseBook Leases,
        TimeProvider Clock);
}
