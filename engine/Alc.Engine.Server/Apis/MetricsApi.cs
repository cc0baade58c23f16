using Alc.Campaigns.Projects;
using Alc.Storage.Answers;
using Alc.Storage.Projects;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alc.Engine.Server.Apis;

/// <summary>Metrics: per round clicks, bits, seconds, Data mIoU, Model mIoU, precision, corrections per class; annotator throughput.</summary>
internal static class MetricsApi
{
    public static void MapMetricsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/projects/{projectId:long}").WithTags("metrics").RequireAuthorization(Auth.ApiKeyDefaults.Admin);

        group.MapGet("/metrics", (long projectId, ProjectRepository projects, CampaignStates states, MetricsReport metrics) =>
            {
                Resolve.Project(projects, projectId);
                var state = states.Get(projectId);
                return TypedResults.Ok(metrics.Build(projectId, state.Classes, state.InitialDataMIoU));
            })
            .WithName("GetMetrics").WithSummary("The project's metrics round by round (Data mIoU needs ground truth on the train split, Model mIoU on val).")
            .ProducesProblem(404);

        group.MapGet("/annotators", (long projectId, ProjectRepository projects, AnswerRepository answers) =>
            {
                Resolve.Project(projects, projectId);
                return TypedResults.Ok(AnnotatorThroughput.Of(answers.ForProject(projectId)));
            })
            .WithName("GetAnnotatorThroughput")
            .WithSummary("Each annotator's answers, corrections, unsure, median seconds per answer and answers per hour of reported time, from the project's answer log.")
            .ProducesProblem(404);
    }
}
