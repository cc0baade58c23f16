using System.Text.Json;
using System.Text.Json.Nodes;
using Alc.Campaigns.Leases;
using Alc.Campaigns.Projects;
using Alc.Engine.Server.Apis;
using Alc.Engine.Server.Hosting;
using Alc.Engine.Server.Problems;
using Alc.Integrations.LabelStudio.Config;
using Alc.Integrations.LabelStudio.Labels;
using Alc.Integrations.LabelStudio.Tasks;
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

namespace Alc.Engine.Server.Integrations.LabelStudio;

/// <summary>
/// A project as a Label Studio ML backend (its <c>/health</c>, <c>/setup</c>, <c>/predict</c>, <c>/webhook</c> and
/// <c>/metrics</c> under the project's prefix, so the prefix is the URL entered in Label Studio), plus what a person
/// needs to wire it by hand: the labeling config, the round's tasks, and the images the tasks show.
/// </summary>
internal static class LabelStudioApi
{
    /// <summary>The route prefix of a project's Label Studio endpoints.</summary>
    public const string Prefix = "/integrations/label-studio/projects/{projectId:long}";

    /// <summary>The concrete prefix of a project.</summary>
    public static string PrefixOf(long projectId) => $"/integrations/label-studio/projects/{projectId}";

    public static void MapLabelStudioApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Prefix).WithTags("label-studio");

        group.MapGet("/health", (HttpContext context, long projectId, ProjectRepository projects, IOptions<EngineOptions> options) =>
            {
                LabelStudioGate.Check(context, options.Value);
                Resolve.Project(projects, projectId);
                return TypedResults.Json(new JsonObject { ["status"] = "UP", ["model_class"] = "alc-engine" });
            })
            .WithName("LabelStudioHealth").WithSummary("Label Studio's ML-backend health check: {\"status\":\"UP\"} while the project exists.")
            .Produces<JsonElement>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);

        group.MapPost("/setup", Setup)
            .WithName("LabelStudioSetup")
            .WithSummary("Label Studio connects the ML backend: checks that the project's labeling config is the engine's and answers the current model version.")
            .Accepts<JsonElement>("application/json").Produces<JsonElement>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);

        group.MapPost("/predict", LabelStudioPredict.PredictAsync)
            .WithName("LabelStudioPredict")
            .WithSummary("Label Studio asks for predictions: one result per task, in order; a task that carries one of the project's queries gets the queried " +
                "pixel as a keypoint with its shown label and what the answer covers as a brush mask, any other task an empty result.")
            .Accepts<JsonElement>("application/json").Produces<JsonElement>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);

        group.MapPost("/webhook", LabelStudioWebhook.HandleAsync)
            .WithName("LabelStudioWebhook")
            .WithSummary("Label Studio's webhook: ANNOTATION_CREATED/UPDATED store or revise the annotation's answer, ANNOTATIONS_DELETED withdraws it while " +
                "its round is querying, START_TRAINING closes the querying round and starts the next (201); other actions are ignored (200).")
            .Accepts<JsonElement>("application/json").Produces<JsonElement>(201).Produces<JsonElement>()
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

        group.MapGet("/metrics", Metrics)
            .WithName("LabelStudioMetrics").WithSummary("The ML backend's metrics: model version, current round and its answered and remaining queries.")
            .Produces<JsonElement>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);

        group.MapGet("/config.xml", (HttpContext context, long projectId, ProjectRepository projects, DatasetRepository datasets, IOptions<EngineOptions> options) =>
            {
                LabelStudioGate.Check(context, options.Value);
                var project = Resolve.Project(projects, projectId);
                return TypedResults.Text(LabelingConfig.Generate(datasets.Classes(project.DatasetId)), "application/xml");
            })
            .WithName("LabelStudioConfig").WithSummary("The labeling config for the project's Label Studio project, generated from the dataset's classes.")
            .Produces<string>(200, "application/xml").ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);

        group.MapGet("/tasks.json", Tasks)
            .WithName("LabelStudioTasks")
            .WithSummary("The querying round's unanswered queries as Label Studio tasks with their predictions, ready to import (an empty list between rounds).")
            .Produces<JsonElement>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);

        group.MapGet("/segmentation.xml", (HttpContext context, long projectId, ProjectRepository projects, DatasetRepository datasets, IOptions<EngineOptions> options) =>
            {
                LabelStudioGate.Check(context, options.Value);
                var project = Resolve.Project(projects, projectId);
                return TypedResults.Text(SegmentationConfig.Generate(datasets.Classes(project.DatasetId)), "application/xml");
            })
            .WithName("LabelStudioSegmentationConfig")
            .WithSummary("The labeling config of a Label Studio brush segmentation project for the dataset's classes: the config export.json is written for.")
            .Produces<string>(200, "application/xml").ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);

        group.MapGet("/export.json", ExportAsync)
            .WithName("LabelStudioExport")
            .WithSummary("The project's current labels D_t as Label Studio tasks, one per training image: a brush mask per class present (class 0 unpainted), " +
                "for a project with segmentation.xml as its config; `alc-engine dataset import-label-studio` reads such an export back.")
            .Produces<JsonElement>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);

        group.MapGet($"/{LabelStudioTasks.ImagesPath}/{{imageId:long}}", Image)
            .WithName("LabelStudioImage")
            .WithSummary("A training image of the project as a task shows it; when the integration is secured the URL's token (in the task data) opens it.")
            .ProducesFile("image/png", "image/jpeg").ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
    }

    /// <summary>Reads a JSON body (400 through the problem handler when it is not JSON).</summary>
    public static async Task<JsonElement> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
        return document.RootElement.Clone();
    }

    // Label Studio sends the project's config as "schema": one that lacks the engine's controls cannot produce answers.
    private static async Task<JsonHttpResult<JsonObject>> Setup(HttpContext context, long projectId, ProjectRepository projects, RoundRepository rounds, DatasetRepository datasets,
        IOptions<EngineOptions> options, CancellationToken cancellationToken)
    {
        LabelStudioGate.Check(context, options.Value);
        var project = Resolve.Project(projects, projectId);
        var body = await ReadBodyAsync(context.Request, cancellationToken);
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw ApiProblemException.BadRequest("The setup body must be a JSON object.");
        }

        if (body.TryGetProperty("schema", out var schema) && schema.ValueKind == JsonValueKind.String)
        {
            string config = schema.GetString()!;
            var missing = new[] { LabelingConfigNames.QueryPoint, LabelingConfigNames.Verdict, LabelingConfigNames.TrueLabel }
                .Where(name => !config.Contains($"name=\"{name}\"", StringComparison.Ordinal)).ToList();
            if (missing.Count > 0)
            {
                throw ApiProblemException.BadRequest($"The Label Studio project's labeling config lacks the engine's controls ({string.Join(", ", missing)}); " +
                    $"use the config from GET {PrefixOf(projectId)}/config.xml.");
            }
        }

        return TypedResults.Json(new JsonObject { ["model_version"] = LabelStudioTasks.ModelVersion(project.Id, rounds.Latest(project.Id)) });
    }

    private static JsonHttpResult<JsonObject> Metrics(HttpContext context, long projectId, ProjectRepository projects, RoundRepository rounds, QueryRepository queries,
        IOptions<EngineOptions> options)
    {
        LabelStudioGate.Check(context, options.Value);
        var project = Resolve.Project(projects, projectId);
        var round = rounds.Latest(project.Id);
        var (total, answered) = round is null ? (0, 0) : queries.Counts(round.Id);
        return TypedResults.Json(new JsonObject
        {
            ["model_version"] = LabelStudioTasks.ModelVersion(project.Id, round),
            ["round"] = round?.Number,
            ["state"] = round is null ? null : StoredText.Of(round.State),
            ["queries"] = total,
            ["answered"] = answered,
            ["remaining"] = total - answered,
        });
    }

    private static JsonHttpResult<JsonArray> Tasks(HttpContext context, long projectId, ProjectRepository projects, LeaseBook leases, QueryRepository queries, CampaignStates states,
        BlobStore blobs, IOptions<EngineOptions> options)
    {
        LabelStudioGate.Check(context, options.Value);
        var project = Resolve.Project(projects, projectId);
        var tasks = new JsonArray();
        if (leases.QueryingRound(project.Id) is { } round)
        {
            var state = states.Get(project.Id);
            var book = leases.For(round);
            string version = LabelStudioTasks.ModelVersion(project.Id, round);
            string baseUrl = LabelStudioTasks.BaseUrl(context.Request, options.Value.LabelStudio);
            foreach (var query in queries.ForRound(round.Id).Where(q => !q.Answered && book.Find(q.Id) is not null))
            {
                tasks.Add(LabelStudioTasks.Task(query, state, blobs, baseUrl, options.Value.LabelStudio, version));
            }
        }

        return TypedResults.Json(tasks);
    }

    // D_t is read under the project's lock, one image at a time into the JSON (each mask is a few bytes per run).
    private static async Task<JsonHttpResult<JsonArray>> ExportAsync(HttpContext context, long projectId, ProjectRepository projects, CampaignStates states,
        IOptions<EngineOptions> options, CancellationToken cancellationToken)
    {
        LabelStudioGate.Check(context, options.Value);
        var project = Resolve.Project(projects, projectId);
        var state = states.Get(project.Id);
        string baseUrl = LabelStudioTasks.BaseUrl(context.Request, options.Value.LabelStudio);
        var tasks = await state.ReadAsync(s => new JsonArray([.. s.ById.OrderBy(i => i.Key).Select(i => (JsonNode)BrushTaskLabels.Task(
            LabelStudioTasks.ImageUrl(project.Id, i.Key, baseUrl, options.Value.LabelStudio), i.Value.Labels, s.Classes))]), cancellationToken);
        return TypedResults.Json(tasks);
    }

    // Browsers load task images without Label Studio's credentials: a valid token (when secured) is the credential.
    private static FileContentHttpResult Image(HttpContext context, long projectId, long imageId, string? token, ProjectRepository projects, DatasetRepository datasets,
        BlobStore blobs, IOptions<EngineOptions> options)
    {
        LabelStudioGate.RequireConfigured(options.Value);
        if (!ImageTokens.Valid(options.Value.LabelStudio, projectId, imageId, token))
        {
            throw new ApiProblemException(StatusCodes.Status401Unauthorized, "Unauthorized",
                $"Image {imageId} needs the {ImageTokens.Parameter} its task's URL carries.");
        }

        var project = Resolve.Project(projects, projectId);
        var image = datasets.Image(project.DatasetId, imageId) ?? throw ApiProblemException.NotFound($"Image {imageId} of project {projectId}");
        return PhotoResponse.Of(blobs.Get(image.ImageBlob));
    }
}
