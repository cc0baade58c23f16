using System.Net;
using Alc.Core.Maps;
using Alc.Core.World;
using Alc.Engine.Server.Contracts;
using Alc.Imaging.Png;

namespace Alc.Engine.Server.Tests;

/// <summary>
/// The default strategy over HTTP: a project that names no strategy relabels confident regions automatically while its
/// round scores, asks region checks next to SIM's queries, and a restarted engine re-derives the same labels.
/// </summary>
public sealed class DefaultStrategyTests : IDisposable
{
    // Big enough for the judges to disagree with the labels in regions a test can check: 12 train images of 48 px, 4 classes.
    private static readonly WorldOptions World = new() { Seed = 5, Train = 12, Val = 4, Size = 48, Classes = 4, MinObjects = 2, MaxObjects = 4 };

    private readonly Scratch _scratch = new();

    private Dictionary<string, string?> Settings => new() { ["AllowedImportRoots"] = _scratch.Imports };

    [Fact]
    public async Task A_project_naming_no_strategy_corrects_automatically_asks_region_checks_and_a_restarted_engine_rederives_its_labels()
    {
        string world = _scratch.WriteWorld(options: World);
        long projectId;
        DatasetDto dataset;
        var regionPixels = new Dictionary<long, (long ImageId, int[] Pixels)>();
        Dictionary<long, LabelMap> afterRound1;
        using (var engine = new EngineFactory(_scratch.Data, Settings))
        {
            var client = engine.CreateClient();
            dataset = await client.ImportWorld("world", world);
            var project = await CreateDefaultProject(client, dataset.Id, "default", OracleKind.None);
            projectId = project.Id;
            Assert.Equal("default", project.Settings.Acquisition);
            var truth = new GroundTruth(client, dataset.Id, dataset.Classes.Count);
            var train = (await client.Get<ImagePageDto>($"/datasets/{dataset.Id}/images?split=train")).Items;

            Assert.Equal(RoundState.Querying, (await client.RunRound(projectId)).State);
            var automated = (await client.Get<ProjectMetricsDto>($"/projects/{projectId}/metrics")).Rounds[0].AutomatedCorrection;
            Assert.NotNull(automated);
            Assert.Equal(0.95, automated.Threshold);

            // Before any answer, D_t differs from D0 exactly by the automated changes the round recorded, judged against the served ground truth.
            long changed = 0, right = 0;
            var current = new Dictionary<long, LabelMap>();
            foreach (var image in train)
            {
                var before = await truth.Map(image.Id, "pseudo");
                var gt = await truth.Map(image.Id);
                current[image.Id] = await truth.Map(image.Id, projectId: projectId);
                for (int p = 0; p < before.PixelCount; p++)
                {
                    if (before[p] != current[image.Id][p])
                    {
                        changed++;
                        right += current[image.Id][p] == gt[p] ? 1 : 0;
                    }
                }
            }

            Assert.True(automated.Pixels > 0, "the judges relabelled nothing");
            Assert.Equal(automated.Pixels, changed);
            Assert.Equal(automated.PixelsRight, right);

            var queries = (await client.Lease(projectId, "ann", 100)).Queries;
            Assert.Equal(10, queries.Count);
            var regions = queries.Where(q => q.Kind == QueryKind.Region).ToList();
            // Region checks take at most 60 % of B; the rest goes to SIM.
            Assert.InRange(regions.Count, 1, 6);
            Assert.Equal(automated.Checks, regions.Count);
            Assert.All(queries.Where(q => q.Kind == QueryKind.Pixel), q => Assert.Null(q.Region));
            foreach (var q in regions)
            {
                var mask = PngMapCodec.Read(await client.GetByteArrayAsync($"/queries/{q.Id}/region.png"), "region.png").ToBytes();
                int[] pixels = Enumerable.Range(0, mask.Length).Where(p => mask[p] == 255).ToArray();
                Assert.Equal(q.Region!.Pixels, pixels.Length);
                Assert.True(pixels.Length >= 16, $"region of query {q.Id} has {pixels.Length} pixels");
                Assert.Contains((q.Y * World.Size) + q.X, pixels);
                // The RLE the query carries is the same region.
                var rle = Alc.Core.Rle.CocoRle.FromCountsString(q.Region.Counts, q.Region.Size[1], q.Region.Size[0]);
                Assert.Equal(pixels.Length, rle.Area);
                // Every pixel of a region carries the label the check shows.
                Assert.All(pixels, p => Assert.Equal(q.ShownLabel, current[q.ImageId][p]));
                Assert.Equal("image/png", (await client.GetAsync($"/queries/{q.Id}/crop.png")).Content.Headers.ContentType?.MediaType);
                regionPixels[q.Id] = (q.ImageId, pixels);
            }

            await (await client.GetAsync($"/queries/{queries.First(q => q.Kind == QueryKind.Pixel).Id}/region.png")).Problem(404);

            // Region checks first: a correction relabels the whole region, a confirmation leaves it as it was.
            var regionAnswers = new List<AnswerItem>();
            foreach (var q in regions)
            {
                regionAnswers.Add(await truth.Answer(q));
            }

            var result = await (await client.Answer(projectId, "regions", new AnswerBatchRequest { Annotator = "ann", Answers = regionAnswers }))
                .Read<AnswerBatchResponse>();
            Assert.Equal(regions.Count, result.Accepted);
            foreach (var (q, a) in regions.Zip(regionAnswers))
            {
                var labels = await truth.Map(q.ImageId, projectId: projectId);
                Assert.All(regionPixels[q.Id].Pixels, p => Assert.Equal(a.Label ?? q.ShownLabel, labels[p]));
            }

            var rest = new List<AnswerItem>();
            foreach (var q in queries.Where(q => q.Kind == QueryKind.Pixel))
            {
                rest.Add(await truth.Answer(q));
            }

            Assert.True((await (await client.Answer(projectId, "pixels", new AnswerBatchRequest { Annotator = "ann", Answers = rest }))
                .Read<AnswerBatchResponse>()).RoundClosed);
            var closed = (await client.Get<ProjectMetricsDto>($"/projects/{projectId}/metrics")).Rounds[0];
            Assert.Equal(10, closed.Clicks);
            Assert.Equal(regions.Count, closed.AutomatedCorrection!.ChecksAnswered);
            Assert.Equal(regionAnswers.Count(a => a.Verdict == Verdict.Correct), closed.AutomatedCorrection.CheckCorrections);
            afterRound1 = [];
            foreach (var image in train)
            {
                afterRound1[image.Id] = await truth.Map(image.Id, projectId: projectId);
            }
        }

        // A new process re-derives D_t from D0, the stored automated changes and the answer log — and with it which pixels a person checked.
        byte[] beforeRestart;
        using (var engine = new EngineFactory(_scratch.Data, Settings))
        {
            var client = engine.CreateClient();
            var truth = new GroundTruth(client, dataset.Id, dataset.Classes.Count);
            foreach (var (imageId, labels) in afterRound1)
            {
                var reloaded = await truth.Map(imageId, projectId: projectId);
                Assert.Equal(labels.Labels.ToArray(), reloaded.Labels.ToArray());
            }

            Assert.Equal(RoundState.Querying, (await client.RunRound(projectId)).State);
            Assert.NotNull((await client.Get<ProjectMetricsDto>($"/projects/{projectId}/metrics")).Rounds[1].AutomatedCorrection);
            // Round 2's automated correction never touches what round 1's region checks covered.
            foreach (var (imageId, pixels) in regionPixels.Values)
            {
                var labels = await truth.Map(imageId, projectId: projectId);
                Assert.All(pixels, p => Assert.Equal(afterRound1[imageId][p], labels[p]));
            }

            beforeRestart = await client.GetByteArrayAsync($"/projects/{projectId}/export?format=coco");
        }

        using (var engine = new EngineFactory(_scratch.Data, Settings))
        {
            Assert.Equal(beforeRestart, await engine.CreateClient().GetByteArrayAsync($"/projects/{projectId}/export?format=coco"));
        }
    }

