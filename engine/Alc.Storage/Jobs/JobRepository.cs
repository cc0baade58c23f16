using Dapper;

namespace Alc.Storage.Jobs;

/// <summary>Jobs: the runner's queue and the progress clients read.</summary>
public sealed class JobRepository(EngineDatabase database, TimeProvider clock)
{
    private const string Columns = "id, kind, project_id, round_id, dataset_id, request, result_dataset_id, state, progress, stage, stage_progress, message, error, created_at, started_at, finished_at";

    // A queued job runs after every running job and every job queued before it (the runner takes the oldest first).
    private const string Ahead =
        "CASE WHEN state = 'queued' THEN (SELECT count(*) FROM jobs AS a WHERE a.state = 'running' OR (a.state = 'queued' AND a.id < jobs.id)) END AS jobs_ahead";

    /// <summary>The latest job of a round, or null.</summary>
    public JobRow? ForRound(long roundId)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<JobRow>($"SELECT {Columns}, {Ahead} FROM jobs WHERE round_id = @roundId ORDER BY id DESC LIMIT 1;", new { roundId });
    }

    /// <summary>Queues the job that trains and scores a new round, inside the round's own start.</summary>
    public JobRow CreateRoundJob(UnitOfWork work, long projectId, long roundId, string message)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work.Connection.QuerySingle<JobRow>(
            $"""
            INSERT INTO jobs (kind, project_id, round_id, state, progress, message, created_at)
            VALUES ('round', @projectId, @roundId, 'queued', 0, @message, @at)
            RETURNING {Columns}, {Ahead};
            """,
            new { projectId, roundId, message, at = StorageClock.ToText(clock.GetUtcNow()) }, work.Transaction);
    }

    /// <summary>
    /// Queues a job of <paramref name="kind"/> that reads dataset <paramref name="datasetId"/>, with the request it runs
    /// (stored, so a job requeued after a restart runs exactly what was asked).
    /// </summary>
    public JobRow CreateDatasetJob(string kind, long datasetId, string request, string message)
    {
        using var connection = database.Open();
        return connection.QuerySingle<JobRow>(
            $"""
            INSERT INTO jobs (kind, dataset_id, request, state, progress, message, created_at)
            VALUES (@kind, @datasetId, @request, 'queued', 0, @message, @at)
            RETURNING {Columns}, {Ahead};
            """,
            new { kind, datasetId, request, message, at = StorageClock.ToText(clock.GetUtcNow()) });
    }

    /// <summary>Records the dataset a running job made (before it is marked succeeded, so a client never sees success without it).</summary>
    public void RecordResultDataset(long id, long datasetId)
    {
        using var connection = database.Open();
        connection.Execute("UPDATE jobs SET result_dataset_id = @datasetId WHERE id = @id AND state = 'running';", new { id, datasetId });
    }

    /// <summary>Keeps a removed round's jobs with their history, without the round.</summary>
    public static void Detach(UnitOfWork work, long roundId)
    {
        ArgumentNullException.ThrowIfNull(work);
        work.Connection.Execute("UPDATE jobs SET round_id = NULL WHERE round_id = @roundId;", new { roundId }, work.Transaction);
    }

    /// <summary>One job by id, or null.</summary>
    public JobRow? Get(long id)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<JobRow>($"SELECT {Columns}, {Ahead} FROM jobs WHERE id = @id;", new { id });
    }

    /// <summary>The oldest queued job, or null.</summary>
    public JobRow? NextQueued()
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<JobRow>($"SELECT {Columns}, {Ahead} FROM jobs WHERE state = 'queued' ORDER BY id LIMIT 1;");
    }

    /// <summary>Puts jobs left running by a stopped process back in the queue; returns how many.</summary>
    public int RequeueInterrupted()
    {
        using var connection = database.Open();
        return connection.Execute("UPDATE jobs SET state = 'queued', message = 'requeued after a restart' WHERE state = 'running';");
    }

    /// <summary>Marks a queued job running; false when it is no longer queued (cancelled meanwhile).</summary>
    public bool MarkRunning(long id) => Transition(id, "state = 'queued'", "state = 'running', started_at = @at, progress = 0, stage = NULL, stage_progress = 0", null);

    /// <summary>
    /// Records progress of a running job: the overall fraction (never lowered: a stored value above
    /// <paramref name="progress"/> stays), the stage it is in with that stage's own fraction, and what it is doing.
    /// </summary>
    public void ReportProgress(long id, double progress, string? stage, double stageProgress, string message)
    {
        using var connection = database.Open();
        connection.Execute(
            "UPDATE jobs SET progress = max(progress, @progress), stage = @stage, stage_progress = @stageProgress, message = @message WHERE id = @id AND state = 'running';",
            new { id, progress = Fraction(progress), stage, stageProgress = Fraction(stageProgress), message });
    }

    /// <summary>Marks a running job succeeded.</summary>
    public bool MarkSucceeded(long id, string message) =>
        Transition(id, "state = 'running'", "state = 'succeeded', progress = 1, message = @message, finished_at = @at", message);

    /// <summary>Marks a running job failed with <paramref name="error"/>.</summary>
    public bool MarkFailed(long id, string error) =>
        Transition(id, "state = 'running'", "state = 'failed', error = @message, finished_at = @at", error);

    /// <summary>Marks a queued or running job cancelled; false when it had already finished.</summary>
    public bool MarkCancelled(long id) =>
        Transition(id, "state IN ('queued', 'running')", "state = 'cancelled', message = 'cancelled', finished_at = @at", null);

    private static double Fraction(double value) => double.IsFinite(value) ? Math.Clamp(value, 0, 1) : 0;

    private bool Transition(long id, string when, string set, string? message)
    {
        using var connection = database.Open();
        return connection.Execute($"UPDATE jobs SET {set} WHERE id = @id AND {when};",
            new { id, message, at = StorageClock.ToText(clock.GetUtcNow()) }) == 1;
    }
}
