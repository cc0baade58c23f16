using System.Net;
using Alc.Core.Metrics;
using Alc.Engine.Server.Contracts;

namespace Alc.Engine.Server.Tests;

/// <summary>Whole campaigns through the real HTTP pipeline and a real SQLite file.</summary>
public sealed class CampaignTests : IDisposable
{
    private readonly Scratch _scratch = new();

    [Fact]
    public async Task Two_rounds_answered_from_ground_truth_by_annotators_correct_the_labels_and_record_metrics()
    {
        string world = _scratch.WriteWorld();
        using var engine = new EngineFactory(_scratch.Data, new Dictionary<string, string?> { ["AllowedImportRoots"] = _scratch.Imports });
        var client = engine.CreateClient();
        var dataset = await client.ImportWorld("world", world);
        Assert.Equal(8, dataset.TrainImages);
        Assert.Equal(4, dataset.ValImages);
        var project = await client.CreateProject(dataset.Id, "people");
        var truth = new GroundTruth(client, dataset.Id, dataset.Classes.Count);
        var answeredSuperpixels = new HashSet<(long, int)>();

        for (int number = 1; number <= 2; number++)
        {
            var round = await client.RunRound(project.Id);
            Assert.Equal(RoundState.Querying, round.State);
            Assert.Equal(6, round.Queries);

            var batch = await client.Lease(project.Id, "ann", 100);
            Assert.Equal(6, batch.Queries.Count);
            Assert.All(batch.Queries, q => Assert.Equal("ann", q.LeaseOwner));
            // An answered superpixel leaves the pool: round 2 never asks about round 1's superpixels again.
            Assert.All(batch.Queries, q => Assert.True(answeredSuperpixels.Add((q.ImageId, q.SuperpixelId)), $"superpixel {q.SuperpixelId} of image {q.ImageId} asked twice"));

            var answers = new List<AnswerItem>();
            foreach (var q in batch.Queries)
            {
                answers.Add(await truth.Answer(q));
            }

            var result = await (await client.Answer(project.Id, $"round-{number}", new AnswerBatchRequest { Annotator = "ann", Answers = answers }))
                .Read<AnswerBatchResponse>();
            Assert.Equal(6, result.Accepted);
            Assert.True(result.RoundClosed);
            Assert.Equal(0, result.Remaining);
            Assert.Equal(answers.Count(a => a.Verdict == Verdict.Correct), result.Corrections);

            // The corrected pixel now carries the answer in the project's current labels.
            foreach (var (q, a) in batch.Queries.Zip(answers).Where(p => p.Second.Verdict == Verdict.Correct))
            {
                var current = await truth.Map(q.ImageId, projectId: project.Id);
                Assert.Equal(a.Label, current[(q.Y * current.Width) + q.X]);
            }

            Assert.Equal(RoundState.Closed, (await client.Get<RoundDto>($"/projects/{project.Id}/rounds/{number}")).State);
        }

        var metrics = await client.Get<ProjectMetricsDto>($"/projects/{project.Id}/metrics");
        Assert.Equal(2, metrics.Rounds.Count);
        Assert.All(metrics.Rounds, r => Assert.Equal(6, r.Clicks));
        Assert.Equal(12, metrics.Rounds[^1].CumulativeClicks);
        Assert.All(metrics.Rounds, r => Assert.NotNull(r.ModelMIoU));
        Assert.All(metrics.Rounds, r => Assert.InRange(r.Precision!.Value, 0, 1));

        // Data mIoU recorded at closing equals the mIoU of the labels the project serves, measured here independently.
        var matrix = new ConfusionMatrix(dataset.Classes.Count);
        var images = await client.Get<ImagePageDto>($"/datasets/{dataset.Id}/images?split=train");
        foreach (var image in images.Items)
        {
            var expected = await truth.Map(image.Id);
            var actual = await truth.Map(image.Id, projectId: project.Id);
            matrix.Add(expected.Labels, actual.Labels);
        }

        Assert.Equal(matrix.MeanIoU(), metrics.Rounds[^1].DataMIoU!.Value, 12);

        // The engine's own gt oracle, with the same seed, asks the same queries and reaches the same labels as the annotators did over HTTP.
        var oracle = await client.CreateProject(dataset.Id, "oracle", OracleKind.Gt);
        for (int number = 1; number <= 2; number++)
        {
            Assert.Equal(RoundState.Closed, (await client.RunRound(oracle.Id)).State);
        }

        Assert.Equal(await client.GetByteArrayAsync($"/projects/{project.Id}/export?format=coco"),
            await client.GetByteArrayAsync($"/projects/{oracle.Id}/export?format=coco"));

        var again = await client.Get<ProjectDto>($"/projects/{project.Id}");
        Assert.Equal(12, again.Totals.Answers);
        Assert.Equal(2, again.Totals.Rounds);
        Assert.Equal(metrics.Rounds.Sum(r => r.Bits), again.Totals.Bits, 9);
    }

    [Fact]
    public async Task A_gt_oracle_project_runs_its_rounds_without_annotators_and_a_restarted_engine_rederives_the_same_labels()
    {
        string world = _scratch.WriteWorld();
        var settings = new Dictionary<string, string?> { ["AllowedImportRoots"] = _scratch.Imports };
        long projectId, datasetId;
        byte[] before;
        using (var engine = new EngineFactory(_scratch.Data, settings))
        {
            var client = engine.CreateClient();
            var dataset = await client.ImportWorld("world", world);
            datasetId = dataset.Id;
            var project = await client.CreateProject(dataset.Id, "oracle", OracleKind.Gt);
            projectId = project.Id;
            for (int number = 1; number <= 2; number++)
            {
                var round = await client.RunRound(project.Id);
                Assert.Equal(RoundState.Closed, round.State);
                Assert.Equal(6, round.Answered);
            }

            var metrics = await client.Get<ProjectMetricsDto>($"/projects/{project.Id}/metrics");
            Assert.Equal([6L, 12L], metrics.Rounds.Select(r => r.CumulativeClicks));
            Assert.All(metrics.Rounds, r => Assert.NotNull(r.DataMIoU));
            before = await client.GetByteArrayAsync($"/projects/{project.Id}/export?format=coco");
        }

        // A new process knows D_t only from D0 and the answer log.
        using (var engine = new EngineFactory(_scratch.Data, settings))
        {
            var client = engine.CreateClient();
            byte[] after = await client.GetByteArrayAsync($"/projects/{projectId}/export?format=coco");
            Assert.Equal(before, after);
            byte[] initial = await client.GetByteArrayAsync($"/datasets/{datasetId}/export?format=coco");
            Assert.NotEqual(initial, after);
        }
    }

    public void Dispose() => _scratch.Dispose();
}
