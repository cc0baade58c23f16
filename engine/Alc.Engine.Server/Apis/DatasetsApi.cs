using Alc.Campaigns.Projects;
using Alc.Core;
using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Datasets;
using Alc.Engine.Server.Hosting;
using Alc.Engine.Server.Problems;
using Alc.Imaging.Maps;
using Alc.Storage;
using Alc.Storage.Datasets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Alc.Engine.Server.Apis;

/// <summary>Datasets: create, import (server folder or uploaded zip), list, images, image bytes, label maps, export.</summary>
internal static class DatasetsApi
{
    public static void MapDatasetsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/datasets").WithTags("datasets").RequireAuthorization(Auth.ApiKeyDefaults.Admin);

        group.MapPost("", (CreateDatasetRequest request, DatasetImporter importer, DatasetRepository datasets) =>
            {
                long id = importer.Create(request.Name, request.Classes.Select(c => new ClassInfo(c.Id, c.Name, c.Color)).ToList());
                return TypedResults.Created($"/datasets/{id}", Dtos.Dataset(datasets.Get(id)!, datasets));
            })
            .WithName("CreateDataset").WithSummary("Creates an empty dataset with its classes; add images with POST /datasets/{datasetId}/images.")
            .ProducesProblem(400).ProducesProblem(409);

        group.MapPost("/import", (ImportDatasetRequest request, ForeignImports imports, DatasetRepository datasets, IOptions<EngineOptions> options) =>
            {
                ForeignImports.Validate(request);
                var roots = options.Value.ImportRoots;
                string path = ImportPaths.Resolve(request.Path, roots, file: request.Format == ImportFormat.Coco);
                string? images = request.Format == ImportFormat.Coco ? ImportPaths.Resolve(request.Images!, roots, "images") : null;
                long id = imports.Import(request, path, images);
                return TypedResults.Created($"/datasets/{id}", Dtos.Dataset(datasets.Get(id)!, datasets));
            })
            .WithName("ImportDataset").WithSummary("Imports a dataset from a server path under one of the allowed import roots: an ALC-format folder (format=alc), or a PASCAL VOC folder (voc; its masks become D0, SLIC the superpixels) or a COCO JSON of instance masks (coco, with images = its photo folder) converted in one step.")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

        group.MapPost("/upload", async (IFormFile archive, [FromForm] string name, DatasetImporter importer, DatasetRepository datasets,
                IOptions<EngineOptions> options, EnginePaths paths, CancellationToken cancellationToken) =>
            {
                Uploads.RequireWithinLimit(archive, options.Value);
                string zip = paths.TemporaryFile(".zip"), folder = paths.TemporaryFolder();
                try
                {
                    await using (var target = File.Create(zip))
                    {
                        await archive.CopyToAsync(target, cancellationToken);
                    }

                    string root = ZipImport.Extract(zip, folder, ZipImport.UnpackedBudget(options.Value.MaxUploadBytes));
                    long id = importer.ImportFolder(name, root);
                    return TypedResults.Created($"/datasets/{id}", Dtos.Dataset(datasets.Get(id)!, datasets));
                }
                finally
                {
                    File.Delete(zip);
                    Directory.Delete(folder, recursive: true);
                }
            })
            .WithName("UploadDataset").WithSummary("Imports an ALC-format dataset from an uploaded zip (multipart field 'archive', plus 'name').")
            .DisableAntiforgery()
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(413).ProducesProblem(422);

        group.MapGet("", (DatasetRepository datasets) => TypedResults.Ok(datasets.List().Select(d => Dtos.Dataset(d, datasets)).ToList()))
            .WithName("ListDatasets").WithSummary("Lists the datasets.");

        group.MapGet("/{datasetId:long}", (long datasetId, DatasetRepository datasets) => TypedResults.Ok(Dtos.Dataset(Find(datasets, datasetId), datasets)))
            .WithName("GetDataset").WithSummary("Gets a dataset with its classes and image counts.")
            .ProducesProblem(404);

        group.MapGet("/{datasetId:long}/images", (long datasetId, DatasetRepository datasets, string? split, int? offset, int? limit) =>
            {
                Find(datasets, datasetId);
                if (split is not (null or "train" or "val"))
                {
                    throw ApiProblemException.BadRequest($"split must be train or val (got '{split}').");
                }

                int from = offset ?? 0, take = limit ?? 100;
                if (from < 0 || take is < 1 or > 1000)
                {
                    throw ApiProblemException.BadRequest("offset must be ≥ 0 and limit 1..1000.");
                }

                var counts = datasets.ImageCounts(datasetId);
                int total = split is null ? counts.Values.Sum() : counts.GetValueOrDefault(split);
                return TypedResults.Ok(new ImagePageDto(total, from, datasets.Images(datasetId, split, from, take).Select(Dtos.Image).ToList()));
            })
            .WithName("ListImages").WithSummary("Lists a page of a dataset's images, optionally of one split.")
            .ProducesProblem(400).ProducesProblem(404);

