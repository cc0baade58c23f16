using Dapper;
using Microsoft.Data.Sqlite;

namespace Alc.Storage.Projects;

/// <summary>Projects (correction campaigns).</summary>
public sealed class ProjectRepository(EngineDatabase database, TimeProvider clock)
{
    /// <summary>Creates a project; returns its id.</summary>
    /// <exception cref="StorageConflictException">A project named <paramref name="name"/> exists.</exception>
    public long Create(long datasetId, string name, string strategyJson, ProjectOracle oracle)
    {
        using var connection = database.Open();
        try
        {
            return connection.ExecuteScalar<long>(
                "INSERT INTO projects (dataset_id, name, strategy_json, oracle, created_at) VALUES (@datasetId, @name, @strategyJson, @oracle, @at) RETURNING id;",
                new { datasetId, name, strategyJson, oracle = StoredText.Of(oracle), at = StorageClock.ToText(clock.GetUtcNow()) });
        }
        catch (SqliteException ex) when (SqliteErrors.IsUniqueViolation(ex))
        {
            throw new StorageConflictException($"A project named '{name}' already exists.", ex);
        }
    }

    /// <summary>Every project, by id.</summary>
    public IReadOnlyList<ProjectRow> List()
    {
        using var connection = database.Open();
        return connection.Query<ProjectRow>($"SELECT {Columns} FROM projects ORDER BY id;").AsList();
    }

    /// <summary>One project, or null.</summary>
    public ProjectRow? Get(long id)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<ProjectRow>($"SELECT {Columns} FROM projects WHERE id = @id;", new { id });
    }

    /// <summary>One project by name, or null.</summary>
    public ProjectRow? FindByName(string name)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<ProjectRow>($"SELECT {Columns} FROM projects WHERE name = @name;", new { name });
    }

    private const string Columns = "id, dataset_id, name, strategy_json, oracle, created_at";
}
