using System.Net;
using Alc.Core.Maps;
using Alc.Engine.Server.Contracts;
using Alc.Imaging.Maps;
using Alc.Imaging.Photos;

namespace Alc.Engine.Server.Tests.Models;

/// <summary>
/// <c>POST /datasets/{id}/pseudo-labels</c> through the real HTTP pipeline and job runner, with a semantic model whose output
/// is known exactly (a 1×1 convolution whose class k logit is the photo's channel k, mean 0, std 1): every pixel's new
/// pseudo label is its strongest channel, so the new dataset's D0, and its Data mIoU against the source's ground truth,
/// are computed by hand.
/// </summary>
public sealed class PseudoLabelJobTests : IDisposable
{
    private const string Identity = """{"mean":[0,0,0],"std":[1,1,1]}""";
    private static readonly ClassDto[] Colors = [new(0, "red", "#800000"), new(1, "green", "#008000"), new(2, "blue", "#000080")];

    // 6×4 photos: a is red on its left half and blue on its right; b is all green.
    private static readonly RgbImage PhotoA = new(6, 4, [.. Enumerable.Range(0, 24).SelectMany(p => p % 6 < 3 ? new byte[] { 200, 10, 0 } : [0, 20, 180])]);
    private static readonly RgbImage PhotoB = new(6, 4, [.. Enumerable.Range(0, 24).SelectMany(_ => new byte[] { 30, 90, 60 })]);
    private static readonly int[] Halves = [.. Enumerable.Range(0, 24).Select(p => p % 6 < 3 ? 0 : 1)];

    private readonly Scratch _scratch = new();

