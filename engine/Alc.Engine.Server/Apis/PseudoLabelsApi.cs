using System.Text.Json;
using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Datasets;
using Alc.Engine.Server.Hosting;
using Alc.Engine.Server.Jobs;
using Alc.Engine.Server.Problems;
using Alc.Inference;
using Alc.Storage;
using Alc.Storage.Datasets;
using Alc.Storage.Jobs;
using Alc.Storage.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alc.Engine.Server.Apis;

/// <summary>
/// <c>POST /datasets/{id}/pseudo-labels</c>: uploaded models (a semantic one, Grounded-SAM's detector, SAM encoder and SAM
/// decoder, or SAM alone for superpixels) label the dataset's photos into a new dataset, as a job with progress. Everything
/// that can be checked before the job runs is checked here, so a request that cannot work is a 4xx naming why and queues nothing.
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
                int classes = datasets.Classes(datasetId).Count;
                string what = request.ModelId is long modelId ? Semantic(Model(models, modelId, "semantic", "modelId"), classes, dataset)
                    : request.DetectorModelId is not null ? GroundedSam(request, models, classes, dataset) : "SAM (superpixels only)";
                if (request.SamEncoderModelId is long encoderId)
                {
                    Sam(models, encoderId, request.SamDecoderModelId!.Value);
                }

                if (datasets.ImageCounts(datasetId).Values.Sum() == 0)
                {
                    throw ApiProblemException.Unprocessable($"Dataset {datasetId} '{dataset.Name}' has no images to label.");
                }

                var job = jobs.CreateDatasetJob(PseudoLabelWorker.Kind, datasetId, JsonSerializer.Serialize(request, EngineHost.StoredJson),
                    $"queued: {what} labels dataset '{dataset.Name}' into '{request.Name}'");
                signal.Notify(job);
                return TypedResults.Accepted($"/jobs/{job.Id}", Dtos.Job(job));
            })
            .WithTags("datasets").RequireAuthorization(Auth.ApiKeyDefaults.Admin)
            .WithName("PseudoLabelDataset")
            .WithSummary("Queues a job in which uploaded models label every photo of the dataset into a new dataset (name) with the source's photos, splits " +
                "and ground truth: a semantic model (modelId) gives its argmax labels as D0, with the source's superpixels (superpixels=keep, default) or new SLIC ones (slic); " +
                "the Grounded-SAM rule (detectorModelId, samEncoderModelId, samDecoderModelId) keeps the boxes whose best score reaches boxThreshold, one class per box, " +
                "prompts SAM with each and paints the masks largest first as D0 and (superpixels=masks, default) the superpixels; the SAM models alone keep the labels and " +
                "make superpixels by SAM's automatic mask generation (superpixels=sam, automaticMasks). The source is not changed. " +
                "Follow the job at /jobs/{jobId}; when it succeeds, resultDatasetId names the new dataset.")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
    }

    private static void Validate(PseudoLabelRequest request, DatasetRepository datasets)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            throw ApiProblemException.BadRequest("name is required (1–100 characters).");
        }

        bool semantic = request.ModelId is not null, detector = request.DetectorModelId is not null;
        bool sam = request.SamEncoderModelId is not null && request.SamDecoderModelId is not null;
        var superpixels = WireMapping.Superpixels(request);
        string? problem = (semantic, detector, sam) switch
        {
            _ when (request.SamEncoderModelId is null) != (request.SamDecoderModelId is null) => "samEncoderModelId and samDecoderModelId go together.",
            (true, true, _) => "Give modelId (a semantic model) or detectorModelId (Grounded-SAM), not both.",
            (_, true, false) => "Grounded-SAM needs detectorModelId, samEncoderModelId and samDecoderModelId.",
            (false, false, false) => "Give modelId (a semantic model), or detectorModelId with the SAM models (Grounded-SAM), or the SAM models alone (SAM superpixels, labels kept).",
            _ when superpixels == SuperpixelSource.Masks && !detector => "superpixels=masks needs the Grounded-SAM models (detectorModelId and the SAM models).",
            _ when superpixels == SuperpixelSource.Sam && !sam => "superpixels=sam needs samEncoderModelId and samDecoderModelId.",
            (_, false, true) when superpixels != SuperpixelSource.Sam => "Without a detector, the SAM models make SAM superpixels: superpixels must be sam (or left out).",
            _ => null,
        };
        if (problem is not null)
        {
            throw ApiProblemException.BadRequest(problem);
        }

        if (WireMapping.AutomaticMasks(request.AutomaticMasks).Problems() is { Count: > 0 } settings)
        {
            throw ApiProblemException.BadRequest($"automaticMasks: {string.Join(" ", settings)}");
        }

        if (request.BoxThreshold is < 0 or > 1)
        {
            throw ApiProblemException.BadRequest($"boxThreshold must be in 0..1 (got {request.BoxThreshold}).");
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

    private static ModelRow Model(ModelRepository models, long id, string role, string field)
    {
        var model = models.Get(id) ?? throw ApiProblemException.Unprocessable($"{field} {id} names no uploaded model (GET /models lists them).");
        return model.Role == role ? model
            : throw ApiProblemException.Unprocessable($"{field}: model {model.Id} '{model.Name}' is a {model.Role} model; it must be a {role} one.");
    }

    private static string Semantic(ModelRow model, int classes, DatasetRow dataset)
    {
        if (Signature(model).LabelClasses is int l && l != classes)
        {
            throw ApiProblemException.Unprocessable($"Model {model.Id} '{model.Name}' answers {l} classes; dataset {dataset.Id} '{dataset.Name}' has {classes}.");
        }

        return $"model '{model.Name}'";
    }

    private static string GroundedSam(PseudoLabelRequest request, ModelRepository models, int classes, DatasetRow dataset)
    {
        var detector = Model(models, request.DetectorModelId!.Value, "detector", "detectorModelId");
        if (BoxDetector.Outputs(Signature(detector)).Scores is { } scores && scores.Dimensions[^1] > 0 && scores.Dimensions[^1] != classes - 1)
        {
            throw ApiProblemException.Unprocessable($"Detector {detector.Id} '{detector.Name}' scores {scores.Dimensions[^1]} classes; dataset {dataset.Id} '{dataset.Name}' " +
                $"has {classes}, so it needs {classes - 1} (every class but background, 0).");
        }

        return $"Grounded-SAM (detector '{detector.Name}', SAM '{Model(models, request.SamEncoderModelId!.Value, "sam-encoder", "samEncoderModelId").Name}')";
    }

    private static void Sam(ModelRepository models, long encoderId, long decoderId)
    {
        var encoder = Model(models, encoderId, "sam-encoder", "samEncoderModelId");
        var signature = Signature(encoder);
        if (SamPrompter.EncoderSide(signature) is null)
        {
            var input = signature.Inputs[0];
            throw ApiProblemException.Unprocessable($"samEncoderModelId: '{input.Name}' of model {encoder.Id} is [{string.Join(", ", input.Dimensions)}]; the engine feeds SAM's encoder a fixed square [1,3,S,S].");
        }

        Model(models, decoderId, "sam-decoder", "samDecoderModelId");
    }

    private static OnnxModelSignature Signature(ModelRow model) => JsonSerializer.Deserialize<OnnxModelSignature>(model.Signature, EngineHost.StoredJson)!;
}
