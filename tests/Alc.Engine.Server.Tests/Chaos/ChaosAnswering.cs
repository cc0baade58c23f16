using System.Collections.Concurrent;
using System.Diagnostics;
using Alc.Engine.Server.Contracts;

namespace Alc.Engine.Server.Tests.Chaos;

/// <summary>
/// One round's answers: concurrent annotators answer their leased queries from ground truth, one answer per request,
/// while the engine is killed under them at the plan's points. An annotator whose request dies with the engine waits
/// for the restart and sends the same batch under the same Idempotency-Key until a response comes back, as a real
/// client does; only a 2xx counts as acknowledged.
/// </summary>
/// <remarks>
/// The final labels depend on the order of answers on one image: a region check's region can overlap a pixel query's
/// superpixel, and the later answer wins. Answers on different images commute. So each answer waits until the answer
/// before it on the same image (in asking order) is acknowledged: every image gets its answers in one order, run after
/// run, while answers on different images race freely across annotators.
/// </remarks>
internal sealed class ChaosAnswering(ChaosEngine chaos, GroundTruth truth, long projectId, int round, ConcurrentQueue<double> took, Stopwatch clock)
{
    private readonly ConcurrentDictionary<int, int> _lostBy = new();
    private int _sent;
    private int _done;
    private int _open;
    private int _storedUnacknowledged;

    /// <summary>Every acknowledged answer.</summary>
    public ConcurrentQueue<Acknowledged> Acknowledged { get; } = new();

    /// <summary>Answer requests whose response a kill cut off (each was then sent again under its key).</summary>
    public int Lost => _lostBy.Values.Sum();

    /// <summary>Of <see cref="Lost"/>, those whose answer was already stored when looked up after the restart.</summary>
    public int StoredUnacknowledged => _storedUnacknowledged;

    /// <summary>Answers every query of <paramref name="slices"/> (each annotator's leased queries, in asking order), killing at <paramref name="kills"/>.</summary>
    public async Task<List<LandedKill>> Run(IReadOnlyList<(string Annotator, IReadOnlyList<QueryDto> Queries)> slices, IReadOnlyList<ChaosKill> kills)
    {
        var order = slices.SelectMany(s => s.Queries).ToList();
        var acknowledged = order.ToDictionary(q => q.Id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var before = new Dictionary<long, Task>();
        var last = new Dictionary<long, Task>();
        foreach (var q in order)
        {
            before[q.Id] = last.GetValueOrDefault(q.ImageId, Task.CompletedTask);
            last[q.ImageId] = acknowledged[q.Id].Task;
        }

        // Kill i comes when answer number trigger i goes out, once its share of the round's answers is out before it (at
        // least one, at most all but one): a request is then surely in flight. A kill without an aim holds that one half sent.
        var triggers = kills.Select(k => Math.Clamp((int)Math.Round(k.At * order.Count), 1, order.Count - 1) + 1).ToList();
        var fired = triggers.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToList();
        var holds = kills.Select(k => k.Aim is null ? new HeldBody() : null).ToList();
        void Fire(int sent)
        {
            for (int i = 0; i < triggers.Count; i++)
            {
                if (sent >= triggers[i])
                {
                    fired[i].TrySetResult();
                }
            }
        }

        using var failed = new CancellationTokenSource();
        var workers = slices.Select(s => Task.Run(async () =>
        {
            using var own = chaos.Client();
            try
            {
                foreach (var q in s.Queries)
                {
                    await before[q.Id].WaitAsync(failed.Token);
                    int sent = Interlocked.Increment(ref _sent);
                    var held = Enumerable.Range(0, triggers.Count).Where(i => triggers[i] == sent).Select(i => holds[i]).FirstOrDefault(h => h is not null);
                    await Submit(own, s.Annotator, q, held, () => Fire(sent));
                    Interlocked.Increment(ref _done);
                    acknowledged[q.Id].SetResult();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await failed.CancelAsync();
                throw;
            }
        })).ToList();
        var all = Task.WhenAll(workers);
        var landed = new List<(ChaosKill Kill, TimeSpan When, string Seen, int Generation)>();
        for (int i = 0; i < kills.Count; i++)
        {
            var hold = holds[i];
            if (await Task.WhenAny(hold?.Holding ?? fired[i].Task, all) == all)
            {
                await Finish(workers);
                Assert.Fail($"round {round} was answered before {kills[i]} came");
            }

            double delay = (kills[i].Aim ?? 0) * Typical();
            await Task.Delay(TimeSpan.FromMilliseconds(delay));
            string how = hold is null ? $"{delay:0.0} ms after answer {triggers[i]} went out" : $"answer {triggers[i]} held half sent";
            landed.Add((kills[i], clock.Elapsed, $"{Volatile.Read(ref _done)}/{order.Count} acknowledged, {Volatile.Read(ref _open)} open, {how}", chaos.Generation));
            await chaos.KillAndRestart();
            hold?.Release();
        }

        await Finish(workers);
        // A request open at the kill may still get its response (written before the process died): only a lost one was cut off.
        return landed.Select(l => new LandedKill(l.Kill, l.Kill.Phase, l.When, l.Seen, _lostBy.GetValueOrDefault(l.Generation) > 0)).ToList();
    }

    private static async Task Finish(List<Task> workers)
    {
        try
        {
            await Task.WhenAll(workers);
        }
        catch (OperationCanceledException)
        {
            // One worker failed and stopped the rest: report its failure, not theirs.
            throw workers.Select(w => w.Exception?.InnerException).First(e => e is not null and not OperationCanceledException)!;
        }
    }

    // The median time an answer request took so far (ms), a guess before the first.
    private double Typical()
    {
        var times = took.Order().ToList();
        return times.Count == 0 ? 5 : times[times.Count / 2];
    }

    private async Task Submit(HttpClient client, string annotator, QueryDto query, HeldBody? held, Action sending)
    {
        var body = new AnswerBatchRequest { Annotator = annotator, Answers = [await truth.Answer(query)] };
        string key = $"{annotator}/round-{round}/query-{query.Id}";
        bool first = true;
        var receipt = await chaos.Survive(async () =>
        {
            var hold = first ? held : null;
            Interlocked.Increment(ref _open);
            if (first)
            {
                first = false;
                sending();
            }

            long start = Stopwatch.GetTimestamp();
            try
            {
                var response = await Send(client, key, body, hold);
                took.Enqueue(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                return response;
            }
            finally
            {
                Interlocked.Decrement(ref _open);
            }
        }, async generation =>
        {
            _lostBy.AddOrUpdate(generation, 1, (_, n) => n + 1);
            // Whether the batch was stored before the response was lost, for the figures: either way the retry under the same key stores it once.
            if ((await chaos.Survive(() => client.Get<QueryDto>($"/queries/{query.Id}"))).Answered)
            {
                Interlocked.Increment(ref _storedUnacknowledged);
            }
        });
        Acknowledged.Enqueue(new Acknowledged(round, query.Id, key, body, receipt));
    }

    // POST /projects/{id}/answers, with the body held half sent when asked.
    private async Task<AnswerBatchResponse> Send(HttpClient client, string key, AnswerBatchRequest body, HeldBody? hold)
    {
        if (hold is null)
        {
            return await (await client.Answer(projectId, key, body)).Read<AnswerBatchResponse>();
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, $"/projects/{projectId}/answers") { Content = hold.Content(body) };
        message.Headers.Add("Idempotency-Key", key);
        return await (await client.SendAsync(message)).Read<AnswerBatchResponse>();
    }
}
