using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Alc.Engine.Server.Contracts;
using Xunit.Abstractions;

namespace Alc.Engine.Server.Tests.Chaos;

/// <summary>
/// Chaos: the real <c>alc-engine serve</c> is SIGKILLed 20 times (<c>ALC_CHAOS_KILLS</c>) at seeded random points
/// (<c>ALC_CHAOS_SEED</c>) of a campaign of the default strategy — while θ trains, while its judges train, while it
/// scores (measuring, correcting, selecting) and while concurrent annotators answer — and restarted on the same data
/// directory each time. Proven: every acknowledged answer is stored, exactly once (its query answered, its key replaying
/// its receipt, the stored count equal to the acknowledged count), and the campaign ends on labels, queries and metrics
/// byte-identical to an uncrashed campaign of the same seed, world and settings answered the same way (see
/// <see cref="ChaosAnswering"/> for why answers on one image keep one order). So that this cannot pass vacuously, every
/// phase planned must have a kill that cut work off: a job requeued and run again, an answer request that lost its response.
/// </summary>
public sealed class ChaosTests(ITestOutputHelper output) : IDisposable
{
    private const int DefaultSeed = 16;
    private const int DefaultKills = 20;
    private const int Rounds = 3;
    private const int Annotators = 6;
    private readonly Scratch _scratch = new();

