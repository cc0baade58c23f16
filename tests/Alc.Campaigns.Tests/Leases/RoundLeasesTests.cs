using Alc.Campaigns.Leases;
using Alc.Storage.Queries;

namespace Alc.Campaigns.Tests.Leases;

/// <summary>
/// The in-memory leases of a querying round: asking order, renewal, expiry, all-or-nothing acceptance of answers, and
/// — under many concurrent leasers — never one query held by two annotators at once.
/// </summary>
public sealed class RoundLeasesTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);

    [Fact]
    public void Leases_are_disjoint_in_asking_order_renewed_for_their_holder_and_free_again_after_expiry()
    {
        var leases = Round(5);
        Assert.Equal(5, leases.Free(Start));
        var a = leases.Lease("a", 3, Start, Ttl);
        var b = leases.Lease("b", 3, Start, Ttl);
        Assert.Equal([10, 11, 12], a.Select(q => q.Query.Id));
        Assert.Equal([13, 14], b.Select(q => q.Query.Id));
        Assert.All(a, q => Assert.Equal(new QueryLease("a", Start + Ttl), q.Lease));
        Assert.Empty(leases.Lease("c", 2, Start, Ttl));
        Assert.Equal(0, leases.Free(Start));
        // At minute 5 b's two leases lapse (a's have not been renewed yet either: they lapse then too).
        Assert.Equal(5, leases.Free(Start.AddMinutes(5)));

        // At minute 4, a renews what it holds (and gets nothing more: everything else is b's).
        var renewed = leases.Lease("a", 3, Start.AddMinutes(4), Ttl);
        Assert.Equal(a.Select(q => q.Query.Id), renewed.Select(q => q.Query.Id));
        Assert.All(renewed, q => Assert.Equal(Start.AddMinutes(9), q.Lease.ExpiresAt));

        // b's leases lapse at minute 5; at minute 6 c takes them, a's renewed ones still hold.
        Assert.Equal([13, 14], leases.Lease("c", 5, Start.AddMinutes(6), Ttl).Select(q => q.Query.Id));
        Assert.Equal(5, leases.Remaining);
    }

    [Fact]
    public void A_holder_asking_for_more_keeps_what_it_holds_first_and_the_result_stays_in_asking_order()
    {
        var leases = Round(6);
        Assert.Equal([10], leases.Lease("a", 1, Start, Ttl).Select(q => q.Query.Id));
        Assert.Equal([11, 12], leases.Lease("b", 2, Start, Ttl).Select(q => q.Query.Id));
        Assert.Equal([10, 13, 14], leases.Lease("a", 3, Start, Ttl).Select(q => q.Query.Id));
        // Asking for fewer than it holds renews the best-ranked ones it holds, never a free one.
        Assert.Equal([10], leases.Lease("a", 1, Start, Ttl).Select(q => q.Query.Id));
    }

    [Fact]
    public void Accepting_answers_is_all_or_nothing_and_names_each_conflict_by_position()
    {
        var leases = Round(4);
        leases.Lease("a", 2, Start, Ttl); // 10, 11
        leases.Lease("b", 1, Start, Ttl); // 12

        // b's query 12 and the free 13 are fine for b; a's 10 is not.
        var problems = leases.TryAccept([12, 10, 13], "b", Start.AddMinutes(1));
        Assert.Equal([1], problems.Keys);
        Assert.StartsWith("query 10 is leased to another annotator until 2026-01-01T00:05:00", problems[1], StringComparison.Ordinal);
        Assert.Equal(4, leases.Remaining);

        Assert.Empty(leases.TryAccept([12, 13], "b", Start.AddMinutes(1)));
        Assert.Equal(2, leases.Remaining);
        Assert.Equal("query 12 is already answered", leases.TryAccept([12], "a", Start.AddMinutes(1))[0]);

        // a's lapsed lease is refused to a (it must learn it lost the query), but the query is free for anyone else.
        Assert.StartsWith("your lease on query 10 expired at", leases.TryAccept([10], "a", Start.AddMinutes(6))[0], StringComparison.Ordinal);
        Assert.Empty(leases.TryAccept([10], "c", Start.AddMinutes(6)));

        // Answered queries are never leased again; the rest still are.
        Assert.Equal([11], leases.Lease("d", 5, Start.AddMinutes(6), Ttl).Select(q => q.Query.Id));
        Assert.Throws<ArgumentException>(() => leases.TryAccept([99], "a", Start));
    }

    [Fact]
    public void Reset_takes_the_answered_flags_from_storage_and_keeps_the_open_leases()
    {
        var leases = Round(3);
        leases.Lease("a", 1, Start, Ttl); // 10
        Assert.Empty(leases.TryAccept([11, 12], "b", Start));
        Assert.Equal(1, leases.Remaining);

        // Storage says only 12 is answered (11's write failed): 11 opens again; a still holds 10.
        leases.Reset([Row(10, false), Row(11, false), Row(12, true)]);
        Assert.Equal(2, leases.Remaining);
        Assert.Equal([11], leases.Lease("b", 3, Start, Ttl).Select(q => q.Query.Id));
        Assert.Equal("a", leases.LeaseOf(10)!.Owner);
    }

    [Fact]
    public void Concurrent_leasers_and_answerers_never_hold_one_query_twice_and_every_query_is_answered_once()
    {
        for (int seed = 1; seed <= 20; seed++)
        {
            const int queries = 300;
            var leases = Round(queries);
            var answeredBy = new System.Collections.Concurrent.ConcurrentDictionary<long, string>();
            var overlap = 0;
            var holders = new System.Collections.Concurrent.ConcurrentDictionary<long, string>();
            Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
            {
                var random = new Random((seed * 100) + worker);
                string me = $"w{worker}";
                while (true)
                {
                    var batch = leases.Lease(me, random.Next(1, 6), Start, Ttl);
                    if (batch.Count == 0)
                    {
                        return;
                    }

                    foreach (var q in batch)
                    {
                        // A second holder of a query that is still open would show up here.
                        if (holders.TryGetValue(q.Query.Id, out var other) && other != me)
                        {
                            Interlocked.Increment(ref overlap);
                        }

                        holders[q.Query.Id] = me;
                    }

                    var ids = batch.Select(q => q.Query.Id).ToList();
                    Assert.Empty(leases.TryAccept(ids, me, Start.AddSeconds(1)));
                    foreach (long id in ids)
                    {
                        Assert.True(answeredBy.TryAdd(id, me));
                        holders.TryRemove(id, out _);
                    }
                }
            });
            Assert.Equal(0, overlap);
            Assert.Equal(queries, answeredBy.Count);
            Assert.Equal(0, leases.Remaining);
        }
    }

    // Queries 10, 11, … in asking order (the order the round stored them).
    private static RoundLeases Round(int count) => new(1, Enumerable.Range(0, count).Select(i => Row(10 + i, false)).ToList());

    private static QueryRow Row(long id, bool answered) =>
        new() { Id = id, RoundId = 1, RoundNumber = 1, ProjectId = 1, ImageId = 1, Pixel = (int)id, Score = 1.0 / id, Answered = answered };
}