    [Fact]
    public async Task The_gt_oracle_answers_region_checks_too_and_the_same_seed_reaches_the_same_labels_as_annotators()
    {
        string world = _scratch.WriteWorld(options: World);
        using var engine = new EngineFactory(_scratch.Data, Settings);
        var client = engine.CreateClient();
        var dataset = await client.ImportWorld("world", world);
        var truth = new GroundTruth(client, dataset.Id, dataset.Classes.Count);
        var people = await CreateDefaultProject(client, dataset.Id, "people", OracleKind.None);
        var oracle = await CreateDefaultProject(client, dataset.Id, "oracle", OracleKind.Gt);
        for (int number = 1; number <= 2; number++)
        {
            var round = await client.RunRound(oracle.Id);
            Assert.Equal(RoundState.Closed, round.State);
            Assert.Equal(round.Queries, round.Answered);

            await client.RunRound(people.Id);
            var queries = (await client.Lease(people.Id, "ann", 100)).Queries;
            // The oracle answers in lease order; so does this annotator.
            var answers = new List<AnswerItem>();
            foreach (var q in queries)
            {
                answers.Add(await truth.Answer(q));
            }

            await (await client.Answer(people.Id, $"round-{number}", new AnswerBatchRequest { Annotator = "ann", Answers = answers })).Read<AnswerBatchResponse>();
        }

        var metrics = await client.Get<ProjectMetricsDto>($"/projects/{oracle.Id}/metrics");
        Assert.All(metrics.Rounds, r => Assert.Equal(r.AutomatedCorrection!.Checks, r.AutomatedCorrection.ChecksAnswered));
        Assert.True(metrics.Rounds.Sum(r => r.AutomatedCorrection!.Checks) > 0);
        Assert.Equal(await client.GetByteArrayAsync($"/projects/{people.Id}/export?format=coco"),
            await client.GetByteArrayAsync($"/projects/{oracle.Id}/export?format=coco"));
    }

    [Theory]
    [InlineData("DEFAULT", 201)]
    [InlineData("sim+lcm", 400)]
    public async Task The_default_strategy_is_named_in_any_case_and_an_unknown_name_lists_it(string acquisition, int status)
    {
        string world = _scratch.WriteWorld(options: World);
        using var engine = new EngineFactory(_scratch.Data, Settings);
        var client = engine.CreateClient();
        var dataset = await client.ImportWorld("world", world);
        var response = await client.Post("/projects", new CreateProjectRequest { Name = "p", DatasetId = dataset.Id, Acquisition = acquisition });
        if (status == 201)
        {
            Assert.Equal("default", (await response.Read<ProjectDto>(HttpStatusCode.Created)).Settings.Acquisition);
        }
        else
        {
            var problem = await response.Problem(400);
            Assert.Contains("known: default, sim", problem.GetProperty("detail").GetString());
        }
    }

    private static async Task<ProjectDto> CreateDefaultProject(HttpClient client, long datasetId, string name, OracleKind oracle) =>
        await (await client.Post("/projects", new CreateProjectRequest
        {
            Name = name,
            DatasetId = datasetId,
            Budget = 10,
            Iterations = 40,
            CropSize = 32,
            BatchSize = 4,
            Oracle = oracle,
        })).Read<ProjectDto>(HttpStatusCode.Created);

    public void Dispose() => _scratch.Dispose();
}