    [Fact]
    public async Task Sigkills_across_a_campaign_lose_no_acknowledged_answer_duplicate_none_and_end_on_the_labels_of_an_uncrashed_run()
    {
        int seed = ChaosPlan.Seed(DefaultSeed);
        var plan = ChaosPlan.Draw(seed, ChaosPlan.Kills(DefaultKills), Rounds);
        string world = _scratch.WriteWorld(options: Scratch.SmallWorld with { Train = 12 });
        using var chaos = await ChaosEngine.Start(_scratch.Data, new Dictionary<string, string> { ["ALC_ALLOWEDIMPORTROOTS"] = _scratch.Imports });
        using var client = chaos.Client();
        var dataset = await client.ImportWorld("world", world);
        var truth = new GroundTruth(client, dataset.Id, dataset.Classes.Count);
        var images = (await client.Get<ImagePageDto>($"/datasets/{dataset.Id}/images?split=train")).Items;
        foreach (var image in images)
        {
            // Cached, so answering needs no request a kill could cut off.
            await truth.Map(image.Id);
        }

        var clock = Stopwatch.StartNew();
        long calmId = await Create(client, "calm", dataset.Id);
        var calm = new ChaosCampaign(chaos, truth, calmId, Annotators);
        await calm.Run(Rounds, []);
        var calmTime = clock.Elapsed;
        long killedId = await Create(client, "killed", dataset.Id);
        var killed = new ChaosCampaign(chaos, truth, killedId, Annotators);
        await killed.Run(Rounds, plan);
        var killedTime = clock.Elapsed - calmTime;

        // Every acknowledged answer is stored, and its key still replays the receipt it was acknowledged with.
        var acknowledged = killed.Acknowledged.ToList();
        int lost = 0, replayedDifferently = 0;
        foreach (var a in acknowledged)
        {
            lost += (await client.Get<QueryDto>($"/queries/{a.QueryId}")).Answered ? 0 : 1;
            replayedDifferently += (await (await client.Answer(killedId, a.Key, a.Body)).Read<AnswerBatchResponse>()) == a.Receipt ? 0 : 1;
        }

        int queries = killed.Queries.Sum(r => r.Count);
        long stored = (await client.Get<ProjectDto>($"/projects/{killedId}")).Totals.Answers;
        int acknowledgedTwice = acknowledged.Count - acknowledged.Select(a => a.QueryId).Distinct().Count();
        var calmMetrics = await Metrics(client, calmId);
        var killedMetrics = await Metrics(client, killedId);
        int differentLabels = 0;
        foreach (var image in images)
        {
            byte[] expected = await client.GetByteArrayAsync($"/projects/{calmId}/images/{image.Id}/labels.png");
            byte[] actual = await client.GetByteArrayAsync($"/projects/{killedId}/images/{image.Id}/labels.png");
            differentLabels += expected.SequenceEqual(actual) ? 0 : 1;
        }

        byte[] calmExport = await client.GetByteArrayAsync($"/projects/{calmId}/export?format=coco");
        byte[] killedExport = await client.GetByteArrayAsync($"/projects/{killedId}/export?format=coco");
        bool sameExport = calmExport.SequenceEqual(killedExport);

        output.WriteLine($"seed {seed}, {Rounds} rounds of the default strategy, {Annotators} annotators; uncrashed run {calmTime.TotalSeconds:F1} s, " +
            $"killed run {killedTime.TotalSeconds:F1} s, of which restarts (SIGKILL to ready) {chaos.Restarts.Sum(r => r.TotalSeconds):F1} s");
        output.WriteLine($"{killed.Kills.Count} SIGKILLs: " + string.Join(", ", killed.Kills.GroupBy(k => k.Phase)
            .Select(g => $"{g.Key} {g.Count()} ({g.Count(k => k.CutOff)} cut work off)")));
        foreach (var k in killed.Kills)
        {
            output.WriteLine($"  {k.When.TotalSeconds,6:0.0} s: round {k.Planned.Round} {k.Planned.Point} at {k.Planned.At:0.00}: seen {k.Seen} ({k.Phase}), " +
                (k.CutOff ? "cut off" : "nothing cut off"));
        }

        output.WriteLine($"answers: {acknowledged.Count} acknowledged, {stored} stored, {queries} queries; {lost} acknowledged but not stored, " +
            $"{acknowledgedTwice} acknowledged twice, {replayedDifferently} keys replaying another receipt; {killed.Lost} requests cut off by a kill, " +
            $"{killed.StoredUnacknowledged} of them already stored (their retry replayed the receipt)");
        output.WriteLine($"labels: {images.Count - differentLabels}/{images.Count} images byte-identical to the uncrashed run, export " +
            $"{(sameExport ? "identical" : "different")}, queries {(SameQueries(calm, killed) ? "identical" : "different")}, metrics " +
            $"{(calmMetrics == killedMetrics ? "identical" : "different")}");

        Assert.Equal(plan.Count, killed.Kills.Count);
        Assert.All(plan.Select(k => k.Phase).Distinct(), phase => Assert.True(killed.Kills.Any(k => k.Phase == phase && k.CutOff),
            $"no kill cut off {phase}; raise ALC_CHAOS_KILLS or change ALC_CHAOS_SEED"));
        Assert.Equal((queries, queries, queries), (acknowledged.Count, (int)stored, acknowledged.Select(a => a.QueryId).Distinct().Count()));
        Assert.Equal((0, 0), (lost, replayedDifferently));
        Assert.Equal(0, differentLabels);
        Assert.True(sameExport);
        Assert.True(SameQueries(calm, killed));
        Assert.Equal(calmMetrics, killedMetrics);
    }

    private static async Task<long> Create(HttpClient client, string name, long datasetId) =>
        (await (await client.Post("/projects", new CreateProjectRequest
        {
            Name = name, DatasetId = datasetId, Budget = 24, Iterations = 20, CropSize = 32, BatchSize = 4,
        })).Read<ProjectDto>(HttpStatusCode.Created)).Id;

    // The rounds' metrics as JSON (records holding lists compare by reference).
    private static async Task<string> Metrics(HttpClient client, long projectId) =>
        JsonSerializer.Serialize((await client.Get<ProjectMetricsDto>($"/projects/{projectId}/metrics")).Rounds, Api.Json);

    private static bool SameQueries(ChaosCampaign a, ChaosCampaign b) =>
        a.Queries.SelectMany(r => r).Select(Shape).SequenceEqual(b.Queries.SelectMany(r => r).Select(Shape));

    private static (int, QueryKind, long, int, int, int, double) Shape(QueryDto q) => (q.Round, q.Kind, q.ImageId, q.X, q.Y, q.ShownLabel, q.Score);

    public void Dispose() => _scratch.Dispose();
}
