using Alc.Campaigns.Errors;
using Alc.Campaigns.Projects;
using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Datasets;
using Alc.Engine.Server.Hosting;
using Alc.Engine.Server.Problems;
using Alc.Imaging.Maps;
using Alc.Storage;
using Alc.Storage.Datasets;
using Alc.Storage.Projects;
using Alc.Storage.Queries;
using Alc.Storage.Rounds;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Alc.Engine.Server.Apis;

/// <summary>Projects (correction campaigns): create, list, get with current round and totals, current labels, export.</summary>
internal static class ProjectsApi
{
    public static void MapProjectsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/projects").WithTags("projects").RequireAuthorization(Auth.ApiKeyDefaults.Admin);

        group.MapPost("", CreateProject)
            .WithName("CreateProject").WithSummary("Creates a project: a correction campaign over a dataset with its acquisition, budget, model and oracle.")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);

        group.MapGet("", ListProjects)
            .WithName("ListProjects").WithSummary("Lists the projects with their current round and totals.");

        group.MapGet("/{projectId:long}", GetProject)
            .WithName("GetProject").WithSummary("Gets a project with its current round and totals (answers, corrections, bits, seconds).")
            .ProducesProblem(404);

        group.MapGet("/{projectId:long}/images/{imageId:long}/labels.png", async (long projectId, long imageId, CampaignStates states, CancellationToken cancellationToken) =>
            {
                var state = states.Get(projectId);
                if (!state.ById.TryGetValue(imageId, out var image))
                {
                    throw ApiProblemException.NotFound($"Training image {imageId} of project {projectId}");
                }

                return TypedResults.File(await state.ReadAsync(_ => LabelMapFile.Encode(image.Labels), cancellationToken), "image/png");
            })
            .WithName("GetProjectImageLabels").WithSummary("The image's current labels D_t (D0, then each round's automated changes and accepted answers) as a VOC palette PNG.")
            .ProducesFile("image/png").ProducesProblem(404);

        group.MapGet("/{projectId:long}/export", async (long projectId, string? format, CampaignStates states, DatasetExports exports, BlobStore blobs, CancellationToken cancellationToken) =>
            {
                var state = states.Get(projectId);
                int classes = state.Classes.Count;
                // The training split gets D_t; every other image keeps the labels it was imported with (ground truth where it has it).
                return ExportFile.Of(await state.ReadAsync(s => exports.Export(s.Project.DatasetId, format ?? "voc",
                    image => s.ById.TryGetValue(image.Id, out var current) ? current.Labels
                        : StoredImages.GroundTruth(blobs, image, classes) ?? StoredImages.Pseudo(blobs, image, classes),
                    s.Project.Name, ExportReadme.Project(s)), cancellationToken));
            })
            .WithName("ExportProject").WithSummary("Exports the project's labels: the training split's current labels D_t (D0, then each round's automated changes and accepted answers), every other split's imported labels (ground truth where present, else pseudo labels), as a VOC folder zipped under the project's name (format=voc, with a README.txt saying this), one COCO RLE JSON (format=coco) or a zip CVAT imports in its Segmentation mask 1.1 format (format=cvat).")
            .ProducesFile("application/zip", "application/json").ProducesProblem(400).ProducesProblem(404).ProducesProblem(422);
    }

    // Creates the project once the domain accepts its settings; its name is unique.
    internal static Created<ProjectDto> CreateProject(CreateProjectRequest request, [AsParameters] ProjectServices services)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            throw new CampaignValidationException("name is required (1–100 characters).");
        }

        Resolve.Dataset(services.Datasets, request.DatasetId);
        var oracle = WireMapping.Oracle(request.Oracle);
        var settings = WireMapping.Settings(request, services.Datasets.Classes(request.DatasetId).Count, services.Options.Value.MaxTrainingBytes);
        if (services.Datasets.ImageCounts(request.DatasetId).GetValueOrDefault("train") == 0)
        {
            throw new CampaignConflictException($"Dataset {request.DatasetId} has no training images to correct.");
        }

        long id = services.Projects.Create(request.DatasetId, request.Name, settings.ToJson(), oracle);
        return TypedResults.Created($"/projects/{id}", Dto(services.Projects.Get(id)!, services));
    }

    // Every project with its latest round and totals (a few aggregate queries per project; no answer row is read).
    internal static Ok<List<ProjectDto>> ListProjects([AsParameters] ProjectServices services) =>
        TypedResults.Ok(services.Projects.List().Select(p => Dto(p, services)).ToList());

    internal static Ok<ProjectDto> GetProject(long projectId, [AsParameters] ProjectServices services) =>
        TypedResults.Ok(Dto(Resolve.Project(services.Projects, projectId), services));

    private static ProjectDto Dto(ProjectRow row, ProjectServices s) =>
        Dtos.Project(row, s.Rounds, s.Queries, s.Metrics.Build(row.Id, s.Datasets.Classes(row.DatasetId), null));

    /// <summary>What the project endpoints need.</summary>
    internal sealed record ProjectServices(ProjectRepository Projects, DatasetRepository Datasets, RoundRepository Rounds, QueryRepository Queries, MetricsReport Metrics,
        IOptions<EngineOptions> Options);
}
