using System.Globalization;
using System.Text.Json;
using Alc.Campaigns.Projects;
using Alc.Core.Maps;
using Alc.Core.Metrics;
using Alc.Core.Superpixels;
using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Hosting;
using Alc.Imaging.Photos;
using Alc.Inference;
using Alc.Storage;
using Alc.Storage.Datasets;
using Alc.Storage.Jobs;
using Alc.Storage.Models;
using Microsoft.Extensions.Options;

namespace Alc.Engine.Server.Jobs;

/// <summary>
/// Runs a <c>pseudo-labels</c> job: uploaded models — a semantic model, the Grounded-SAM rule's detector, SAM encoder and SAM
/// decoder, or SAM alone for superpixels — label every photo of the source dataset (one ONNX Runtime session per model for
/// the whole job, disposed at its end), and a new dataset is created in one transaction with those labels as D0 and the
/// source's photos, splits and ground truth — so a job that fails, is cancelled or is interrupted leaves no half dataset,
/// and one requeued after a restart simply runs again. Progress moves image by image in stage <c>label</c>.
/// </summary>
internal sealed class PseudoLabelWorker(DatasetRepository datasets, ModelRepository models, BlobStore blobs, JobRepository jobs, IOptions<EngineOptions> options)
{
    /// <summary>The job kind this worker runs.</summary>
    public const string Kind = "pseudo-labels";

    /// <summary>Labels the dataset; returns the job's closing message (with D0's Data mIoU where the source has ground truth).</summary>
    /// <exception cref="OnnxModelException">A model fails on a photo or answers a class the dataset lacks.</exception>
    public Task<string> RunAsync(JobRow job, CancellationToken cancellationToken) => Task.Run(() => Run(job, cancellationToken), cancellationToken);

    private string Run(JobRow job, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Deserialize<PseudoLabelRequest>(job.Request ?? "null", EngineHost.StoredJson)
            ?? throw new InvalidOperationException($"Job {job.Id} has no request.");
        long sourceId = job.DatasetId ?? throw new InvalidOperationException("The dataset this job reads was deleted before it ran.");
        var classes = datasets.Classes(sourceId);
        var images = datasets.Images(sourceId);
        using var labeller = Labeller(request, classes.Count);
        var superpixelSource = WireMapping.Superpixels(request);
        var rows = new List<ImageRow>(images.Count);
        var agreement = new ConfusionMatrix(classes.Count);
        for (int i = 0; i < images.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var image = images[i];
            var photo = StoredImages.Photo(blobs, image);
            var (labels, painted) = labeller.Label(photo);
            // A model with a free class axis is only known to fit once it answers.
            if (labels?.Max() is byte top && top >= classes.Count)
            {
                throw new OnnxModelException($"The model labelled a pixel of '{image.Stem}' class {top}; the dataset has {classes.Count} classes (0..{classes.Count - 1}).");
            }

            if (labels is not null && StoredImages.GroundTruth(blobs, image, classes.Count) is { } truth)
            {
                agreement.Add(truth.Labels, labels);
            }

            string superpixels = superpixelSource switch
            {
                SuperpixelSource.Keep => image.SuperpixelBlob,
                SuperpixelSource.Masks => blobs.Put(StoredImages.Raw(new SuperpixelMap(photo.Width, photo.Height, painted!))),
                SuperpixelSource.Sam => blobs.Put(StoredImages.Raw(new SuperpixelMap(photo.Width, photo.Height,
                    labeller.Automatic!.Superpixels(photo.Rgb, photo.Width, photo.Height, cancellationToken).Superpixels))),
                _ => blobs.Put(StoredImages.Raw(Slic.SegmentMap(photo.Rgb, photo.Width, photo.Height, new SlicOptions { SegmentCount = request.SlicSegments }))),
            };
            rows.Add(image with { Id = 0, DatasetId = 0, PseudoBlob = labels is null ? image.PseudoBlob : blobs.Put(labels), SuperpixelBlob = superpixels });
            double done = (i + 1) / (double)images.Count;
            jobs.ReportProgress(job.Id, done * 0.99, "label", done, $"labelled {i + 1} of {images.Count} images with {labeller.What}");
        }

        cancellationToken.ThrowIfCancellationRequested();
        long id;
        try
        {
            id = datasets.Create(request.Name, classes, rows);
        }
        catch (StorageConflictException)
        {
            throw new InvalidOperationException($"A dataset named '{request.Name}' was created while the job ran; run it again with another name.");
        }

        jobs.RecordResultDataset(job.Id, id);
        string quality = agreement.Total == 0 ? "" : string.Create(CultureInfo.InvariantCulture,
            $"; Data mIoU of its pseudo labels against the source's ground truth {agreement.MeanIoU():0.000} (pixel accuracy {agreement.PixelAccuracy():0.000})");
        return $"dataset {id} '{request.Name}': {rows.Count} images labelled by {labeller.What}{quality}";
    }

