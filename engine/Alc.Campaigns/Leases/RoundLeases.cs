using Alc.Storage.Queries;

namespace Alc.Campaigns.Leases;

/// <summary>
/// One querying round's queries in asking order (score descending, then id — the order the select stage stored),
/// with which are answered and who holds which, in memory. Leasing is a scan under one lock, so two annotators never
/// hold the same query; nothing here is written to disk, because a lease is a reservation, not a fact: a restart
/// frees every lease, and a free query may be answered by anyone. Answered flags include accepted answers whose
/// transaction is still being written, so a query cannot be leased or answered twice in that window.
/// </summary>
public sealed class RoundLeases
{
    private readonly QueryRow[] _queries;
    private readonly Dictionary<long, int> _index;
    private readonly bool[] _answered;
    private readonly QueryLease?[] _leases;
    private readonly Lock _gate = new();
    private int _remaining;
    private int _firstOpen; // every query before this index is answered

    /// <summary>The round's queries as stored, in asking order.</summary>
    public RoundLeases(long roundId, IReadOnlyList<QueryRow> queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        RoundId = roundId;
        _queries = [.. queries];
        _index = new Dictionary<long, int>(_queries.Length);
        for (int i = 0; i < _queries.Length; i++)
        {
            _index.Add(_queries[i].Id, i);
        }

        _answered = new bool[_queries.Length];
        _leases = new QueryLease?[_queries.Length];
        Reset(queries);
    }

    /// <summary>The round.</summary>
    public long RoundId { get; }

    /// <summary>Queries without an accepted answer.</summary>
    public int Remaining
    {
        get
        {
            lock (_gate)
            {
                return _remaining;
            }
        }
    }

    /// <summary>
    /// Gives <paramref name="annotator"/> up to <paramref name="count"/> unanswered queries until
    /// <paramref name="now"/> + <paramref name="ttl"/>: first those it already holds (renewed), then the first ones in
    /// asking order that nobody holds or whose lease lapsed. The result is in asking order; empty when none is free.
    /// </summary>
    public IReadOnlyList<LeasedQuery> Lease(string annotator, int count, DateTimeOffset now, TimeSpan ttl)
    {
        ArgumentException.ThrowIfNullOrEmpty(annotator);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            while (_firstOpen < _queries.Length && _answered[_firstOpen])
            {
                _firstOpen++;
            }

            var held = new List<int>();
            var free = new List<int>();
            for (int i = _firstOpen; i < _queries.Length && held.Count < count; i++)
            {
                if (_answered[i])
                {
                    continue;
                }

                var lease = _leases[i];
                if (lease is not null && lease.HeldAt(now))
                {
                    if (lease.Owner == annotator)
                    {
                        held.Add(i);
                    }
                }
                else if (free.Count < count)
                {
                    free.Add(i);
                }
            }

            var renewed = new QueryLease(annotator, now + ttl);
            var chosen = held.Concat(free.Take(count - held.Count)).Order().ToList();
            foreach (int i in chosen)
            {
                _leases[i] = renewed;
            }

            return chosen.Select(i => new LeasedQuery(_queries[i], renewed)).ToList();
        }
    }

    /// <summary>Unanswered queries nobody holds at <paramref name="now"/> (never leased, or the lease lapsed): what a new annotator could get.</summary>
    public int Free(DateTimeOffset now)
    {
        lock (_gate)
        {
            int free = 0;
            for (int i = _firstOpen; i < _queries.Length; i++)
            {
                if (!_answered[i] && (_leases[i] is not { } lease || !lease.HeldAt(now)))
                {
                    free++;
                }
            }

            return free;
        }
    }

    /// <summary>The stored query <paramref name="queryId"/> of this round, or null when it is not one of the round's.</summary>
    public QueryRow? Find(long queryId) => _index.TryGetValue(queryId, out int i) ? _queries[i] : null;

    /// <summary>The query's lease (held or lapsed), or null when it was never leased since the engine started.</summary>
    public QueryLease? LeaseOf(long queryId)
    {
        lock (_gate)
        {
            return _index.TryGetValue(queryId, out int i) ? _leases[i] : null;
        }
    }

    /// <summary>
    /// Accepts answers by <paramref name="annotator"/> to <paramref name="queryIds"/> (all of this round) at
    /// <paramref name="now"/>, all or none, in one step with leasing: a query must be unanswered, and free or held by the
    /// annotator (a lapsed lease of the annotator's own is refused, so it learns that it lost the query). On success
    /// the queries leave the queue and their leases end; otherwise nothing changes and the problems are returned by
    /// position in <paramref name="queryIds"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A query is not one of the round's (the caller checks membership first).</exception>
    public IReadOnlyDictionary<int, string> TryAccept(IReadOnlyList<long> queryIds, string annotator, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(queryIds);
        var problems = new Dictionary<int, string>();
        lock (_gate)
        {
            var slots = new int[queryIds.Count];
            for (int n = 0; n < queryIds.Count; n++)
            {
                long id = queryIds[n];
                if (!_index.TryGetValue(id, out int i))
                {
                    throw new ArgumentException($"Query {id} is not one of round {RoundId}'s.", nameof(queryIds));
                }

                slots[n] = i;
                var lease = _leases[i];
                string? problem = lease switch
                {
                    _ when _answered[i] => $"query {id} is already answered",
                    not null when lease.HeldAt(now) && lease.Owner != annotator => $"query {id} is leased to another annotator until {lease.ExpiresAt.UtcDateTime:O}",
                    not null when !lease.HeldAt(now) && lease.Owner == annotator =>
                        $"your lease on query {id} expired at {lease.ExpiresAt.UtcDateTime:O}; lease it again with POST /projects/{{id}}/leases",
                    _ => null,
                };
                if (problem is not null)
                {
                    problems[n] = problem;
                }
            }

            if (problems.Count == 0)
            {
                foreach (int i in slots)
                {
                    _answered[i] = true;
                    _leases[i] = null;
                    _remaining--;
                }
            }
        }

        return problems;
    }

    /// <summary>Takes the answered flags from storage again (after a failed write), keeping the leases of open queries.</summary>
    public void Reset(IReadOnlyList<QueryRow> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        lock (_gate)
        {
            Array.Clear(_answered);
            foreach (var row in stored)
            {
                if (_index.TryGetValue(row.Id, out int i))
                {
                    _answered[i] = row.Answered;
                }
            }

            _remaining = _answered.Count(a => !a);
            _firstOpen = 0;
        }
    }
}
