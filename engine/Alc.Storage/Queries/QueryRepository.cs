using Dapper;

namespace Alc.Storage.Queries;

/// <summary>Queries and their leases. A lease is taken inside one write transaction, so two annotators never hold the same query.</summary>
public sealed class QueryRepository(EngineDatabase database, TimeProvider clock)
{
    internal const string Select = """
        SELECT q.id, q.round_id, r.number AS round_number, r.project_id, q.image_id, q.pixel, q.superpixel_id, q.shown_label, q.score,
               q.lease_owner, q.lease_expires_at, q.answered, q.region_blob
        FROM queries q JOIN rounds r ON r.id = q.round_id
        """;

    /// <summary>One query, or null.</summary>
    public QueryRow? Get(long id)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<QueryRow>($"{Select} WHERE q.id = @id;", new { id });
    }

    /// <summary>The given queries (missing ids are left out).</summary>
    public IReadOnlyList<QueryRow> Get(IReadOnlyCollection<long> ids)
    {
        using var connection = database.Open();
        return connection.Query<QueryRow>($"{Select} WHERE q.id IN @ids;", new { ids }).AsList();
    }

    /// <summary>The round's queries, best score first.</summary>
    public IReadOnlyList<QueryRow> ForRound(long roundId)
    {
        using var connection = database.Open();
        return connection.Query<QueryRow>($"{Select} WHERE q.round_id = @roundId ORDER BY q.score DESC, q.id;", new { roundId }).AsList();
    }

    /// <summary>Queries of the round and how many are answered.</summary>
    public (int Total, int Answered) Counts(long roundId)
    {
        using var connection = database.Open();
        var row = connection.QuerySingle<(long Total, long? Answered)>(
            "SELECT count(*), sum(answered) FROM queries WHERE round_id = @roundId;", new { roundId });
        return ((int)row.Total, (int)(row.Answered ?? 0));
    }

    /// <summary>Unanswered queries of the round.</summary>
    public int Remaining(long roundId)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<int>("SELECT count(*) FROM queries WHERE round_id = @roundId AND answered = 0;", new { roundId });
    }

    /// <summary>
    /// Leases up to <paramref name="count"/> unanswered queries of round <paramref name="roundId"/> to
    /// <paramref name="annotator"/> for <paramref name="ttl"/>: first the ones it already holds (renewed), then the
    /// best-scored queries that nobody holds or whose lease expired.
    /// </summary>
    public IReadOnlyList<QueryRow> Lease(long roundId, string annotator, int count, TimeSpan ttl)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var now = clock.GetUtcNow();
        string nowText = StorageClock.ToText(now), until = StorageClock.ToText(now + ttl);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction(); // BEGIN IMMEDIATE: one leaser at a time
        var held = connection.Query<long>(
            """
            SELECT id FROM queries WHERE round_id = @roundId AND answered = 0 AND lease_owner = @annotator AND lease_expires_at > @nowText
            ORDER BY score DESC, id LIMIT @count;
            """, new { roundId, annotator, nowText, count }, transaction).AsList();
        var fresh = connection.Query<long>(
            """
            SELECT id FROM queries
            WHERE round_id = @roundId AND answered = 0 AND (lease_owner IS NULL OR lease_expires_at <= @nowText)
            ORDER BY score DESC, id LIMIT @limit;
            """, new { roundId, nowText, limit = count - held.Count }, transaction).AsList();
        var ids = held.Concat(fresh).ToList();
        connection.Execute("UPDATE queries SET lease_owner = @annotator, lease_expires_at = @until WHERE id IN @ids;",
            new { annotator, until, ids }, transaction);
        var leased = connection.Query<QueryRow>($"{Select} WHERE q.id IN @ids ORDER BY q.score DESC, q.id;", new { ids }, transaction).AsList();
        transaction.Commit();
        return leased;
    }
}
