using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Alc.Storage;

/// <summary>
/// The engine's SQLite database file: every connection has foreign keys on and a busy timeout; the file is in
/// WAL mode with <c>synchronous = FULL</c>, so a committed transaction survives a process or power failure.
/// <see cref="Migrate"/> applies the embedded, numbered SQL migrations in order, each in its own transaction.
/// </summary>
public sealed class EngineDatabase
{
    /// <summary>How long a connection waits for a lock held by another writer.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(10);

    private static readonly object Configured = new();

    private readonly string _connectionString;
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = new();

    // Columns are snake_case, row properties PascalCase.
    static EngineDatabase() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    /// <summary>A database at <paramref name="path"/> (created on first open).</summary>
    public EngineDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            ForeignKeys = true,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>The migrations compiled into this assembly, by version.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } = LoadMigrations();

    /// <summary>The newest schema version this build knows.</summary>
    public static int LatestVersion => Migrations.Count == 0 ? 0 : Migrations[^1].Version;

    /// <summary>Opens a connection with the per-connection settings applied.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // The settings belong to the native connection, which the pool reuses: apply them once per native connection.
        if (_configured.TryAdd(connection.Handle!, Configured))
        {
            connection.Execute($"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = FULL;");
        }

        return connection;
    }

    /// <summary>The schema version of the file (0 for a new file).</summary>
    public int SchemaVersion()
    {
        using var connection = Open();
        return CurrentVersion(connection);
    }

    /// <summary>Switches the file to WAL and applies every migration newer than its version; returns the version reached.</summary>
    /// <exception cref="InvalidOperationException">The file is newer than this build (downgrades are refused).</exception>
    public int Migrate()
    {
        using var connection = Open();
        connection.Execute("PRAGMA journal_mode = WAL;");
        connection.Execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);");
        int version = CurrentVersion(connection);
        if (version > LatestVersion)
        {
            throw new InvalidOperationException($"{Path} has schema version {version}, newer than this build's {LatestVersion}; use a newer alc-engine.");
        }

        foreach (var migration in Migrations.Where(m => m.Version > version))
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute(migration.Sql, transaction: transaction);
            connection.Execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @At);",
                new { migration.Version, migration.Name, At = DateTimeOffset.UtcNow.ToString("O") }, transaction);
            transaction.Commit();
            version = migration.Version;
        }

        return version;
    }

    private static int CurrentVersion(SqliteConnection connection)
    {
        bool exists = connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations';") > 0;
        return exists ? connection.ExecuteScalar<int?>("SELECT max(version) FROM schema_migrations;") ?? 0 : 0;
    }

    private static List<Migration> LoadMigrations()
    {
        var assembly = typeof(EngineDatabase).Assembly;
        const string prefix = "Alc.Storage.Migrations.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                string name = n[prefix.Length..^4];
                int version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return new Migration(version, name, reader.ReadToEnd());
            })
            .OrderBy(m => m.Version)
            .ToList();
    }
}
