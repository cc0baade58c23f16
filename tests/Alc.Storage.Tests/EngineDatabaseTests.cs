using Dapper;
using Microsoft.Data.Sqlite;

namespace Alc.Storage.Tests;

public sealed class EngineDatabaseTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Migrating_a_new_file_creates_the_schema_in_wal_mode()
    {
        var database = new EngineDatabase(_temp["alc.db"]);
        Assert.Equal(0, database.SchemaVersion());
        Assert.Equal(EngineDatabase.LatestVersion, database.Migrate());
        Assert.Equal(8, EngineDatabase.LatestVersion);
        using var connection = database.Open();
        Assert.Equal("wal", connection.ExecuteScalar<string>("PRAGMA journal_mode;"));
        Assert.Equal(1, connection.ExecuteScalar<long>("PRAGMA foreign_keys;"));
        var tables = connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;").ToList();
        foreach (string table in new[] { "datasets", "classes", "images", "projects", "models", "rounds", "queries", "answers",
                     "applied_corrections", "idempotency", "jobs", "round_metrics", "auto_corrections", "onnx_models", "schema_migrations" })
        {
            Assert.Contains(table, tables);
        }
    }

    [Fact]
    public void Migrating_again_applies_nothing_and_a_newer_file_is_refused()
    {
        var database = new EngineDatabase(_temp["alc.db"]);
        database.Migrate();
        Assert.Equal(8, database.Migrate());
        using (var connection = database.Open())
        {
            Assert.Equal(8, connection.ExecuteScalar<long>("SELECT count(*) FROM schema_migrations;"));
            connection.Execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 'now');");
        }

        var ex = Assert.Throws<InvalidOperationException>(() => database.Migrate());
        Assert.Contains("schema version 99, newer than this build's 8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_1_file_with_data_migrates_to_the_latest_version_keeping_its_rows()
    {
        var database = new EngineDatabase(_temp["alc.db"]);
        using (var connection = database.Open())
        {
            // The file as the previous release left it: schema v1 only, with a project and a finished job.
            connection.Execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);");
            connection.Execute(EngineDatabase.Migrations[0].Sql);
            connection.Execute("INSERT INTO schema_migrations VALUES (1, '0001_initial', 'then');");
            connection.Execute("INSERT INTO datasets (id, name, created_at) VALUES (1, 'd', 'then');");
            connection.Execute("INSERT INTO projects (id, dataset_id, name, strategy_json, oracle, created_at) VALUES (1, 1, 'p', '{}', 'none', 'then');");
            connection.Execute("INSERT INTO jobs (id, kind, project_id, state, progress, created_at) VALUES (7, 'round', 1, 'succeeded', 1, 'then');");
        }

        Assert.Equal(1, database.SchemaVersion());
        Assert.Equal(8, database.Migrate());
        using var migrated = database.Open();
        var job = migrated.QuerySingle<(long Id, string State, long? RoundId)>("SELECT id, state, round_id FROM jobs;");
        Assert.Equal((7L, "succeeded", (long?)null), job);
        Assert.Equal("p", migrated.ExecuteScalar<string>("SELECT name FROM projects WHERE id = 1;"));
        Assert.Contains("jobs_by_round", migrated.Query<string>("SELECT name FROM sqlite_master WHERE type = 'index';"));
        // v4: leases live in memory; the columns are gone and the open-query index is rebuilt without them.
        var columns = migrated.Query<string>("SELECT name FROM pragma_table_info('queries');").ToList();
        Assert.DoesNotContain("lease_owner", columns);
        Assert.DoesNotContain("lease_expires_at", columns);
        Assert.Equal(["round_id", "answered"], migrated.Query<string>("SELECT name FROM pragma_index_info('queries_open') ORDER BY seqno;"));
        // v5: answers name their source and revision; superseded and withdrawn answers go to answer_history.
        var answerColumns = migrated.Query<string>("SELECT name FROM pragma_table_info('answers');").ToList();
        Assert.Contains("source", answerColumns);
        Assert.Contains("revision", answerColumns);
        Assert.Contains("ended_by", migrated.Query<string>("SELECT name FROM pragma_table_info('answer_history');"));
        // v6: a job records its stage and that stage's fraction; an old job has none.
        var stage = migrated.QuerySingle<(string? Stage, double StageProgress)>("SELECT stage, stage_progress FROM jobs WHERE id = 7;");
        Assert.Equal((null, 0.0), stage);
        // v7: uploaded ONNX models, apart from the rounds' checkpoints in "models"; none yet.
        Assert.Equal(0, migrated.ExecuteScalar<long>("SELECT count(*) FROM onnx_models;"));
        Assert.Contains("signature", migrated.Query<string>("SELECT name FROM pragma_table_info('onnx_models');"));
        // v8: a job may work on a dataset, with the request it was queued with; a round job has neither.
        var datasetJob = migrated.QuerySingle<(long? DatasetId, string? Request, long? Result)>("SELECT dataset_id, request, result_dataset_id FROM jobs WHERE id = 7;");
        Assert.Equal((null, null, null), datasetJob);
    }

    [Fact]
    public void Foreign_keys_and_checks_guard_the_state()
    {
        var database = new EngineDatabase(_temp["alc.db"]);
        database.Migrate();
        using var connection = database.Open();
        var orphan = Assert.Throws<SqliteException>(() =>
            connection.Execute("INSERT INTO classes (dataset_id, id, name, color) VALUES (42, 0, 'background', '#000000');"));
        Assert.Contains("FOREIGN KEY", orphan.Message, StringComparison.Ordinal);
        connection.Execute("INSERT INTO datasets (id, name, created_at) VALUES (1, 'demo', 'now');");
        var badClass = Assert.Throws<SqliteException>(() =>
            connection.Execute("INSERT INTO classes (dataset_id, id, name, color) VALUES (1, 255, 'ignore', '#000000');"));
        Assert.Contains("CHECK", badClass.Message, StringComparison.Ordinal);
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM classes;"));
    }

    [Fact]
    public void A_committed_write_is_visible_to_a_new_connection_after_the_first_is_gone()
    {
        var database = new EngineDatabase(_temp["alc.db"]);
        database.Migrate();
        using (var writer = database.Open())
        {
            writer.Execute("INSERT INTO datasets (name, created_at) VALUES ('a', 'now');");
        }

        SqliteConnection.ClearAllPools();
        using var reader = new EngineDatabase(_temp["alc.db"]).Open();
        Assert.Equal("a", reader.ExecuteScalar<string>("SELECT name FROM datasets;"));
    }
}
