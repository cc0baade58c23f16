using System.Collections.Concurrent;
using Alc.Engine.Server.Contracts;
using Xunit.Abstractions;

namespace Alc.Engine.Server.Tests;

/// <summary>
/// Load through the real HTTP pipeline: 32 concurrent annotators lease one query at a time and answer it, one answer
/// per request, over several rounds. Every acknowledged answer must be stored exactly once and no query may be leased
/// to two annotators at once (leases last 600 s, far longer than the test, and each annotator answers what it holds).
/// </summary>
public sealed class LoadTests(ITestOutputHelper output)
{
    private const int Annotators = 32;

    [Fact]
    public async Task Thirty_two_concurrent_annotators_lose_no_answer_duplicate_none_and_never_share_a_lease()
    {
        const int rounds = 4;
        // A world whose pool holds a few hundred superpixels per round.
        await using var p = await QueryingProject.Start(budget: 300, world: Scratch.SmallWorld with { Train = 96, Size = 64 });
        var acknowledged = new ConcurrentBag<long>();
        var holders = new ConcurrentDictionary<long, string>();
        int shared = 0;
        int expected = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int round = 1; round <= rounds; round++)
        {
            expected += (await p.Client.Get<RoundDto>($"/projects/{p.Project.Id}/rounds/{round}")).Queries;
            await Task.WhenAll(Enumerable.Range(0, Annotators).Select(i => Annotate($"annotator-{i}")));
            Assert.Equal(RoundState.Closed, (await p.Client.Get<RoundDto>($"/projects/{p.Project.Id}/rounds/{round}")).State);
            if (round < rounds)
            {
                await p.Client.RunRound(p.Project.Id);
            }
        }

        var totals = (await p.Client.Get<ProjectDto>($"/projects/{p.Project.Id}")).Totals;
        output.WriteLine($"{Annotators} annotators, {rounds} rounds: {acknowledged.Count} answers acknowledged, {totals.Answers} stored, " +
            $"{acknowledged.Count - acknowledged.Distinct().Count()} duplicated, {shared} queries leased to two annotators, {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(expected, acknowledged.Count);
        Assert.Equal(acknowledged.Count, acknowledged.Distinct().Count());
        Assert.Equal(acknowledged.Count, totals.Answers);
        Assert.Equal(0, shared);

        async Task Annotate(string annotator)
        {
            while (true)
            {
                var batch = await p.Client.Lease(p.Project.Id, annotator, 1);
                if (batch.Queries.Count == 0)
                {
                    if (batch.Remaining == 0)
                    {
                        return;
                    }

                    // The rest is leased to others, who answer it.
                    await Task.Delay(5);
                    continue;
                }

                var query = batch.Queries[0];
                if (holders.GetOrAdd(query.Id, annotator) != annotator)
                {
                    Interlocked.Increment(ref shared);
                }

                var receipt = await (await p.Client.Answer(p.Project.Id, $"{annotator}-{query.Id}", new AnswerBatchRequest
                {
                    Annotator = annotator,
                    Answers = [new AnswerItem { QueryId = query.Id, Verdict = Verdict.Confirm, ElapsedMs = 500 }],
                })).Read<AnswerBatchResponse>();
                Assert.Equal(1, receipt.Accepted);
                acknowledged.Add(query.Id);
            }
        }
    }
}