    // The semantic model, Grounded-SAM's three, or SAM alone; each model is opened (and checked) once for the whole job.
    private JobLabeller Labeller(PseudoLabelRequest request, int classCount)
    {
        var opened = new List<IDisposable>();
        try
        {
            SamPrompter? sam = null;
            string samName = "";
            if (request.SamEncoderModelId is long encoderId)
            {
                var encoder = Model(encoderId);
                samName = encoder.Name;
                sam = new SamPrompter(blobs.Get(encoder.Blob), Preprocessing(encoder), blobs.Get(Model(request.SamDecoderModelId!.Value).Blob), device: Device);
                opened.Add(sam);
            }

            var automatic = WireMapping.Superpixels(request) == SuperpixelSource.Sam ? new SamMaskGenerator(sam!, WireMapping.AutomaticMasks(request.AutomaticMasks)) : null;
            if (request.ModelId is long modelId)
            {
                var model = Model(modelId);
                var segmenter = new SemanticSegmenter(blobs.Get(model.Blob), Preprocessing(model), device: Device);
                opened.Add(segmenter);
                return new JobLabeller(photo => (segmenter.Label(photo.Rgb, photo.Width, photo.Height), null), automatic, opened,
                    $"model '{model.Name}'" + (sam is null ? "" : $", superpixels by SAM '{samName}'"));
            }

            if (request.DetectorModelId is long detectorId)
            {
                var detectorModel = Model(detectorId);
                var detector = new BoxDetector(blobs.Get(detectorModel.Blob), Preprocessing(detectorModel), classCount, device: Device);
                opened.Add(detector);
                var grounded = new GroundedSamLabeller(detector, sam!, classCount, (float)request.BoxThreshold);
                return new JobLabeller(photo =>
                {
                    var painted = grounded.Label(photo.Rgb, photo.Width, photo.Height).Painted;
                    return (painted.Classes, painted.Superpixels);
                }, automatic, opened, $"Grounded-SAM (detector '{detectorModel.Name}', SAM '{samName}')");
            }

            return new JobLabeller(_ => (null, null), automatic, opened, $"SAM '{samName}' superpixels (labels kept)");
        }
        catch
        {
            opened.ForEach(o => o.Dispose());
            throw;
        }
    }

    // The engine's one device setting (ALC_DEVICE) serves training and inference alike.
    private InferenceDevice Device => WireMapping.Inference(options.Value.Device);

    private ModelRow Model(long id) => models.Get(id) ?? throw new InvalidOperationException($"Model {id} was deleted before the job ran.");

    private static ModelPreprocessing Preprocessing(ModelRow model) =>
        WireMapping.Preprocessing(JsonSerializer.Deserialize<ModelPreprocessingDto>(model.Preprocessing, EngineHost.StoredJson)!);

    /// <summary>
    /// Labels one photo: its new D0 (null: the source's kept) and the painted mask ids where the rule paints masks (else
    /// null); <see cref="Automatic"/> makes SAM superpixels when asked for. Disposes the models it opened.
    /// </summary>
    private sealed record JobLabeller(Func<RgbImage, (byte[]? Labels, int[]? Painted)> Label, SamMaskGenerator? Automatic, List<IDisposable> Models, string What) : IDisposable
    {
        public void Dispose() => Models.ForEach(m => m.Dispose());
    }
}