    [Fact]
    public async Task A_semantic_model_labels_a_dataset_into_a_new_one_as_a_job_and_the_source_is_unchanged()
    {
        await using var engine = new EngineFactory(_scratch.Data);
        var client = engine.CreateClient();
        var source = await SourceDataset(client, "photos");
        var model = await (await client.PostAsync("/models", ModelsApiTests.Upload("rgb", "semantic", OnnxGraphs.Semantic([1, 0, 0, 0, 1, 0, 0, 0, 1], [0, 0, 0]), Identity)))
            .Read<ModelDto>(HttpStatusCode.Created);

        var response = await client.Post($"/datasets/{source.Id}/pseudo-labels", new PseudoLabelRequest { ModelId = model.Id, Name = "photos-pseudo" });
        var queued = await response.Read<JobDto>(HttpStatusCode.Accepted);
        Assert.Equal($"/jobs/{queued.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("pseudo-labels", source.Id, (long?)null, (long?)null), (queued.Kind, queued.DatasetId, queued.ProjectId, queued.ResultDatasetId));

        var job = await client.WaitForJob(queued.Id);
        Assert.True(job.State == JobState.Succeeded, job.Error);
        Assert.Equal(1.0, job.Progress);
        long made = Assert.IsType<long>(job.ResultDatasetId);
        // Only a has ground truth (left red, right green); the model says blue on the right: IoU red 1, green 0, blue 0.
        Assert.Contains("2 images labelled by model 'rgb'; Data mIoU of its pseudo labels against the source's ground truth 0.333 (pixel accuracy 0.500)", job.Message, StringComparison.Ordinal);

        var dataset = await client.Get<DatasetDto>($"/datasets/{made}");
        Assert.Equal(("photos-pseudo", 1, 1), (dataset.Name, dataset.TrainImages, dataset.ValImages));
        Assert.Equal(["red", "green", "blue"], dataset.Classes.Select(c => c.Name));
        var images = (await client.Get<ImagePageDto>($"/datasets/{made}/images")).Items.ToDictionary(i => i.Stem);
        byte[] redThenBlue = [.. Enumerable.Range(0, 24).Select(p => p % 6 < 3 ? (byte)0 : (byte)2)];
        Assert.Equal(redThenBlue, await Labels(client, made, images["a"].Id, "pseudo"));
        Assert.All(await Labels(client, made, images["b"].Id, "pseudo"), v => Assert.Equal(1, v));
        Assert.Equal(Halves, (await Labels(client, made, images["a"].Id, "gt")).Select(v => (int)v));
        Assert.Equal(Halves, (await Superpixels(client, made, images["a"].Id))); // kept by default
        Assert.Equal(("val", false), (images["b"].Split, images["b"].HasGroundTruth));

        // The source still has its own D0 (all red).
        var sourceImage = (await client.Get<ImagePageDto>($"/datasets/{source.Id}/images")).Items.Single(i => i.Stem == "a");
        Assert.All(await Labels(client, source.Id, sourceImage.Id, "pseudo"), v => Assert.Equal(0, v));

        // slic: new superpixels from the photo (SLIC splits a 6×4 photo into more than the source's two halves).
        var slic = await client.WaitForJob((await (await client.Post($"/datasets/{source.Id}/pseudo-labels",
            new PseudoLabelRequest { ModelId = model.Id, Name = "photos-slic", Superpixels = SuperpixelSource.Slic, SlicSegments = 12 })).Read<JobDto>(HttpStatusCode.Accepted)).Id);
        Assert.True(slic.State == JobState.Succeeded, slic.Error);
        var slicImage = (await client.Get<ImagePageDto>($"/datasets/{slic.ResultDatasetId}/images")).Items.Single(i => i.Stem == "a");
        Assert.True((await Superpixels(client, slic.ResultDatasetId!.Value, slicImage.Id)).Distinct().Count() > 2);
    }

    [Fact]
    public async Task The_grounded_sam_rule_paints_sam_masks_of_the_detector_boxes_as_labels_and_superpixels()
    {
        await using var engine = new EngineFactory(_scratch.Data);
        var client = engine.CreateClient();
        var source = await SourceDataset(client, "photos");
        async Task<ModelDto> Model(string name, string role, byte[] bytes) =>
            await (await client.PostAsync("/models", ModelsApiTests.Upload(name, role, bytes))).Read<ModelDto>(HttpStatusCode.Created);
        // Box A covers the image (green best, 0.9), box B its right half (blue best, 0.7); the SAM stand-ins draw each box.
        var detector = await Model("boxes", "detector", OnnxGraphs.Detector([0, 0, 1, 1, 0.5f, 0, 1, 1], [0.9f, 0.1f, 0.2f, 0.7f], 2));
        var encoder = await Model("sam-enc", "sam-encoder", OnnxGraphs.SamEncoder(16));
        var decoder = await Model("sam-dec", "sam-decoder", OnnxGraphs.SamBoxDecoder(16));

        var queued = await (await client.Post($"/datasets/{source.Id}/pseudo-labels", new PseudoLabelRequest
        {
            DetectorModelId = detector.Id, SamEncoderModelId = encoder.Id, SamDecoderModelId = decoder.Id, Name = "grounded",
        })).Read<JobDto>(HttpStatusCode.Accepted);
        var job = await client.WaitForJob(queued.Id);
        Assert.True(job.State == JobState.Succeeded, job.Error);
        // a's truth is red | green, the masks say green | blue: no class overlaps, so every IoU is 0.
        Assert.Contains("labelled by Grounded-SAM (detector 'boxes', SAM 'sam-enc'); Data mIoU of its pseudo labels against the source's ground truth 0.000 (pixel accuracy 0.000)",
            job.Message, StringComparison.Ordinal);
        var image = (await client.Get<ImagePageDto>($"/datasets/{job.ResultDatasetId}/images")).Items.Single(i => i.Stem == "a");
        Assert.Equal(Halves.Select(h => (byte)(h + 1)), await Labels(client, job.ResultDatasetId!.Value, image.Id, "pseudo"));
        Assert.Equal(Halves.Select(h => h + 1), await Superpixels(client, job.ResultDatasetId!.Value, image.Id)); // the painted masks, largest first

        async Task<string> Refused(object body, int status) =>
            (await (await client.Post($"/datasets/{source.Id}/pseudo-labels", body)).Problem(status)).GetProperty("detail").GetString()!;
        Assert.Contains("samEncoderModelId and samDecoderModelId go together", await Refused(new PseudoLabelRequest { DetectorModelId = detector.Id, SamEncoderModelId = encoder.Id, Name = "x" }, 400), StringComparison.Ordinal);
        Assert.Contains("Grounded-SAM needs detectorModelId, samEncoderModelId and samDecoderModelId", await Refused(new PseudoLabelRequest { DetectorModelId = detector.Id, Name = "x" }, 400), StringComparison.Ordinal);
        Assert.Contains("not both", await Refused(new PseudoLabelRequest
        {
            ModelId = detector.Id, DetectorModelId = detector.Id, SamEncoderModelId = encoder.Id, SamDecoderModelId = decoder.Id, Name = "x",
        }, 400), StringComparison.Ordinal);
        Assert.Contains("Give modelId (a semantic model), or detectorModelId with the SAM models", await Refused(new PseudoLabelRequest { Name = "x" }, 400), StringComparison.Ordinal);
        Assert.Contains("superpixels must be sam", await Refused(new PseudoLabelRequest
        {
            SamEncoderModelId = encoder.Id, SamDecoderModelId = decoder.Id, Name = "x", Superpixels = SuperpixelSource.Slic,
        }, 400), StringComparison.Ordinal);
        Assert.Contains("automaticMasks: pointsPerSide must be 1..128 (got 0).", await Refused(new PseudoLabelRequest
        {
            SamEncoderModelId = encoder.Id, SamDecoderModelId = decoder.Id, Name = "x", AutomaticMasks = new AutomaticMasksDto { PointsPerSide = 0 },
        }, 400), StringComparison.Ordinal);
        Assert.Contains("boxThreshold must be in 0..1", await Refused(new PseudoLabelRequest
        {
            DetectorModelId = detector.Id, SamEncoderModelId = encoder.Id, SamDecoderModelId = decoder.Id, Name = "x", BoxThreshold = 1.5,
        }, 400), StringComparison.Ordinal);
        var wide = await Model("wide", "detector", OnnxGraphs.Detector([0, 0, 1, 1], [0.9f, 0.1f, 0.1f], 3));
        Assert.Contains("scores 3 classes; dataset", await Refused(new PseudoLabelRequest
        {
            DetectorModelId = wide.Id, SamEncoderModelId = encoder.Id, SamDecoderModelId = decoder.Id, Name = "x",
        }, 422), StringComparison.Ordinal);
        var free = await Model("free", "sam-encoder", OnnxGraphs.Semantic(3));
        Assert.Contains("a fixed square [1,3,S,S]", await Refused(new PseudoLabelRequest
        {
            DetectorModelId = detector.Id, SamEncoderModelId = free.Id, SamDecoderModelId = decoder.Id, Name = "x",
        }, 422), StringComparison.Ordinal);
        Assert.Contains("samDecoderModelId: model", await Refused(new PseudoLabelRequest
        {
            DetectorModelId = detector.Id, SamEncoderModelId = encoder.Id, SamDecoderModelId = encoder.Id, Name = "x",
        }, 422), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sam_models_alone_keep_the_labels_and_make_automatic_mask_superpixels()
    {
        await using var engine = new EngineFactory(_scratch.Data);
        var client = engine.CreateClient();
        var source = await SourceDataset(client, "photos");
        async Task<ModelDto> Model(string name, string role, byte[] bytes) =>
            await (await client.PostAsync("/models", ModelsApiTests.Upload(name, role, bytes))).Read<ModelDto>(HttpStatusCode.Created);
        var encoder = await Model("sam-enc", "sam-encoder", OnnxGraphs.SamEncoder(16));
        // The decoder answers the half (left 0, right 1) under each point; a 2×2 grid prompts each half twice.
        var decoder = await Model("sam-dec", "sam-decoder", OnnxGraphs.SamRegionDecoder(16, 6, 4, Halves, [0.95f, 0.95f]));

        var queued = await (await client.Post($"/datasets/{source.Id}/pseudo-labels", new PseudoLabelRequest
        {
            SamEncoderModelId = encoder.Id, SamDecoderModelId = decoder.Id, Name = "sam-superpixels", AutomaticMasks = new AutomaticMasksDto { PointsPerSide = 2 },
        })).Read<JobDto>(HttpStatusCode.Accepted);
        var job = await client.WaitForJob(queued.Id);
        Assert.True(job.State == JobState.Succeeded, job.Error);
        Assert.Contains("labelled by SAM 'sam-enc' superpixels (labels kept)", job.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Data mIoU", job.Message, StringComparison.Ordinal);
        var image = (await client.Get<ImagePageDto>($"/datasets/{job.ResultDatasetId}/images")).Items.Single(i => i.Stem == "a");
        Assert.All(await Labels(client, job.ResultDatasetId!.Value, image.Id, "pseudo"), v => Assert.Equal(0, v)); // the source's D0
        // Two masks survive NMS; equal areas and IoU paint in grid order: the left half is superpixel 1, the right 2.
        Assert.Equal(Halves.Select(h => h + 1), await Superpixels(client, job.ResultDatasetId!.Value, image.Id));
    }

    [Fact]
    public async Task A_pseudo_labelled_world_with_sam_superpixels_runs_a_round_to_querying()
    {
        string world = _scratch.WriteWorld();
        await using var engine = new EngineFactory(_scratch.Data, new Dictionary<string, string?> { ["AllowedImportRoots"] = _scratch.Imports });
        var client = engine.CreateClient();
        var source = await client.ImportWorld("world", world);
        async Task<ModelDto> Model(string name, string role, byte[] bytes) =>
            await (await client.PostAsync("/models", ModelsApiTests.Upload(name, role, bytes))).Read<ModelDto>(HttpStatusCode.Created);
        var semantic = await Model("conv", "semantic", OnnxGraphs.Semantic(source.Classes.Count));
        var encoder = await Model("sam-enc", "sam-encoder", OnnxGraphs.SamEncoder(16));
        // Regions: the 32×32 world's 8×8 tiles, each a SAM mask.
        var decoder = await Model("sam-dec", "sam-decoder", OnnxGraphs.SamRegionDecoder(16, 32, 32, [.. Enumerable.Range(0, 1024).Select(p => (p % 32 / 8) + (4 * (p / 32 / 8)))],
            [.. Enumerable.Repeat(0.95f, 16)]));

        var job = await client.WaitForJob((await (await client.Post($"/datasets/{source.Id}/pseudo-labels", new PseudoLabelRequest
        {
            ModelId = semantic.Id, SamEncoderModelId = encoder.Id, SamDecoderModelId = decoder.Id, Name = "world-pseudo", AutomaticMasks = new AutomaticMasksDto { PointsPerSide = 8 },
        })).Read<JobDto>(HttpStatusCode.Accepted)).Id);
        Assert.True(job.State == JobState.Succeeded, job.Error);
        var image = (await client.Get<ImagePageDto>($"/datasets/{job.ResultDatasetId}/images?limit=1")).Items.Single();
        Assert.Equal(16, (await Superpixels(client, job.ResultDatasetId!.Value, image.Id)).Distinct().Count());

        var project = await client.CreateProject(job.ResultDatasetId!.Value, "on-pseudo-labels");
        var round = await client.RunRound(project.Id);
        Assert.Equal((RoundState.Querying, 6), (round.State, round.Queries));
    }

    [Fact]
    public async Task Requests_that_cannot_work_are_4xx_naming_why_and_queue_nothing()
    {
        await using var engine = new EngineFactory(_scratch.Data);
        var client = engine.CreateClient();
        var source = await SourceDataset(client, "photos");
        var empty = await (await client.Post("/datasets", new CreateDatasetRequest { Name = "empty", Classes = Colors })).Read<DatasetDto>(HttpStatusCode.Created);
        async Task<ModelDto> Model(string name, string role, byte[] bytes) =>
            await (await client.PostAsync("/models", ModelsApiTests.Upload(name, role, bytes))).Read<ModelDto>(HttpStatusCode.Created);
        var three = await Model("three", "semantic", OnnxGraphs.Semantic(3));
        var five = await Model("five", "semantic", OnnxGraphs.Semantic(5));
        var decoder = await Model("sam", "sam-decoder", OnnxGraphs.SamDecoder());

        async Task<string> Refused(long datasetId, object body, int status) =>
            (await (await client.Post($"/datasets/{datasetId}/pseudo-labels", body)).Problem(status)).GetProperty("detail").GetString()!;

        Assert.Contains("Dataset 999", await Refused(999, new PseudoLabelRequest { ModelId = three.Id, Name = "x" }, 404), StringComparison.Ordinal);
        Assert.Contains("modelId 999 names no uploaded model", await Refused(source.Id, new PseudoLabelRequest { ModelId = 999, Name = "x" }, 422), StringComparison.Ordinal);
        Assert.Contains("modelId: model 3 'sam' is a sam-decoder model; it must be a semantic one", await Refused(source.Id, new PseudoLabelRequest { ModelId = decoder.Id, Name = "x" }, 422), StringComparison.Ordinal);
        Assert.Contains("answers 5 classes; dataset", await Refused(source.Id, new PseudoLabelRequest { ModelId = five.Id, Name = "x" }, 422), StringComparison.Ordinal);
        Assert.Contains("has no images to label", await Refused(empty.Id, new PseudoLabelRequest { ModelId = three.Id, Name = "x" }, 422), StringComparison.Ordinal);
        Assert.Contains("A dataset named 'empty' already exists", await Refused(source.Id, new PseudoLabelRequest { ModelId = three.Id, Name = "empty" }, 409), StringComparison.Ordinal);
        Assert.Contains("name is required", await Refused(source.Id, new PseudoLabelRequest { ModelId = three.Id, Name = " " }, 400), StringComparison.Ordinal);
        Assert.Contains("superpixels=masks needs the Grounded-SAM models", await Refused(source.Id, new PseudoLabelRequest { ModelId = three.Id, Name = "x", Superpixels = SuperpixelSource.Masks }, 400), StringComparison.Ordinal);
        Assert.Contains("slicSegments must be", await Refused(source.Id, new PseudoLabelRequest { ModelId = three.Id, Name = "x", SlicSegments = 3 }, 400), StringComparison.Ordinal);
        await Refused(source.Id, new { modelId = three.Id, name = "x", superpixels = "sam" }, 400);
        await Refused(source.Id, new { modelId = three.Id, name = "x", iterations = 3 }, 400);
        await Refused(source.Id, new { name = "x" }, 400);

        // Nothing was queued: the first job accepted now is job 1.
        var job = await (await client.Post($"/datasets/{source.Id}/pseudo-labels", new PseudoLabelRequest { ModelId = three.Id, Name = "x" })).Read<JobDto>(HttpStatusCode.Accepted);
        Assert.Equal(1, job.Id);
        Assert.Equal(["photos", "empty"], (await client.Get<List<DatasetDto>>("/datasets")).Select(d => d.Name).Take(2));
    }

    public void Dispose() => _scratch.Dispose();

    // Two images: a (train, all-red D0, left/right halves as superpixels and as ground truth) and b (val, no ground truth).
    private static async Task<DatasetDto> SourceDataset(HttpClient client, string name)
    {
        var dataset = await (await client.Post("/datasets", new CreateDatasetRequest { Name = name, Classes = Colors })).Read<DatasetDto>(HttpStatusCode.Created);
        byte[] red = LabelMapFile.Encode(new LabelMap(6, 4, 3, new byte[24]));
        byte[] halves = SuperpixelMapFile.Encode(new SuperpixelMap(6, 4, Halves));
        byte[] truth = LabelMapFile.Encode(new LabelMap(6, 4, 3, [.. Halves.Select(v => (byte)v)]));
        foreach (var (stem, split, photo, gt) in new[] { ("a", "train", PhotoA, truth), ("b", "val", PhotoB, null) })
        {
            var form = new MultipartFormDataContent
            {
                { new StringContent(stem), "stem" },
                { new StringContent(split), "split" },
                { new ByteArrayContent(RgbImageCodec.EncodePng(photo)), "image", "photo.png" },
                { new ByteArrayContent(red), "pseudo", "pseudo.png" },
                { new ByteArrayContent(halves), "superpixels", "superpixels.png" },
            };
            if (gt is not null)
            {
                form.Add(new ByteArrayContent(gt), "gt", "gt.png");
            }

            (await client.PostAsync($"/datasets/{dataset.Id}/images", form)).EnsureSuccessStatusCode();
        }

        return dataset;
    }

    private static async Task<byte[]> Labels(HttpClient client, long datasetId, long imageId, string source) =>
        LabelMapFile.Read(await client.GetStreamAsync($"/datasets/{datasetId}/images/{imageId}/labels.png?source={source}"), "labels.png", 3).Labels.ToArray();

    private static async Task<int[]> Superpixels(HttpClient client, long datasetId, long imageId) =>
        SuperpixelMapFile.Read(await client.GetStreamAsync($"/datasets/{datasetId}/images/{imageId}/superpixels.png"), "superpixels.png").Ids.ToArray();
}
