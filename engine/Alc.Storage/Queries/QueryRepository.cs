using Dapper;

namespace Alc.Storage.Queries;

/// <summary>The rounds' correction queries as stored: read by id, by round, and counted.</summary>
public sealed class QueryRepository(EngineDatabase database)
{
    internal const string Select = """
        SELECT q.id, q.round_id, r.number AS round_number, r.project_id, q.image_id, q.pixel, q.superpixel_id, q.shown_label, q.score,
               q.answered, q.region_blob
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
}
