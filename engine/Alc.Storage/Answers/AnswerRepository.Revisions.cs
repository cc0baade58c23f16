using Dapper;

namespace Alc.Storage.Answers;

/// <content>Sourced answers: found by source, revised in place, withdrawn; what they replace is kept in <c>answer_history</c>.</content>
public sealed partial class AnswerRepository
{
    /// <summary>The stored answers of a project that came from <paramref name="source"/>, in log order.</summary>
    public IReadOnlyList<AnswerRow> ForSource(long projectId, string source)
    {
        using var connection = database.Open();
        return connection.Query<AnswerRow>(
            $"{Select} JOIN rounds r ON r.id = q.round_id WHERE a.source = @source AND r.project_id = @projectId ORDER BY a.id;",
            new { projectId, source }).AsList();
    }

    /// <summary>The stored answer of a query, or null while it is unanswered.</summary>
    public AnswerRow? ForQuery(long queryId)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<AnswerRow>($"{Select} WHERE a.query_id = @queryId;", new { queryId });
    }

    /// <summary>Replaces a stored answer by a later revision, in one transaction with the revision's idempotency record.</summary>
    /// <exception cref="StorageConflictException">The answer is gone (withdrawn meanwhile) or the key was used meanwhile.</exception>
    public void Revise(AnswerRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        string at = StorageClock.ToText(clock.GetUtcNow());
        using var work = UnitOfWork.Begin(database);
        var (connection, transaction) = (work.Connection, work.Transaction);
        try
        {
            connection.Execute("INSERT INTO idempotency (key, request_hash, response_json, created_at) VALUES (@IdempotencyKey, @RequestHash, @ResponseJson, @at);",
                new { revision.IdempotencyKey, revision.RequestHash, revision.ResponseJson, at }, transaction);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex) when (SqliteErrors.IsUniqueViolation(ex))
        {
            throw new StorageConflictException($"Idempotency-Key '{revision.IdempotencyKey}' was used by another request meanwhile.", ex);
        }

        Archive(work, revision.AnswerId, "revised", at);
        int updated = connection.Execute(
            """
            UPDATE answers SET idempotency_key = @IdempotencyKey, annotator = @Annotator, verdict = @verdict, label = @Label, elapsed_ms = @ElapsedMs,
                               created_at = @at, revision = @Revision
            WHERE id = @AnswerId;
            UPDATE applied_corrections SET changed_pixels = @ChangedPixels WHERE answer_id = @AnswerId;
            """,
            new
            {
                revision.IdempotencyKey, revision.Annotator, verdict = StoredText.Of(revision.Verdict), revision.Label, revision.ElapsedMs, at,
                revision.Revision, revision.AnswerId, revision.ChangedPixels,
            }, transaction);
        if (updated == 0)
        {
            throw new StorageConflictException($"Answer {revision.AnswerId} was withdrawn meanwhile.");
        }

        work.Commit();
    }

    /// <summary>Withdraws stored answers in one transaction: each moves to the history and its query is unanswered again.</summary>
    /// <exception cref="StorageConflictException">An answer is gone already.</exception>
    public void Withdraw(IReadOnlyList<long> answerIds)
    {
        ArgumentNullException.ThrowIfNull(answerIds);
        string at = StorageClock.ToText(clock.GetUtcNow());
        using var work = UnitOfWork.Begin(database);
        foreach (long id in answerIds)
        {
            Archive(work, id, "withdrawn", at);
            int removed = work.Connection.Execute(
                """
                UPDATE queries SET answered = 0 WHERE id = (SELECT query_id FROM answers WHERE id = @id);
                DELETE FROM applied_corrections WHERE answer_id = @id;
                DELETE FROM answers WHERE id = @id;
                """, new { id }, work.Transaction);
            if (removed == 0)
            {
                throw new StorageConflictException($"Answer {id} was withdrawn meanwhile.");
            }
        }

        work.Commit();
    }

    /// <summary>The superseded and withdrawn answers of a query, oldest first, with how each ended.</summary>
    public IReadOnlyList<AnswerHistoryRow> History(long queryId)
    {
        using var connection = database.Open();
        return connection.Query<AnswerHistoryRow>(
            "SELECT answer_id, query_id, annotator, verdict, label, elapsed_ms, source, revision, ended_by FROM answer_history WHERE query_id = @queryId ORDER BY id;",
            new { queryId }).AsList();
    }

    private static void Archive(UnitOfWork work, long answerId, string endedBy, string at) =>
        work.Connection.Execute(
            """
            INSERT INTO answer_history (answer_id, query_id, idempotency_key, annotator, verdict, label, elapsed_ms, created_at, source, revision, ended_at, ended_by)
            SELECT id, query_id, idempotency_key, annotator, verdict, label, elapsed_ms, created_at, source, revision, @at, @endedBy FROM answers WHERE id = @answerId;
            """, new { answerId, at, endedBy }, work.Transaction);
}
