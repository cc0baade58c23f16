using Alc.Storage.Rounds;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Alc.Storage.Answers;

/// <summary>The answer log and the idempotency records. A committed batch is durable (WAL, synchronous FULL).</summary>
public sealed partial class AnswerRepository(EngineDatabase database, RoundRepository rounds, TimeProvider clock)
{
    /// <summary>The stored request hash and response of an Idempotency-Key, or null.</summary>
    public (string RequestHash, string ResponseJson)? FindIdempotent(string key)
    {
        using var connection = database.Open();
        var row = connection.QuerySingleOrDefault<IdempotencyRow>(
            "SELECT request_hash, response_json FROM idempotency WHERE key = @key;", new { key });
        return row is null ? null : (row.RequestHash, row.ResponseJson);
    }

    /// <summary>Stores the batch in one transaction.</summary>
    /// <exception cref="StorageConflictException">A query was answered meanwhile, or the key was used meanwhile.</exception>
    public void Commit(AnswerBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var work = UnitOfWork.Begin(database);
        Write(work, batch, StorageClock.ToText(clock.GetUtcNow()));
        work.Commit();
    }

    /// <summary>
    /// Stores several independent batches in one transaction, so they share one fsync (group commit). Each batch is
    /// written inside its own savepoint: one that conflicts is rolled back alone and its error returned in its slot;
    /// the others commit. The returned list has one entry per batch, null for a batch that is stored.
    /// </summary>
    /// <exception cref="SqliteException">The transaction itself failed (nothing of the group is stored).</exception>
    public IReadOnlyList<Exception?> CommitGroup(IReadOnlyList<AnswerBatch> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        var errors = new Exception?[batches.Count];
        string at = StorageClock.ToText(clock.GetUtcNow());
        using var work = UnitOfWork.Begin(database);
        for (int i = 0; i < batches.Count; i++)
        {
            work.Connection.Execute("SAVEPOINT batch;", transaction: work.Transaction);
            try
            {
                Write(work, batches[i], at);
                work.Connection.Execute("RELEASE batch;", transaction: work.Transaction);
            }
            catch (StorageConflictException ex)
            {
                work.Connection.Execute("ROLLBACK TO batch; RELEASE batch;", transaction: work.Transaction);
                errors[i] = ex;
            }
        }

        work.Commit();
        return errors;
    }

    private void Write(UnitOfWork work, AnswerBatch batch, string at)
    {
        var (connection, transaction) = (work.Connection, work.Transaction);
        try
        {
            connection.Execute("INSERT INTO idempotency (key, request_hash, response_json, created_at) VALUES (@IdempotencyKey, @RequestHash, @ResponseJson, @at);",
                new { batch.IdempotencyKey, batch.RequestHash, batch.ResponseJson, at }, transaction);
            foreach (var answer in batch.Answers)
            {
                if (connection.Execute("UPDATE queries SET answered = 1 WHERE id = @QueryId AND answered = 0;", answer, transaction) != 1)
                {
                    throw new StorageConflictException($"Query {answer.QueryId} was answered meanwhile.");
                }

                long id = connection.ExecuteScalar<long>(
                    """
                    INSERT INTO answers (query_id, idempotency_key, annotator, verdict, label, elapsed_ms, created_at, source, revision)
                    VALUES (@QueryId, @key, @annotator, @Verdict, @Label, @ElapsedMs, @at, @source, @revision) RETURNING id;
                    """,
                    new
                    {
                        answer.QueryId, key = batch.IdempotencyKey, annotator = batch.Annotator, Verdict = StoredText.Of(answer.Verdict), answer.Label, answer.ElapsedMs, at,
                        source = batch.Source, revision = batch.Revision,
                    },
                    transaction);
                connection.Execute("INSERT INTO applied_corrections (answer_id, changed_pixels) VALUES (@id, @ChangedPixels);",
                    new { id, answer.ChangedPixels }, transaction);
            }

            if (batch.Close is var (round, metrics))
            {
                rounds.Close(work, round, metrics);
            }
        }
        catch (SqliteException ex) when (SqliteErrors.IsUniqueViolation(ex))
        {
            throw new StorageConflictException($"Idempotency-Key '{batch.IdempotencyKey}' was used by another request meanwhile.", ex);
        }
    }

    /// <summary>Every answer of a project in log order (joined with its query).</summary>
    public IReadOnlyList<AnswerRow> ForProject(long projectId)
    {
        using var connection = database.Open();
        return connection.Query<AnswerRow>($"{Select} JOIN rounds r ON r.id = q.round_id WHERE r.project_id = @projectId ORDER BY a.id;", new { projectId }).AsList();
    }

    /// <summary>The project's answers counted per round, verdict, label and kind (one aggregate query; no answer row is read).</summary>
    public IReadOnlyList<AnswerTallyRow> Tally(long projectId)
    {
        using var connection = database.Open();
        return connection.Query<AnswerTallyRow>(
            """
            SELECT q.round_id, a.verdict, a.label, q.region_blob IS NOT NULL AS region, count(*) AS count, total(a.elapsed_ms) AS elapsed_ms
            FROM answers a JOIN queries q ON q.id = a.query_id JOIN rounds r ON r.id = q.round_id
            WHERE r.project_id = @projectId GROUP BY q.round_id, a.verdict, a.label, region;
            """, new { projectId }).AsList();
    }

    /// <summary>Every answer of one round in log order.</summary>
    public IReadOnlyList<AnswerRow> ForRound(long roundId)
    {
        using var connection = database.Open();
        return connection.Query<AnswerRow>($"{Select} WHERE q.round_id = @roundId ORDER BY a.id;", new { roundId }).AsList();
    }

    private const string Select = """
        SELECT a.id, a.query_id, q.round_id, q.image_id, q.pixel, q.superpixel_id, q.shown_label, q.region_blob, a.annotator, a.verdict, a.label,
               a.elapsed_ms, a.idempotency_key, a.source, a.revision
        FROM answers a JOIN queries q ON q.id = a.query_id
        """;

    private sealed record IdempotencyRow
    {
        public string RequestHash { get; init; } = "";

        public string ResponseJson { get; init; } = "";
    }
}
