using System.Text.Json;
using Alc.Cli;

namespace Alc.Client.Tests;

/// <summary>The <c>alc</c> commands through the real parser against the in-process engine.</summary>
public sealed class CliTests
{
    private static Task<(int Code, string Output)> Alc(InProcessEngine engine, params string[] args) => CliRunner.RunAsync(args, (_, _) => engine.Api);

    private static T Json<T>(string output) => JsonSerializer.Deserialize<T>(output, AlcJson.Options)!;

    [Fact]
    public async Task A_round_from_the_command_line_import_create_train_lease_answer_metrics_export()
    {
        await using var engine = new InProcessEngine();
        var (code, output) = await Alc(engine, "datasets", "import", "--name", "world", "--path", engine.World);
        Assert.True(code == 0, output);
        Assert.Contains("world", output, StringComparison.Ordinal);
        var datasets = Json<List<DatasetDto>>((await Alc(engine, "datasets", "list", "--json")).Output);
        Assert.Equal(8, datasets.Single().TrainImages);

        (code, output) = await Alc(engine, "projects", "create", "--name", "cli", "--dataset", $"{datasets[0].Id}", "--budget", "5", "--iterations", "4", "--crop", "32", "--json");
        Assert.True(code == 0, output);
        var project = Json<ProjectDto>(output);
        Assert.Equal("default", project.Settings.Acquisition);

        (code, output) = await Alc(engine, "train", $"{project.Id}", "--wait");
        Assert.True(code == 0, output);
        Assert.Contains("succeeded", output, StringComparison.Ordinal);
        var rounds = Json<List<RoundDto>>((await Alc(engine, "rounds", "show", $"{project.Id}", "--json")).Output);
        Assert.Equal((RoundState.Querying, 5), (rounds.Single().State, rounds[0].Queries));

        var batch = Json<QueryBatchDto>((await Alc(engine, "queries", "next", $"{project.Id}", "--annotator", "ann", "--count", "5", "--json")).Output);
        Assert.Equal(5, batch.Queries.Count);
        // The table says what each answer covers: the superpixel, or a region check's region.
        string table = (await Alc(engine, "queries", "next", $"{project.Id}", "--annotator", "ann", "--count", "5")).Output;
        Assert.All(batch.Queries, q => Assert.Contains(q.Region is { } r ? $"{r.Pixels} px region" : $"superpixel {q.SuperpixelId}", table, StringComparison.Ordinal));
        // --json spells enum values as the API does, and queries show writes the query's picture and reads its ground truth.
        string leased = (await Alc(engine, "queries", "next", $"{project.Id}", "--annotator", "ann", "--count", "1", "--json")).Output;
        Assert.Matches("\"kind\": \"(pixel|region)\"", leased);
        Assert.DoesNotContain("\"Pixel\"", leased, StringComparison.Ordinal);
        string picture = Path.Combine(engine.Scratch.Root, "query.png");
        (code, output) = await Alc(engine, "queries", "show", $"{batch.Queries[0].Id}", "--save", picture, "--truth", "--json");
        Assert.True(code == 0, output);
        using (var shown = JsonDocument.Parse(output))
        {
            Assert.Equal(batch.Queries[0].Id, shown.RootElement.GetProperty("query").GetProperty("id").GetInt64());
            var truth = await engine.Api.GetQueryGroundTruthAsync(batch.Queries[0].Id).ContentOrThrow();
            Assert.Equal(truth.Label, shown.RootElement.GetProperty("truth").GetProperty("label").GetInt32());
            Assert.Equal(picture, shown.RootElement.GetProperty("saved").GetString());
        }

        using (var crop = await engine.Api.GetQueryCropAsync(batch.Queries[0].Id).EnsureSuccess())
        {
            Assert.Equal(await crop.Content.ReadAsByteArrayAsync(), await File.ReadAllBytesAsync(picture));
        }

        string showTable = (await Alc(engine, "queries", "show", $"{batch.Queries[0].Id}")).Output;
        Assert.Contains($"x {batch.Queries[0].X}, y {batch.Queries[0].Y}", showTable, StringComparison.Ordinal);
        Assert.DoesNotContain("ground truth", showTable, StringComparison.Ordinal);
        Assert.Contains("cli", (await Alc(engine, "projects", "list")).Output, StringComparison.Ordinal);
        var listed = Json<QueryPageDto>((await Alc(engine, "queries", "list", $"{project.Id}", "--state", "open", "--json")).Output);
        Assert.Equal(batch.Queries.Select(q => q.Id).Order(), listed.Items.Select(q => q.Id).Order());
        Assert.All(listed.Items, q => Assert.Equal("ann", q.LeaseOwner));

        string file = Path.Combine(engine.Scratch.Root, "answers.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new AnswerBatchRequest
        {
            Annotator = "ann",
            Answers = batch.Queries.Select(q => new AnswerItem { QueryId = q.Id, Verdict = Verdict.Confirm, ElapsedMs = 1000 }).ToList(),
        }, AlcJson.Options));
        (code, output) = await Alc(engine, "answers", "submit", $"{project.Id}", file);
        Assert.True(code == 0, output);
        Assert.Contains("yes", output, StringComparison.Ordinal);
        // The same file again is the same Idempotency-Key: the first result, nothing stored twice.
        Assert.Equal(5, Json<AnswerBatchResponse>((await Alc(engine, "answers", "submit", $"{project.Id}", file, "--json")).Output).Accepted);

