using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Alc.Imaging.Maps;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace Alc.Client.Tests;

/// <summary>The SDK against the real engine in-process: every operation of the document, typed results, problem+json as exceptions.</summary>
public sealed class SdkTests
{
    [Fact]
    public async Task Every_operation_of_the_document_works_through_the_sdk()
    {
        await using var engine = new InProcessEngine();
        var api = engine.Api;
        Assert.Equal("ok", (await api.GetHealthAsync().ContentOrThrow()).Status);
        Assert.Equal("ok", (await api.GetReadinessAsync().ContentOrThrow()).Status);

        // Datasets: server-path import, zip upload, and one built image by image.
        var dataset = await engine.ImportWorld();
        string zip = Path.Combine(engine.Scratch.Root, "world.zip");
        ZipFile.CreateFromDirectory(engine.World, zip);
        await using (var stream = File.OpenRead(zip))
        {
            var uploaded = await api.UploadDatasetAsync(new StreamPart(stream, "world.zip", "application/zip"), "uploaded").ContentOrThrow();
            Assert.Equal(dataset.TrainImages, uploaded.TrainImages);
        }

        var manual = await api.CreateDatasetAsync(new CreateDatasetRequest { Name = "manual", Classes = dataset.Classes }).ContentOrThrow();
        var images = await api.ListImagesAsync(dataset.Id, "train", 0, 100).ContentOrThrow();
        var first = images.Items[0];
        string stem = first.Stem;
        await using (var photo = File.OpenRead(Path.Combine(engine.World, "images", stem + ".png")))
        await using (var pseudo = File.OpenRead(Path.Combine(engine.World, "pseudo", stem + ".png")))
        await using (var superpixels = File.OpenRead(Path.Combine(engine.World, "superpixels", stem + ".png")))
        {
            var added = await api.AddImageAsync(manual.Id, new StreamPart(photo, "p.png", "image/png"), new StreamPart(pseudo, "l.png", "image/png"), "train", stem,
                new StreamPart(superpixels, "s.png", "image/png")).ContentOrThrow();
            Assert.Equal((stem, false), (added.Stem, added.HasGroundTruth));
        }

        Assert.Equal(3, (await api.ListDatasetsAsync().ContentOrThrow()).Count);
        Assert.Equal(dataset.Name, (await api.GetDatasetAsync(dataset.Id).ContentOrThrow()).Name);
        Assert.Equal(first.Width, (await api.GetImageAsync(dataset.Id, first.Id).ContentOrThrow()).Width);
        using (var photo = await api.GetImagePhotoAsync(dataset.Id, first.Id).EnsureSuccess())
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(engine.World, "images", stem + ".png")), await photo.Content.ReadAsByteArrayAsync());
        }

        using (var gt = await api.GetImageLabelsAsync(dataset.Id, first.Id, "gt").EnsureSuccess())
        {
            var expected = LabelMapFile.Read(Path.Combine(engine.World, "gt", stem + ".png"), dataset.Classes.Count);
            Assert.Equal(expected.Labels.ToArray(), LabelMapFile.Read(await gt.Content.ReadAsStreamAsync(), "gt", dataset.Classes.Count).Labels.ToArray());
        }

        using (var ids = await api.GetImageSuperpixelsAsync(dataset.Id, first.Id).EnsureSuccess())
        {
            var expected = SuperpixelMapFile.Read(Path.Combine(engine.World, "superpixels", stem + ".png"));
            Assert.Equal(expected.Ids.ToArray(), SuperpixelMapFile.Read(await ids.Content.ReadAsStreamAsync(), "s").Ids.ToArray());
        }

        using (var export = await api.ExportDatasetAsync(dataset.Id, "coco", "gt").EnsureSuccess())
        {
            Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        }

        // A project, a cancelled round, and a round run to completion.
        var project = await api.CreateProjectAsync(new CreateProjectRequest { Name = "p", DatasetId = dataset.Id, Budget = 6, Iterations = 4, CropSize = 32, BatchSize = 4 })
            .ContentOrThrow();
        Assert.Equal("default", project.Settings.Acquisition);
        var slow = await api.CreateProjectAsync(new CreateProjectRequest { Name = "slow", DatasetId = dataset.Id, Iterations = 20_000, CropSize = 32 }).ContentOrThrow();
        var cancelled = await api.StartRoundAsync(slow.Id).ContentOrThrow();
        await api.CancelJobAsync(cancelled.Job.Id).ContentOrThrow();
        Assert.Equal(JobState.Cancelled, (await api.WaitForJobAsync(cancelled.Job.Id)).State);

        var started = await api.StartRoundAsync(project.Id).ContentOrThrow();
        Assert.Equal(RoundState.Training, started.Round.State);
        var progress = new List<JobDto>();
        var done = await api.WaitForJobAsync(started.Job.Id, new SyncProgress(progress));
        Assert.Equal(JobState.Succeeded, done.State);
        Assert.Equal(JobState.Succeeded, (await api.GetJobAsync(started.Job.Id).ContentOrThrow()).State);
        Assert.Equal(RoundState.Querying, (await api.GetRoundAsync(project.Id, 1).ContentOrThrow()).State);
        Assert.Single(await api.ListRoundsAsync(project.Id).ContentOrThrow());

        var batch = await api.LeaseQueriesAsync(project.Id, new LeaseRequest { Annotator = "ann", Count = 4 }).ContentOrThrow();
        Assert.Equal(4, batch.Queries.Count);
        var query = await api.GetQueryAsync(batch.Queries[0].Id).ContentOrThrow();
        Assert.Equal("ann", query.LeaseOwner);
        using (var crop = await api.GetQueryCropAsync(query.Id).EnsureSuccess())
        {
            Assert.Equal("image/png", crop.Content.Headers.ContentType?.MediaType);
        }

        using (var context = await api.GetQueryContextAsync(query.Id).EnsureSuccess())
        {
            Assert.Equal("image/png", context.Content.Headers.ContentType?.MediaType);
        }

        var listed = await api.ListRoundQueriesAsync(project.Id, 1, "all", 0, 100).ContentOrThrow();
        Assert.Equal(((await api.GetRoundAsync(project.Id, 1).ContentOrThrow()).Queries, batch.Queries[0].Id), (listed.Total, listed.Items[0].Id));

        // The world carries ground truth, so an administrator (a simulated annotator) can read the pixel's true class.
        var truth = await api.GetQueryGroundTruthAsync(query.Id).ContentOrThrow();
        Assert.Equal((query.Id, query.ShownLabel, truth.Label == query.ShownLabel), (truth.QueryId, truth.ShownLabel, truth.ShownIsRight));
        Assert.Equal(truth.Label == 255 ? "ignore" : dataset.Classes[truth.Label].Name, truth.Class);

        // The annotator's view of the project, and its first server-sent event (the stream stays open; one event is enough).
        var view = await api.GetAnnotationProjectAsync(project.Id).ContentOrThrow();
        Assert.Equal((RoundState.Querying, dataset.Classes.Count), (view.Round!.State, view.Classes.Count));
        Assert.Contains(await api.ListAnnotationProjectsAsync().ContentOrThrow(), p => p.Id == project.Id);
        using (var events = await api.GetAnnotationProjectEventsAsync(project.Id).EnsureSuccess())
        {
            using var reader = new StreamReader(await events.Content.ReadAsStreamAsync());
            Assert.Equal("event: project", await reader.ReadLineAsync());
        }

        // The default strategy's region checks come with their region; a pixel query has none.
        using (var region = await api.GetQueryRegionAsync(query.Id))
        {
            Assert.Equal(query.Kind == QueryKind.Region ? HttpStatusCode.OK : HttpStatusCode.NotFound, region.StatusCode);
            Assert.Equal(query.Kind == QueryKind.Region, query.Region is not null);
        }

        var answers = new AnswerBatchRequest
        {
            Annotator = "ann",
            Answers = [new AnswerItem { QueryId = query.Id, Verdict = Verdict.Correct, Label = (query.ShownLabel + 1) % dataset.Classes.Count, ElapsedMs = 2000 },
                new AnswerItem { QueryId = batch.Queries[1].Id, Verdict = Verdict.Confirm }],
        };
        var response = await api.SubmitAnswersAsync(project.Id, answers, "k1").ContentOrThrow();
        Assert.Equal((2, 1, false), (response.Accepted, response.Corrections, response.RoundClosed));
        Assert.Equal(response.Remaining, (await api.SubmitAnswersAsync(project.Id, answers, "k1").ContentOrThrow()).Remaining);

        using (var labels = await api.GetProjectImageLabelsAsync(project.Id, query.ImageId).EnsureSuccess())
        {
            var map = LabelMapFile.Read(await labels.Content.ReadAsStreamAsync(), "d_t", dataset.Classes.Count);
            Assert.Equal(answers.Answers[0].Label, map[(query.Y * map.Width) + query.X]);
        }

        // The Label Studio endpoints through the SDK (their protocol's JSON is untyped: Label Studio defines it).
        Assert.True((await api.LabelStudioHealthAsync(project.Id)).IsSuccessStatusCode);
        Assert.True((await api.LabelStudioSetupAsync(project.Id, new Dictionary<string, object> { ["project"] = "1.1" })).IsSuccessStatusCode);
        Assert.True((await api.LabelStudioPredictAsync(project.Id, new Dictionary<string, object> { ["tasks"] = Array.Empty<object>() })).IsSuccessStatusCode);
        Assert.True((await api.LabelStudioMetricsAsync(project.Id)).IsSuccessStatusCode);
        Assert.True((await api.LabelStudioTasksAsync(project.Id)).IsSuccessStatusCode);
        Assert.True((await api.LabelStudioExportAsync(project.Id)).IsSuccessStatusCode);
        Assert.True((await api.LabelStudioWebhookAsync(project.Id, new Dictionary<string, object> { ["action"] = "PROJECT_UPDATED" })).IsSuccessStatusCode);
        using (var config = await api.LabelStudioConfigAsync(project.Id).EnsureSuccess())
        using (var segmentation = await api.LabelStudioSegmentationConfigAsync(project.Id).EnsureSuccess())
        using (var photo = await api.LabelStudioImageAsync(project.Id, query.ImageId).EnsureSuccess())
        {
            Assert.Contains("verdict", await config.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Contains("BrushLabels", await segmentation.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
        }

        // The CVAT endpoints through the SDK: this engine has no CVAT configured, so the push says what to set and the webhook is closed.
        var cvatPush = await api.CvatPushAsync(project.Id);
        Assert.Equal(HttpStatusCode.Conflict, cvatPush.StatusCode);
        Assert.Contains("ALC_CVAT__URL", cvatPush.Error!.Message + (cvatPush.Error as Refit.ApiException)?.Content, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.CvatWebhookAsync(project.Id, new Dictionary<string, object> { ["event"] = "ping" })).StatusCode);

        Assert.Equal(RoundState.Closed, (await api.CloseRoundAsync(project.Id, 1).ContentOrThrow()).State);
        var metrics = await api.GetMetricsAsync(project.Id).ContentOrThrow();
        Assert.Equal(2, metrics.Rounds[0].Clicks);
        var pace = Assert.Single(await api.GetAnnotatorThroughputAsync(project.Id).ContentOrThrow());
        Assert.Equal(("ann", 2, 1, 1.0), (pace.Annotator, pace.Answers, pace.Corrections, pace.MedianSeconds));
        Assert.Equal(1, metrics.Rounds[0].CorrectionsPerClass.Values.Sum());
        var shown = await api.GetProjectAsync(project.Id).ContentOrThrow();
        Assert.Equal(2, shown.Totals.Answers);
        Assert.Equal(2, (await api.ListProjectsAsync().ContentOrThrow()).Count);
        using (var export = await api.ExportProjectAsync(project.Id, "voc").EnsureSuccess())
        {
            Assert.Equal("application/zip", export.Content.Headers.ContentType?.MediaType);
        }

        // An ONNX model through the SDK: uploaded (checked by ONNX Runtime), listed, read, labelling the dataset into a new one as a job, deleted.
        using (var onnx = new MemoryStream(Alc.Engine.Server.Tests.Models.OnnxGraphs.Semantic(dataset.Classes.Count)))
        {
            var uploaded = await api.UploadModelAsync(new Refit.StreamPart(onnx, "model.onnx", "application/octet-stream"), "conv", "semantic").ContentOrThrow();
            Assert.Equal(dataset.Classes.Count, uploaded.Classes);
            Assert.Equal(uploaded.Id, Assert.Single(await api.ListModelsAsync().ContentOrThrow()).Id);
            Assert.Equal("semantic", (await api.GetModelAsync(uploaded.Id).ContentOrThrow()).Role);
            var labelling = await api.PseudoLabelDatasetAsync(dataset.Id, new PseudoLabelRequest { ModelId = uploaded.Id, Name = "sdk-pseudo" }).ContentOrThrow();
            Assert.Equal(("pseudo-labels", dataset.Id), (labelling.Kind, labelling.DatasetId));
            for (var deadline = DateTime.UtcNow.AddMinutes(2); !(labelling.State is JobState.Succeeded or JobState.Failed) && DateTime.UtcNow < deadline; await Task.Delay(100))
            {
                labelling = await api.GetJobAsync(labelling.Id).ContentOrThrow();
            }

            Assert.True(labelling.State == JobState.Succeeded, labelling.Error);
            Assert.Equal("sdk-pseudo", (await api.GetDatasetAsync(labelling.ResultDatasetId!.Value).ContentOrThrow()).Name);
            Assert.True((await api.DeleteModelAsync(uploaded.Id)).IsSuccessStatusCode);
        }

        // Every operation of the document was called at least once.
        var document = await NSwag.OpenApiDocument.FromFileAsync(Repository.OpenApi);
        var requests = engine.Recorder.Requests.ToList();
        var missed = document.Operations
            .Where(o => !requests.Any(r => r.Method.Equals(o.Method, StringComparison.OrdinalIgnoreCase) && Template(o.Path).IsMatch(r.Path)))
            .Select(o => o.Operation.OperationId).ToList();
        Assert.Empty(missed);
    }

    [Fact]
    public async Task Refusals_surface_as_exceptions_carrying_the_problem_and_raw_responses_keep_the_status()
    {
        await using var engine = new InProcessEngine();
        var missing = await Assert.ThrowsAsync<AlcApiException>(() => engine.Api.GetDatasetAsync(999).ContentOrThrow());
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal(404, missing.Problem?.Status);
        Assert.Contains("Dataset 999", missing.Message, StringComparison.Ordinal);

        var raw = await engine.Api.GetDatasetAsync(999);
        Assert.Equal(HttpStatusCode.NotFound, raw.StatusCode);
        var dataset = await engine.ImportWorld();
        var bad = await Assert.ThrowsAsync<AlcApiException>(() =>
            engine.Api.CreateProjectAsync(new CreateProjectRequest { Name = "x", DatasetId = dataset.Id, Acquisition = "psychic" }).ContentOrThrow());
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("known: default, sim", bad.Message, StringComparison.Ordinal);
        Assert.Empty(await engine.Api.ListProjectsAsync().ContentOrThrow());
        await Assert.ThrowsAsync<AlcApiException>(() => engine.Api.GetQueryCropAsync(42).EnsureSuccess());
    }

    [Fact]
    public async Task AddAlcClient_registers_a_client_that_sends_the_api_key()
    {
        await using var engine = new InProcessEngine(new Dictionary<string, string?> { ["AdminKeys"] = "secret" });
        IAlcApi Resolve(string? key)
        {
            var services = new ServiceCollection();
            services.AddAlcClient(engine.Factory.Server.BaseAddress, key).ConfigurePrimaryHttpMessageHandler(() => engine.Factory.Server.CreateHandler());
            return services.BuildServiceProvider().GetRequiredService<IAlcApi>();
        }

        Assert.Empty(await Resolve("secret").ListDatasetsAsync().ContentOrThrow());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Assert.ThrowsAsync<AlcApiException>(() => Resolve(null).ListDatasetsAsync().ContentOrThrow())).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Assert.ThrowsAsync<AlcApiException>(() => engine.WithKey("wrong").ListDatasetsAsync().ContentOrThrow())).Status);
        Assert.Empty(await engine.WithKey("secret").ListDatasetsAsync().ContentOrThrow());
    }

    private static Regex Template(string path) => new("^" + Regex.Replace(Regex.Escape(path), @"\\\{[^}]+}", "[^/]+") + "$");

    private sealed class SyncProgress(List<JobDto> events) : IProgress<JobDto>
    {
        public void Report(JobDto value) => events.Add(value);
    }
}
