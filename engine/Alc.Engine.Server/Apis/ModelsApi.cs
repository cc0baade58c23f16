using System.Text.Json;
using Alc.Engine.Server.Auth;
using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Hosting;
using Alc.Engine.Server.Problems;
using Alc.Inference;
using Alc.Storage;
using Alc.Storage.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Alc.Engine.Server.Apis;

/// <summary>
/// ONNX models as a resource (administrators only): upload one with its role and pre-processing, and it is opened with ONNX
/// Runtime and checked against the role before anything is stored; list, read, delete.
/// </summary>
internal static class ModelsApi
{
    /// <summary>The largest tensor a model may declare with fixed axes.</summary>
    public const long MaxTensorBytes = 1L << 30;

        public static void MapModelsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/models").WithTags("models").RequireAuthorization(ApiKeyDefaults.Admin);

        group.MapPost("", async (IFormFile model, [FromForm] string name, [FromForm] string role, [FromForm] string? preprocessing,
                ModelRepository models, BlobStore blobs, IOptions<EngineOptions> options, CancellationToken cancellationToken) =>
            {
                Uploads.RequireWithinLimit(model, options.Value);
                if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
                {
                    throw ApiProblemException.BadRequest("name is required (1–100 characters).");
                }

                var parsedRole = ModelRoles.Parse(role) ?? throw ApiProblemException.BadRequest($"role must be one of {string.Join(", ", ModelRoles.Names)} (got '{role}').");
                var declared = Preprocessing(preprocessing);
                byte[] bytes;
                using (var buffer = new MemoryStream())
                {
                    await model.CopyToAsync(buffer, cancellationToken);
                    bytes = buffer.ToArray();
                }

                OnnxModelSignature signature;
                try
                {
                    signature = OnnxModelInspector.Inspect(bytes, parsedRole, MaxTensorBytes, declared.Width ?? 64);
                }
                catch (OnnxModelException ex)
                {
                    throw ApiProblemException.Unprocessable($"The model cannot serve as {role}: {ex.Message} Nothing was stored.");
                }

                RequireSizeFits(signature, declared, parsedRole);
                if (parsedRole == ModelRole.Semantic && signature.Classes == 1 && declared.BinaryThreshold is null)
                {
                    throw ApiProblemException.Unprocessable($"'{signature.Outputs[0].Name}' has one channel, so the model is binary: declare preprocessing.binaryThreshold " +
                        "(a pixel is class 1 where the output exceeds it: 0.5 for a probability map, 0 for a logit). Nothing was stored.");
                }

                long id = models.Create(name, role, blobs.Put(bytes), bytes.Length, JsonSerializer.Serialize(signature, EngineHost.StoredJson), JsonSerializer.Serialize(declared, EngineHost.StoredJson));
                return TypedResults.Created($"/models/{id}", Dto(models.Get(id)!));
            })
            .WithName("UploadModel")
            .WithSummary("Uploads an ONNX model (multipart: 'model' file, 'name', 'role' = semantic|sam-encoder|sam-decoder|detector, optional 'preprocessing' JSON). " +
                "It is opened with ONNX Runtime and its inputs and outputs are checked against the role (a semantic model is also run once on a blank image and must answer finite logits); " +
                "a model that does not fit is a 422 naming what is wrong, and nothing is stored.")
            .DisableAntiforgery()
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(413).ProducesProblem(422);

        group.MapGet("", (ModelRepository models) => TypedResults.Ok(models.List().Select(Dto).ToList()))
            .WithName("ListModels").WithSummary("Lists the uploaded models.");

        group.MapGet("/{modelId:long}", (long modelId, ModelRepository models) => TypedResults.Ok(Dto(Find(models, modelId))))
            .WithName("GetModel").WithSummary("Gets one model with its inputs, outputs and pre-processing.")
            .ProducesProblem(404);

        group.MapDelete("/{modelId:long}", (long modelId, ModelRepository models) =>
            {
                Find(models, modelId);
                models.Delete(modelId);
                return TypedResults.NoContent();
            })
            .WithName("DeleteModel").WithSummary("Deletes a model.")
            .ProducesProblem(404);
    }

    private static ModelRow Find(ModelRepository models, long id) => models.Get(id) ?? throw ApiProblemException.NotFound($"Model {id}");

    private static ModelDto Dto(ModelRow row)
    {
        var signature = JsonSerializer.Deserialize<OnnxModelSignature>(row.Signature, EngineHost.StoredJson)!;
        ModelTensorDto Tensor(OnnxTensorInfo t) => new(t.Name, t.ElementType, t.Dimensions);
        return new ModelDto(row.Id, row.Name, row.Role, row.Bytes, signature.Inputs.Select(Tensor).ToList(), signature.Outputs.Select(Tensor).ToList(),
            row.Role == "semantic" ? signature.LabelClasses : null, JsonSerializer.Deserialize<ModelPreprocessingDto>(row.Preprocessing, EngineHost.StoredJson)!,
            DateTimeOffset.Parse(row.CreatedAt, System.Globalization.CultureInfo.InvariantCulture));
    }

    // The form field 'preprocessing', strict like every JSON body (unknown fields, wrong types and non-finite numbers refused).
    private static ModelPreprocessingDto Preprocessing(string? text)
    {
        ModelPreprocessingDto declared;
        try
        {
            declared = string.IsNullOrWhiteSpace(text) ? new ModelPreprocessingDto() : JsonSerializer.Deserialize<ModelPreprocessingDto>(text, EngineHost.StoredJson)
                ?? throw ApiProblemException.BadRequest("preprocessing must be a JSON object, not null.");
        }
        catch (JsonException ex)
        {
            throw ApiProblemException.BadRequest($"preprocessing is not valid: {ex.Message}");
        }

        if (declared.ChannelOrder is not ("rgb" or "bgr"))
        {
            throw ApiProblemException.BadRequest($"preprocessing.channelOrder must be rgb or bgr (got '{declared.ChannelOrder}').");
        }

        if (declared.Mean is not { Count: 3 } || declared.Std is not { Count: 3 } || declared.Std.Any(s => s <= 0) || declared.Mean.Any(m => Math.Abs(m) > 1e3))
        {
            throw ApiProblemException.BadRequest("preprocessing.mean and preprocessing.std must hold three numbers each, every std above 0.");
        }

        if (declared.Width is < 1 or > 8192 || declared.Height is < 1 or > 8192 || (declared.Width is null) != (declared.Height is null))
        {
            throw ApiProblemException.BadRequest("preprocessing.width and preprocessing.height go together, each 1..8192.");
        }

        return declared;
    }

    // A model with fixed spatial axes needs the size declared, and the same size.
    private static void RequireSizeFits(OnnxModelSignature signature, ModelPreprocessingDto declared, ModelRole role)
    {
        if (role is not (ModelRole.Semantic or ModelRole.Detector))
        {
            return;
        }

        var input = signature.Inputs[0];
        long h = input.Dimensions[2], w = input.Dimensions[3];
        if ((h > 0 || w > 0) && (declared.Width != w || declared.Height != h))
        {
            throw ApiProblemException.Unprocessable($"'{input.Name}' takes [{string.Join(", ", input.Dimensions)}]: declare preprocessing.width {w} and height {h}. Nothing was stored.");
        }
    }

}
