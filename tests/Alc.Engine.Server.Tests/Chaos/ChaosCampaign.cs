using System.Collections.Concurrent;
using System.Net;
using Alc.Engine.Server.Contracts;

namespace Alc.Engine.Server.Tests.Chaos;

/// <summary>An answer the engine acknowledged with a 2xx: the key and body it was sent under and the receipt that came back.</summary>
internal sealed record Acknowledged(int Round, long QueryId, string Key, AnswerBatchRequest Body, AnswerBatchResponse Receipt);

/// <summary>A kill as it landed: what was planned, where the engine was seen just before, and whether it cut work off.</summary>
/// <param name="Planned">The planned kill.</param>
/// <param name="Phase">The phase it landed in (a job kill can come late: the job may have moved on, or finished, by the last poll).</param>
/// <param name="When">Since the campaign started.</param>
/// <param name="Seen">The job's point and progress at the last poll before the kill (or its state, once finished); for ingestion, the answers acknowledged and open.</param>
/// <param name="CutOff">Job kills: the job was requeued and ran again. Ingestion kills: answer requests lost their response.</param>
internal sealed record LandedKill(ChaosKill Planned, string Phase, TimeSpan When, string Seen, bool CutOff);

/// <summary>
/// Drives one project's campaign over HTTP: each round is started and its job watched (and killed at the plan's
/// points), then its queries are leased in fixed slices of the asking order, one slice per annotator, one lease after
/// another (so who answers what is the same run after run), and answered by <see cref="ChaosAnswering"/>.
/// </summary>
internal sealed class ChaosCampaign(ChaosEngine chaos, GroundTruth truth, long projectId, int annotators)
{
    private readonly System.Diagnostics.Stopwatch _clock = new();
    private readonly ConcurrentQueue<double> _took = new();
    private int _lost;
    private int _storedUnacknowledged;

    /// <summary>Each round's queries in asking order.</summary>
    public List<IReadOnlyList<QueryDto>> Queries { get; } = [];

    /// <summary>Every acknowledged answer.</summary>
    public ConcurrentQueue<Acknowledged> Acknowledged { get; } = new();

    /// <summary>The kills as they landed.</summary>
    public List<LandedKill> Kills { get; } = [];

    /// <summary>Answer requests whose response a kill cut off (each was then sent again under its key).</summary>
    public int Lost => _lost;

    /// <summary>Of <see cref="Lost"/>, those whose answer was already stored when looked up after the restart (the retry returned the stored receipt).</summary>
    public int StoredUnacknowledged => _storedUnacknowledged;

    public async Task Run(int rounds, IReadOnlyList<ChaosKill> plan)
    {
        using var client = chaos.Client();
        _clock.Start();
        for (int number = 1; number <= rounds; number++)
        {
            var kills = plan.Where(k => k.Round == number).ToList();
            var started = await (await client.PostAsync($"/projects/{projectId}/rounds", null)).Read<StartRoundResponse>(HttpStatusCode.Accepted);
            foreach (var kill in kills.Where(k => k.Point != ChaosPoint.Ingestion))
            {
                await KillDuringJob(client, started.Job.Id, kill);
            }

            var job = await client.WaitForJob(started.Job.Id, 300);
            Assert.True(job.State == JobState.Succeeded, $"round {number}: {job.State} {job.Error}\n{chaos.Log}");
            await Answer(client, number, kills.Where(k => k.Point == ChaosPoint.Ingestion).ToList());
            Assert.Equal(RoundState.Closed, (await client.Get<RoundDto>($"/projects/{projectId}/rounds/{number}")).State);
        }
    }

    // Polls the job until it reaches the kill's point (or passes it, or finishes), kills, and tells from the job whether it was cut off.
    private async Task KillDuringJob(HttpClient client, long jobId, ChaosKill kill)
    {
        var deadline = DateTime.UtcNow.AddSeconds(300);
        JobDto job;
        (ChaosPoint Point, double Done)? stage;
        while (true)
        {
            job = await client.Get<JobDto>($"/jobs/{jobId}");
            Assert.True(job.State is not (JobState.Failed or JobState.Cancelled), $"job {jobId}: {job.State} {job.Error}\n{chaos.Log}");
            stage = JobStage.Of(job);
            bool scoring = kill.Point is ChaosPoint.Measuring or ChaosPoint.Correcting or ChaosPoint.Selecting;
            if (job.State == JobState.Succeeded
                || (stage is var (point, done) && (point > kill.Point || (point == kill.Point && (scoring || done >= kill.At)))))
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, $"job {jobId} never reached {kill}: {job.State} {job.Message}\n{chaos.Log}");
            await Task.Delay(5);
        }

        var when = _clock.Elapsed;
        await chaos.KillAndRestart();
        string phase = stage is var (landed, _) ? ChaosKill.PhaseOf(landed) : "after its job";
        Kills.Add(new LandedKill(kill, phase, when, stage is var (seen, fraction) ? $"{seen} {fraction:0.00}" : $"job {job.State}", await Requeued(client, job)));
    }

    // A job the kill interrupted is requeued at the restart and runs again with a new start time; one that had finished keeps its own.
    private static async Task<bool> Requeued(HttpClient client, JobDto before)
    {
        while (true)
        {
            var after = await client.Get<JobDto>($"/jobs/{before.Id}");
            if (after.State == JobState.Queued || after.StartedAt != before.StartedAt)
            {
                return true;
            }

            if (after.State != JobState.Running)
            {
                return false;
            }

            // Still marked running from before the kill: the new process has not requeued it yet.
            await Task.Delay(5);
        }
    }

    private async Task Answer(HttpClient client, int number, IReadOnlyList<ChaosKill> kills)
    {
        int count = (await client.Get<RoundDto>($"/projects/{projectId}/rounds/{number}")).Queries;
        int slice = (count + annotators - 1) / annotators;
        var slices = new List<(string Annotator, IReadOnlyList<QueryDto> Queries)>();
        for (int i = 0; i < annotators; i++)
        {
            string annotator = $"annotator-{i}";
            slices.Add((annotator, (await client.Lease(projectId, annotator, slice)).Queries));
        }

        var order = slices.SelectMany(s => s.Queries).ToList();
        Assert.Equal(count, order.Select(q => q.Id).Distinct().Count());
        Queries.Add(order);
        var answering = new ChaosAnswering(chaos, truth, projectId, number, _took, _clock);
        Kills.AddRange(await answering.Run(slices, kills));
        foreach (var a in answering.Acknowledged)
        {
            Acknowledged.Enqueue(a);
        }

        _lost += answering.Lost;
        _storedUnacknowledged += answering.StoredUnacknowledged;
    }
}
