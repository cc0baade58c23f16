using Alc.Storage.Jobs;
using Alc.Storage.Queries;
using Dapper;

namespace Alc.Storage.Rounds;

/// <summary>Rounds, their models and metrics; every state change of a round is one transaction.</summary>
public sealed class RoundRepository(EngineDatabase database, JobRepository jobs, TimeProvider clock)
{
    private const string Columns = "id, project_id, number, state, model_id, created_at, closed_at";

    /// <summary>
    /// Starts the project's next round in state training together with the job that trains and scores it.
    /// </summary>
    /// <exception cref="StorageConflictException">The latest round is not closed.</exception>
    public (RoundRow Round, JobRow Job) Start(long projectId)
    {
        string at = StorageClock.ToText(clock.GetUtcNow());
        using var work = UnitOfWork.Begin(database);
        var (connection, transaction) = (work.Connection, work.Transaction);
        var latest = connection.QuerySingleOrDefault<RoundRow>(
            $"SELECT {Columns} FROM rounds WHERE project_id = @projectId ORDER BY number DESC LIMIT 1;", new { projectId }, transaction);
        if (latest is not null && latest.State != RoundStatus.Closed)
        {
            long? runningJob = connection.QuerySingleOrDefault<long?>("SELECT id FROM jobs WHERE round_id = @Id ORDER BY id DESC LIMIT 1;", new { latest.Id }, transaction);
            throw new StorageConflictException($"Round {latest.Number} is still {StoredText.Of(latest.State)}; " + (latest.State == RoundStatus.Querying
                ? $"answer its remaining queries, or end it early (POST /projects/{projectId}/rounds/{latest.Number}/close), before starting the next."
                : $"wait for its job (GET /jobs/{runningJob}/events) or cancel it (POST /jobs/{runningJob}/cancel) before starting the next."));
        }

        int number = (latest?.Number ?? 0) + 1;
        var round = connection.QuerySingle<RoundRow>(
            $"INSERT INTO rounds (project_id, number, state, created_at) VALUES (@projectId, @number, 'training', @at) RETURNING {Columns};",
            new { projectId, number, at }, transaction);
        var job = jobs.CreateRoundJob(work, projectId, round.Id, $"round {number}: waiting to train");
        work.Commit();
        return (round, job);
    }

