using System.Collections.Concurrent;
using Alc.Storage.Queries;
using Alc.Storage.Rounds;

namespace Alc.Campaigns.Leases;

/// <summary>
/// The engine's leases: one <see cref="RoundLeases"/> per querying round, loaded from storage on first use and kept
/// in memory, so a lease call costs no disk write. The answer path marks answers here before it writes them.
/// </summary>
public sealed class LeaseBook(QueryRepository queries, TimeProvider clock)
{
    private readonly ConcurrentDictionary<long, Lazy<RoundLeases>> _rounds = new();

    /// <summary>The round's queue.</summary>
    public RoundLeases For(RoundRow round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return _rounds.GetOrAdd(round.Id, id => new Lazy<RoundLeases>(() => new RoundLeases(id, queries.ForRound(id)), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>Leases up to <paramref name="count"/> of the round's queries to <paramref name="annotator"/> for <paramref name="ttl"/> from now.</summary>
    public IReadOnlyList<LeasedQuery> Lease(RoundRow round, string annotator, int count, TimeSpan ttl) =>
        For(round).Lease(annotator, count, clock.GetUtcNow(), ttl);

    /// <summary>The current lease of a stored query, or null when nobody holds it (or its round is not in memory).</summary>
    public QueryLease? LeaseOf(QueryRow query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _rounds.TryGetValue(query.RoundId, out var lazy) && lazy.IsValueCreated && lazy.Value.LeaseOf(query.Id) is { } lease && lease.HeldAt(clock.GetUtcNow())
            ? lease
            : null;
    }

    /// <summary>Re-reads the round's answered flags from storage, keeping its leases (after a failed write).</summary>
    public void Reload(long roundId)
    {
        if (_rounds.TryGetValue(roundId, out var lazy) && lazy.IsValueCreated)
        {
            lazy.Value.Reset(queries.ForRound(roundId));
        }
    }

    /// <summary>Drops a round that stopped querying (closed): its leases mean nothing any more.</summary>
    public void Forget(long roundId) => _rounds.TryRemove(roundId, out _);
}
