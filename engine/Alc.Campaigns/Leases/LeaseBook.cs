using System.Collections.Concurrent;
using Alc.Storage.Queries;
using Alc.Storage.Rounds;

namespace Alc.Campaigns.Leases;

/// <summary>
/// The engine's leases: one <see cref="RoundLeases"/> per querying round, loaded from storage on first use and kept
/// in memory, so a lease call costs no disk write. The answer path marks answers here before it writes them.
/// </summary>
public sealed class LeaseBook
{
    private readonly ConcurrentDictionary<long, Lazy<RoundLeases>> _rounds = new();
    private readonly QueryRepository _queries;
    private readonly RoundRepository _roundRows;
    private readonly TimeProvider _clock;

    // Each project's querying round, and a count of the closes attempted per project; both change under _gate only.
    private readonly Dictionary<long, RoundRow> _querying = [];
    private readonly Dictionary<long, long> _closes = [];
    private readonly Lock _gate = new();

    /// <summary>A book over the stored queries; it drops a project's querying round whenever <paramref name="rounds"/> starts closing one.</summary>
    public LeaseBook(QueryRepository queries, RoundRepository rounds, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        _queries = queries;
        _roundRows = rounds;
        _clock = clock;
        rounds.Closing += Closing;
    }

    /// <summary>
    /// The project's querying round, or null when its latest round is not querying. A querying round stays querying
    /// until it is closed, so once read it is kept in memory until a close is attempted (a lease or an answer then
    /// reads no round from disk).
    /// </summary>
    public RoundRow? QueryingRound(long projectId)
    {
        long closes;
        lock (_gate)
        {
            if (_querying.TryGetValue(projectId, out var cached))
            {
                return cached;
            }

            closes = _closes.GetValueOrDefault(projectId);
        }

        var latest = _roundRows.Latest(projectId);
        if (latest?.State != RoundStatus.Querying)
        {
            return null;
        }

        lock (_gate)
        {
            // A close that started while the row was read may have made it stale: then it is not kept.
            if (_closes.GetValueOrDefault(projectId) == closes)
            {
                _querying[projectId] = latest;
            }
        }

        return latest;
    }

    /// <summary>The round's queue.</summary>
    public RoundLeases For(RoundRow round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return _rounds.GetOrAdd(round.Id, id => new Lazy<RoundLeases>(() => new RoundLeases(id, _queries.ForRound(id)), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>Leases up to <paramref name="count"/> of the round's queries to <paramref name="annotator"/> for <paramref name="ttl"/> from now.</summary>
    public IReadOnlyList<LeasedQuery> Lease(RoundRow round, string annotator, int count, TimeSpan ttl) =>
        For(round).Lease(annotator, count, _clock.GetUtcNow(), ttl);

    /// <summary>The current lease of a stored query, or null when nobody holds it (or its round is not in memory).</summary>
    public QueryLease? LeaseOf(QueryRow query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _rounds.TryGetValue(query.RoundId, out var lazy) && lazy.IsValueCreated && lazy.Value.LeaseOf(query.Id) is { } lease && lease.HeldAt(_clock.GetUtcNow())
            ? lease
            : null;
    }

    /// <summary>Re-reads the round's answered flags from storage, keeping its leases (after a failed write).</summary>
    public void Reload(long roundId)
    {
        if (_rounds.TryGetValue(roundId, out var lazy) && lazy.IsValueCreated)
        {
            lazy.Value.Reset(_queries.ForRound(roundId));
        }
    }

    /// <summary>
    /// Drops a round whose closing is committed: its leases mean nothing any more, and the project's cached querying
    /// round goes too (a reader that saw the round querying just before the commit may have cached it).
    /// </summary>
    public void Forget(RoundRow round)
    {
        ArgumentNullException.ThrowIfNull(round);
        _rounds.TryRemove(round.Id, out _);
        Closing(round.ProjectId);
    }

    private void Closing(long projectId)
    {
        lock (_gate)
        {
            _closes[projectId] = _closes.GetValueOrDefault(projectId) + 1;
            _querying.Remove(projectId);
        }
    }
}