    /// <summary>One round by id, or null.</summary>
    public RoundRow? Get(long id)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<RoundRow>($"SELECT {Columns} FROM rounds WHERE id = @id;", new { id });
    }

    /// <summary>Round <paramref name="number"/> of a project, or null.</summary>
    public RoundRow? Get(long projectId, int number)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<RoundRow>($"SELECT {Columns} FROM rounds WHERE project_id = @projectId AND number = @number;",
            new { projectId, number });
    }

    /// <summary>The project's rounds in order.</summary>
    public IReadOnlyList<RoundRow> List(long projectId)
    {
        using var connection = database.Open();
        return connection.Query<RoundRow>($"SELECT {Columns} FROM rounds WHERE project_id = @projectId ORDER BY number;", new { projectId }).AsList();
    }

    /// <summary>
    /// Raised with the project's id before a round's closing is written (also when that write then fails) and, where this
    /// repository commits the closing itself, again after the commit, so a cache of "the project's querying round" drops
    /// it. A caller that commits a closing in its own unit of work tells the cache after its commit.
    /// </summary>
    public event Action<long>? Closing;

    /// <summary>The project's latest round, or null.</summary>
    public RoundRow? Latest(long projectId)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<RoundRow>($"SELECT {Columns} FROM rounds WHERE project_id = @projectId ORDER BY number DESC LIMIT 1;",
            new { projectId });
    }

    /// <summary>A model, or null.</summary>
    public ModelRow? Model(long id)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<ModelRow>(
            "SELECT id, project_id, round_number, checkpoint_blob, created_at FROM models WHERE id = @id;", new { id });
    }

    /// <summary>training → scoring: records the trained checkpoint (already in the blob store).</summary>
    /// <exception cref="StorageConflictException">The round is not in training.</exception>
    public void CompleteTraining(RoundRow round, string checkpointBlob)
    {
        ArgumentNullException.ThrowIfNull(round);
        string at = StorageClock.ToText(clock.GetUtcNow());
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        long modelId = connection.ExecuteScalar<long>(
            "INSERT INTO models (project_id, round_number, checkpoint_blob, created_at) VALUES (@ProjectId, @Number, @checkpointBlob, @at) RETURNING id;",
            new { round.ProjectId, round.Number, checkpointBlob, at }, transaction);
        Require(connection.Execute("UPDATE rounds SET state = 'scoring', model_id = @modelId WHERE id = @Id AND state = 'training';",
            new { modelId, round.Id }, transaction), round, RoundStatus.Training);
        transaction.Commit();
    }

    /// <summary>
    /// scoring → querying: stores the selected queries, the model's validation mIoU and, for a strategy with one, the
    /// round's automated correction, all in one transaction.
    /// </summary>
    /// <exception cref="StorageConflictException">The round is not in scoring.</exception>
    public void CompleteScoring(RoundRow round, IReadOnlyList<NewQuery> queries, double? modelMiou, NewAutoCorrection? autoCorrection = null)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(queries);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        Require(connection.Execute("UPDATE rounds SET state = 'querying' WHERE id = @Id AND state = 'scoring';", new { round.Id }, transaction),
            round, RoundStatus.Scoring);
        connection.Execute(
            """
            INSERT INTO queries (round_id, image_id, pixel, superpixel_id, shown_label, score, region_blob)
            VALUES (@roundId, @ImageId, @Pixel, @SuperpixelId, @ShownLabel, @Score, @RegionBlob);
            """,
            queries.Select(q => new { roundId = round.Id, q.ImageId, q.Pixel, q.SuperpixelId, q.ShownLabel, q.Score, q.RegionBlob }), transaction);
        if (autoCorrection is not null)
        {
            connection.Execute(
                "INSERT INTO auto_corrections (round_id, changed_pixels, changes_blob, record_json) VALUES (@Id, @ChangedPixels, @ChangesBlob, @RecordJson);",
                new { round.Id, autoCorrection.ChangedPixels, autoCorrection.ChangesBlob, autoCorrection.RecordJson }, transaction);
        }

        connection.Execute(
            "INSERT INTO round_metrics (round_id, clicks, bits, seconds, model_miou) VALUES (@Id, 0, 0, 0, @modelMiou);",
            new { round.Id, modelMiou }, transaction);
        transaction.Commit();
    }

    /// <summary>querying → closed without further answers (an administrator ends the round early); records the metrics.</summary>
    /// <exception cref="StorageConflictException">The round is not in querying.</exception>
    public void Close(RoundRow round, RoundMetricsRow metrics)
    {
        using var work = UnitOfWork.Begin(database);
        Close(work, round, metrics);
        work.Commit();
        // Once more after the commit: a reader between the first notice and the commit still saw the round querying.
        Closing?.Invoke(round.ProjectId);
    }

    /// <summary>querying → closed inside <paramref name="work"/> (an answer batch that answers the round's last query closes it in its own transaction).</summary>
    /// <exception cref="StorageConflictException">The round is not in querying.</exception>
    public void Close(UnitOfWork work, RoundRow round, RoundMetricsRow metrics)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(metrics);
        Closing?.Invoke(round.ProjectId);
        Require(work.Connection.Execute("UPDATE rounds SET state = 'closed', closed_at = @at WHERE id = @Id AND state = 'querying';",
            new { round.Id, at = StorageClock.ToText(clock.GetUtcNow()) }, work.Transaction), round, RoundStatus.Querying);
        MetricsWriter.Upsert(work.Connection, work.Transaction, round.Id, metrics);
    }

    /// <summary>
    /// Removes a round that never reached querying (its job failed or was cancelled), so the project can start it
    /// again; its job keeps its history without the round. False when the round had already moved on.
    /// </summary>
    public bool Abandon(long roundId)
    {
        using var work = UnitOfWork.Begin(database);
        JobRepository.Detach(work, roundId);
        int removed = work.Connection.Execute("DELETE FROM rounds WHERE id = @roundId AND state IN ('training', 'scoring');", new { roundId }, work.Transaction);
        if (removed == 1)
        {
            work.Commit();
        }

        return removed == 1;
    }

    /// <summary>The job of a round, or null.</summary>
    public JobRow? Job(long roundId) => jobs.ForRound(roundId);

    /// <summary>The automated corrections of the project's rounds, in round order.</summary>
    public IReadOnlyList<AutoCorrectionRow> AutoCorrections(long projectId)
    {
        using var connection = database.Open();
        return connection.Query<AutoCorrectionRow>(
            """
            SELECT a.round_id, r.number AS round_number, a.changed_pixels, a.changes_blob, a.record_json
            FROM auto_corrections a JOIN rounds r ON r.id = a.round_id WHERE r.project_id = @projectId ORDER BY r.number;
            """, new { projectId }).AsList();
    }

    /// <summary>The metrics of every round of the project that has them, in round order.</summary>
    public IReadOnlyList<RoundMetricsRow> Metrics(long projectId)
    {
        using var connection = database.Open();
        return connection.Query<RoundMetricsRow>(
            """
            SELECT m.round_id, r.number AS round_number, r.state AS round_state, m.clicks, m.bits, m.seconds, m.data_miou, m.model_miou,
                   m.precision, m.recall, m.corrections_json
            FROM round_metrics m JOIN rounds r ON r.id = m.round_id WHERE r.project_id = @projectId ORDER BY r.number;
            """, new { projectId }).AsList();
    }

    private static void Require(int affected, RoundRow round, RoundStatus expected)
    {
        if (affected != 1)
        {
            throw new StorageConflictException($"Round {round.Number} is no longer {StoredText.Of(expected)}.");
        }
    }
}
