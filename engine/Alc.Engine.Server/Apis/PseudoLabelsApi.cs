using System.Text.Json;
using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Datasets;
using Alc.Engine.Server.Hosting;
using Alc.Engine.Server.Jobs;
using Alc.Engine.Server.Problems;
using Alc.Inference;
using Alc.Storage.Datasets;
using Alc.Storage.Jobs;
using Alc.Storage.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alc.Engine.Server.Apis;

/// <summary>
/// <c>POST /datasets/{id}/pseudo-labels</c>: an uploaded semantic model labels the dataset's photos into a new dataset, as a
/// job with progress. Everything that can be checked before the job runs is checked here, so a request that cannot work
/// is a 4xx naming why and queues nothing.
/// </summary>
internal static class PseudoLabelsApi
{
    public static void MapPseudoLabelsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/datasets/{datasetId:long}/pseudo-labels", (long datasetId, PseudoLabelRequest request, DatasetRepository datasets, ModelRepository models,
                JobRepository jobs, JobSignal signal) =>
            {
                var dataset = Resolve.Dataset(datasets, datasetId);
                Validate(request, datasets);
                var model = models.Get(request.ModelId) ?? throw ApiProblemException.Unprocessable($"modelId {request.ModelId} names no uploaded model (GET /models lists them).");
                if (model.Role != "semantic")
                {
                    throw ApiProblemException.Unprocessable($"Model {model.Id} '{model.Name}' is a {model.Role} model; pseudo labels need a semantic one.");
                }

                int classes = datasets.Classes(datasetId).Count;
                var signature = JsonSerializer.Deserialize<OnnxModelSignature>(model.Signature, EngineHost.StoredJson)!;
                if (signature.Classes is int l && l != classes)
                {
                    throw ApiProblemException.Unprocessable($"Model {model.Id} '{model.Name}' answers {l} classes; dataset {datasetId} '{dataset.Name}' has {classes}.");
                }

                if (datasets.ImageCounts(datasetId).Values.Sum() == 0)
                {
                    throw ApiProblemException.Unprocessable($"Dataset {datasetId} '{dataset.Name}' has no images to label.");
                }

                var job = jobs.CreateDatasetJob(PseudoLabelWorker.Kind, datasetId, JsonSerializer.Serialize(request, EngineHost.StoredJson),
                    $"queued: model '{model.Name}' labels dataset '{dataset.Name}' into '{request.Name}'");
                signal.Notify(job);
                return TypedResults.Accepted($"/jobs/{job.Id}", Dtos.Job(job));
            })
            .WithTags("datasets").RequireAuthorization(Auth.ApiKeyDefaults.Admin)
            .WithName("PseudoLabelDataset")
            .WithSummary("Queues a job in which an uploaded semantic model labels every photo of the dataset; the job creates a new dataset (name) with the " +
                "model's argmax labels as pseudo labels D0 and the source's photos, splits, ground truth and (superpixels=keep) superpixels or new SLIC ones " +
                "(superpixels=slic). The source is not changed. Follow the job at /jobs/{jobId}; when it succeeds, resultDatasetId names the new dataset.")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
    }

    private static void Validate(PseudoLabelRequest request, DatasetRepository datasets)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            throw ApiProblemException.BadRequest("name is required (1–100 characters).");
        }

        if (request.SlicSegments is < ForeignImports.MinSlicSegments or > ForeignImports.MaxSlicSegments)
        {
            throw ApiProblemException.BadRequest($"slicSegments must be {ForeignImports.MinSlicSegments}–{ForeignImports.MaxSlicSegments} (got {request.SlicSegments}).");
        }

        if (datasets.FindByName(request.Name) is not null)
        {
            throw ApiProblemException.Conflict($"A dataset named '{request.Name}' already exists.");
        }
    }
}
