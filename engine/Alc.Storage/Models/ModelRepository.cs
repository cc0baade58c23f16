using Dapper;
using Microsoft.Data.Sqlite;

namespace Alc.Storage.Models;

/// <summary>Uploaded ONNX models. The file must be in the <see cref="BlobStore"/> before its row is written.</summary>
public sealed class ModelRepository(EngineDatabase database, TimeProvider clock)
{
    private const string Columns = "id, name, role, blob, bytes, signature, preprocessing, created_at";

    /// <summary>Stores a validated model; returns its id.</summary>
    /// <exception cref="StorageConflictException">A model named <paramref name="name"/> exists.</exception>
    public long Create(string name, string role, string blob, long bytes, string signature, string preprocessing)
    {
        using var connection = database.Open();
        try
        {
            return connection.ExecuteScalar<long>(
                "INSERT INTO onnx_models (name, role, blob, bytes, signature, preprocessing, created_at) VALUES (@name, @role, @blob, @bytes, @signature, @preprocessing, @at) RETURNING id;",
                new { name, role, blob, bytes, signature, preprocessing, at = StorageClock.ToText(clock.GetUtcNow()) });
        }
        catch (SqliteException ex) when (SqliteErrors.IsUniqueViolation(ex))
        {
            throw new StorageConflictException($"A model named '{name}' already exists.", ex);
        }
    }

    /// <summary>The model, or null.</summary>
    public ModelRow? Get(long id)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<ModelRow>($"SELECT {Columns} FROM onnx_models WHERE id = @id;", new { id });
    }

    /// <summary>Every model, oldest first.</summary>
    public IReadOnlyList<ModelRow> List()
    {
        using var connection = database.Open();
        return connection.Query<ModelRow>($"SELECT {Columns} FROM onnx_models ORDER BY id;").AsList();
    }

    /// <summary>Removes the model's row (its blob stays: blobs are shared by content); false when there was none.</summary>
    public bool Delete(long id)
    {
        using var connection = database.Open();
        return connection.Execute("DELETE FROM onnx_models WHERE id = @id;", new { id }) == 1;
    }
}
