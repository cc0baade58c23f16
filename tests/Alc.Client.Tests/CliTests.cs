using System.Text.Json;

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
        Assert.Equal(8, archive.Entries.Count(e => e.FullName.Contains("SegmentationClass/", StringComparison.Ordinal)));
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
}