        var metrics = Json<ProjectMetricsDto>((await Alc(engine, "metrics", $"{project.Id}", "--json")).Output);
        Assert.Equal(5, metrics.Rounds.Single().Clicks);
        string metricsTable = (await Alc(engine, "metrics", $"{project.Id}")).Output;
        Assert.Contains("D0 Data mIoU", metricsTable, StringComparison.Ordinal);
        var automated = metrics.Rounds.Single().AutomatedCorrection!;
        Assert.Contains($"checks {automated.ChecksAnswered}/{automated.Checks}", metricsTable, StringComparison.Ordinal);
        Assert.Contains("closed", (await Alc(engine, "projects", "show", $"{project.Id}")).Output, StringComparison.Ordinal);

        string zip = Path.Combine(engine.Scratch.Root, "labels.zip");
        (code, output) = await Alc(engine, "export", $"{project.Id}", "--format", "voc", "--out", zip);
        Assert.True(code == 0, output);
        using var archive = System.IO.Compression.ZipFile.OpenRead(zip);
        // Both splits: the training split's D_t and the validation split's imported labels, under the project's name.
        Assert.Equal(datasets[0].TrainImages + datasets[0].ValImages, archive.Entries.Count(e => e.FullName.StartsWith("cli/SegmentationClass/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Models_upload_and_a_pseudo_label_job_make_a_new_dataset_from_the_command_line()
    {
        await using var engine = new InProcessEngine();
        var dataset = await engine.ImportWorld();
        string onnx = Path.Combine(engine.Scratch.Root, "conv.onnx");
        await File.WriteAllBytesAsync(onnx, global::Alc.Engine.Server.Tests.Models.OnnxGraphs.Semantic(dataset.Classes.Count));
        var (code, output) = await Alc(engine, "models", "upload", onnx, "--name", "conv", "--role", "semantic", "--json");
        Assert.True(code == 0, output);
        var model = Json<List<ModelDto>>(output).Single();
        Assert.Equal(("semantic", dataset.Classes.Count), (model.Role, model.Classes));
        Assert.Contains("conv", (await Alc(engine, "models", "list")).Output, StringComparison.Ordinal);

        (code, output) = await Alc(engine, "datasets", "pseudo-label", $"{dataset.Id}", "--name", "world-conv", "--model", $"{model.Id}", "--superpixels", "slic", "--json");
        Assert.True(code == 0, output);
        var made = Json<List<DatasetDto>>(output).Single();
        Assert.Equal(("world-conv", dataset.TrainImages, dataset.ValImages), (made.Name, made.TrainImages, made.ValImages));

        (code, output) = await Alc(engine, "datasets", "pseudo-label", $"{dataset.Id}", "--name", "nothing");
        Assert.Equal(1, code);
        Assert.Contains("Give modelId (a semantic model), or detectorModelId with the SAM models", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusals_print_the_problem_and_exit_1()
    {
        await using var engine = new InProcessEngine();
        var (code, output) = await Alc(engine, "projects", "show", "42");
        Assert.Equal(1, code);
        Assert.Contains("404", output, StringComparison.Ordinal);
        Assert.Contains("Project 42 does not exist", output, StringComparison.Ordinal);
        (code, output) = await Alc(engine, "datasets", "import", "--name", "x", "--path", "/etc");
        Assert.Equal(1, code);
        Assert.Contains("403", output, StringComparison.Ordinal);
        string broken = Path.Combine(engine.Scratch.Root, "broken.json");
        await File.WriteAllTextAsync(broken, "{ not json");
        (code, output) = await Alc(engine, "answers", "submit", "1", broken);
        Assert.Equal(1, code);
        Assert.Contains("not an answer batch", output, StringComparison.Ordinal);

        // An engine without CVAT settings: alc cvat push names the settings to set.
        (code, output) = await Alc(engine, "cvat", "push", "1");
        Assert.Equal(1, code);
        Assert.Contains("409", output, StringComparison.Ordinal);
        Assert.Contains("ALC_CVAT__URL", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Datasets_import_takes_exactly_one_source_and_converts_a_voc_folder_on_the_engine()
    {
        await using var engine = new InProcessEngine();
        var (code, output) = await Alc(engine, "datasets", "import", "--name", "x", "--path", engine.World, "--zip", "a.zip");
        Assert.NotEqual(0, code);
        Assert.Contains("exactly one of --path, --voc, --coco or --zip", output, StringComparison.Ordinal);
        (code, output) = await Alc(engine, "datasets", "import", "--name", "x", "--coco", "a.json");
        Assert.NotEqual(0, code);
        Assert.Contains("--coco needs --images", output, StringComparison.Ordinal);
        (code, output) = await Alc(engine, "datasets", "import", "--name", "x", "--path", engine.World, "--slic-segments", "50");
        Assert.NotEqual(0, code);
        Assert.Contains("--slic-segments goes with --voc only", output, StringComparison.Ordinal);

        // The engine refuses an ALC folder given as VOC and says why; a VOC folder (the world's photos and gt as VOC) converts.
        (code, output) = await Alc(engine, "datasets", "import", "--name", "x", "--voc", engine.World);
        Assert.Equal(1, code);
        Assert.Contains("SegmentationClass", output, StringComparison.Ordinal);
        string voc = Path.Combine(engine.Scratch.Imports, "voc");
        foreach (string stem in File.ReadAllLines(Path.Combine(engine.World, "splits", "train.txt")))
        {
            Directory.CreateDirectory(Path.Combine(voc, "JPEGImages"));
            Directory.CreateDirectory(Path.Combine(voc, "SegmentationClass"));
            File.Copy(Path.Combine(engine.World, "images", stem + ".png"), Path.Combine(voc, "JPEGImages", stem + ".png"));
            File.Copy(Path.Combine(engine.World, "gt", stem + ".png"), Path.Combine(voc, "SegmentationClass", stem + ".png"));
        }

        (code, output) = await Alc(engine, "datasets", "import", "--name", "voc", "--voc", voc, "--slic-segments", "20", "--json");
        Assert.True(code == 0, output);
        var dataset = Json<List<DatasetDto>>(output).Single();
        Assert.Equal((8, 0, 21), (dataset.TrainImages, dataset.ValImages, dataset.Classes.Count));
    }

    [Theory]
    [InlineData("120", false, 120)]
    [InlineData("120", true, 120)]
    [InlineData(null, true, Terminal.PipedWidth)]
    [InlineData("", true, Terminal.PipedWidth)]
    [InlineData("0", true, Terminal.PipedWidth)]
    [InlineData("-5", true, Terminal.PipedWidth)]
    [InlineData("wide", true, Terminal.PipedWidth)]
    [InlineData(null, false, null)]
    [InlineData("abc", false, null)]
    public void The_width_is_columns_when_set_else_unwrapped_when_piped_else_the_terminals(string? columns, bool redirected, int? expected) =>
        Assert.Equal(expected, Terminal.Width(columns, redirected));

    [Fact]
    public async Task A_table_piped_to_a_narrow_default_would_wrap_but_the_piped_width_keeps_every_row_on_one_line()
    {
        await using var engine = new InProcessEngine();
        await Alc(engine, "datasets", "import", "--name", "a-rather-long-dataset-name-that-would-wrap-at-eighty-columns", "--path", engine.World);
        var narrow = await CliRunner.RunAsync(["datasets", "list"], (_, _) => engine.Api, width: 40);
        var piped = await CliRunner.RunAsync(["datasets", "list"], (_, _) => engine.Api, width: Terminal.PipedWidth);
        const string name = "a-rather-long-dataset-name-that-would-wrap-at-eighty-columns";
        Assert.Contains(name, piped.Output, StringComparison.Ordinal); // the whole cell on one line
        Assert.DoesNotContain(name, narrow.Output, StringComparison.Ordinal); // what a fixed narrow width does to a cell
    }
}