        group.MapPost("/{datasetId:long}/images", (long datasetId, [FromForm] string stem, [FromForm] string split, IFormFile image,
                IFormFile pseudo, IFormFile superpixels, IFormFile? gt, DatasetImporter importer, DatasetRepository datasets, IOptions<EngineOptions> options) =>
            {
                Find(datasets, datasetId);
                int classes = datasets.Classes(datasetId).Count;
                using var photo = image.OpenReadStream();
                using var labels = pseudo.OpenReadStream();
                using var ids = superpixels.OpenReadStream();
                using var truth = gt?.OpenReadStream();
                long id = importer.AddImage(datasetId, classes, stem, split, photo, labels, ids, truth);
                return TypedResults.Created($"/datasets/{datasetId}/images/{id}", Dtos.Image(datasets.Image(datasetId, id)!));
            })
            .WithName("AddImage").WithSummary("Adds one image: multipart fields stem, split, and files image (PNG/JPEG), pseudo (label PNG), superpixels (id PNG), optional gt.")
            .DisableAntiforgery()
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(422);

        group.MapGet("/{datasetId:long}/images/{imageId:long}", (long datasetId, long imageId, DatasetRepository datasets) =>
                TypedResults.Ok(Dtos.Image(FindImage(datasets, datasetId, imageId))))
            .WithName("GetImage").WithSummary("Gets one image's description.")
            .ProducesProblem(404);

        group.MapGet("/{datasetId:long}/images/{imageId:long}/photo", (long datasetId, long imageId, DatasetRepository datasets, BlobStore blobs) =>
                PhotoResponse.Of(blobs.Get(FindImage(datasets, datasetId, imageId).ImageBlob)))
            .WithName("GetImagePhoto").WithSummary("The photo as uploaded (PNG or JPEG).")
            .ProducesFile("image/png", "image/jpeg").ProducesProblem(404);

        group.MapGet("/{datasetId:long}/images/{imageId:long}/labels.png", (long datasetId, long imageId, string? source, DatasetRepository datasets, BlobStore blobs) =>
            {
                var image = FindImage(datasets, datasetId, imageId);
                int classes = datasets.Classes(datasetId).Count;
                var map = (source ?? "pseudo") switch
                {
                    "pseudo" => StoredImages.Pseudo(blobs, image, classes),
                    "gt" => StoredImages.GroundTruth(blobs, image, classes) ?? throw ApiProblemException.NotFound($"Ground truth of image {imageId}"),
                    _ => throw ApiProblemException.BadRequest($"source must be pseudo or gt (got '{source}')."),
                };
                return TypedResults.File(LabelMapFile.Encode(map), "image/png");
            })
            .WithName("GetImageLabels").WithSummary("The image's initial labels D0 (source=pseudo, default) or ground truth (source=gt) as a VOC palette PNG.")
            .ProducesFile("image/png").ProducesProblem(400).ProducesProblem(404);

        group.MapGet("/{datasetId:long}/images/{imageId:long}/superpixels.png", (long datasetId, long imageId, DatasetRepository datasets, BlobStore blobs) =>
                TypedResults.File(SuperpixelMapFile.Encode(StoredImages.Superpixels(blobs, FindImage(datasets, datasetId, imageId))), "image/png"))
            .WithName("GetImageSuperpixels").WithSummary("The image's superpixel ids as a PNG (16-bit grayscale, or 24-bit RGB with id = R + 256·G + 65536·B above 65535).")
            .ProducesFile("image/png").ProducesProblem(404);

        group.MapGet("/{datasetId:long}/export", (long datasetId, string? format, string? labels, DatasetRepository datasets, DatasetExports exports, BlobStore blobs) =>
            {
                var dataset = Find(datasets, datasetId);
                int classes = datasets.Classes(dataset.Id).Count;
                Func<ImageRow, Alc.Core.Maps.LabelMap?> labelsOf = (labels ?? "pseudo") switch
                {
                    "pseudo" => image => StoredImages.Pseudo(blobs, image, classes),
                    "gt" => image => StoredImages.GroundTruth(blobs, image, classes),
                    _ => throw ApiProblemException.BadRequest($"labels must be pseudo or gt (got '{labels}')."),
                };
                return ExportFile.Of(exports.Export(datasetId, format ?? "voc", labelsOf, dataset.Name, ExportReadme.Dataset(dataset.Name, dataset.Id, labels == "gt")));
            })
            .WithName("ExportDataset").WithSummary("Exports the dataset's pseudo labels (or gt) as a zip of VOC palette PNGs (format=voc), one COCO RLE JSON (format=coco) or a zip CVAT imports in its Segmentation mask 1.1 format (format=cvat).")
            .ProducesFile("application/zip", "application/json").ProducesProblem(400).ProducesProblem(404).ProducesProblem(422);
    }

    private static DatasetRow Find(DatasetRepository datasets, long id) => Resolve.Dataset(datasets, id);

    private static ImageRow FindImage(DatasetRepository datasets, long datasetId, long imageId)
    {
        Find(datasets, datasetId);
        return datasets.Image(datasetId, imageId) ?? throw ApiProblemException.NotFound($"Image {imageId} of dataset {datasetId}");
    }
}
