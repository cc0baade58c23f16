using Alc.Core;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Alc.Storage.Datasets;

/// <summary>Datasets, their classes and their images. Blobs must be in the <see cref="BlobStore"/> before rows naming them are written.</summary>
public sealed class DatasetRepository(EngineDatabase database, TimeProvider clock)
{
    /// <summary>Creates a dataset with its classes and images in one transaction; returns its id.</summary>
    /// <exception cref="StorageConflictException">A dataset named <paramref name="name"/> exists, or two images share a stem.</exception>
    public long Create(string name, IReadOnlyList<ClassInfo> classes, IReadOnlyList<ImageRow> images)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(images);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        try
        {
            long id = connection.ExecuteScalar<long>(
                "INSERT INTO datasets (name, created_at) VALUES (@name, @at) RETURNING id;",
                new { name, at = StorageClock.ToText(clock.GetUtcNow()) }, transaction);
            connection.Execute("INSERT INTO classes (dataset_id, id, name, color) VALUES (@DatasetId, @Id, @Name, @Color);",
                classes.Select(c => new { DatasetId = id, c.Id, c.Name, c.Color }), transaction);
            InsertImages(connection, transaction, id, images);
            transaction.Commit();
            return id;
        }
        catch (SqliteException ex) when (SqliteErrors.IsUniqueViolation(ex))
        {
            throw new StorageConflictException($"A dataset named '{name}' already exists (or two images share a stem).", ex);
        }
    }

    /// <summary>Adds one image; returns its id.</summary>
    /// <exception cref="StorageConflictException">The dataset already has an image with that stem.</exception>
    public long AddImage(long datasetId, ImageRow image)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        try
        {
            long id = InsertImages(connection, transaction, datasetId, [image]);
            transaction.Commit();
            return id;
        }
        catch (SqliteException ex) when (SqliteErrors.IsUniqueViolation(ex))
        {
            throw new StorageConflictException($"The dataset already has an image '{image.Stem}'.", ex);
        }
    }

    /// <summary>Every dataset, by id.</summary>
    public IReadOnlyList<DatasetRow> List()
    {
        using var connection = database.Open();
        return connection.Query<DatasetRow>("SELECT id, name, created_at FROM datasets ORDER BY id;").AsList();
    }

    /// <summary>One dataset, or null.</summary>
    public DatasetRow? Get(long id)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<DatasetRow>("SELECT id, name, created_at FROM datasets WHERE id = @id;", new { id });
    }

    /// <summary>One dataset by name, or null.</summary>
    public DatasetRow? FindByName(string name)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<DatasetRow>("SELECT id, name, created_at FROM datasets WHERE name = @name;", new { name });
    }

    /// <summary>The dataset's classes by id.</summary>
    public IReadOnlyList<ClassInfo> Classes(long datasetId)
    {
        using var connection = database.Open();
        return connection.Query<(long Id, string Name, string Color)>(
                "SELECT id, name, color FROM classes WHERE dataset_id = @datasetId ORDER BY id;", new { datasetId })
            .Select(c => new ClassInfo((int)c.Id, c.Name, c.Color))
            .ToList();
    }

    /// <summary>Images per split.</summary>
    public IReadOnlyDictionary<string, int> ImageCounts(long datasetId)
    {
        using var connection = database.Open();
        return connection.Query<(string Split, long Count)>(
                "SELECT split, count(*) FROM images WHERE dataset_id = @datasetId GROUP BY split ORDER BY split;", new { datasetId })
            .ToDictionary(r => r.Split, r => (int)r.Count);
    }

    /// <summary>A page of the dataset's images, by id, optionally of one split.</summary>
    public IReadOnlyList<ImageRow> Images(long datasetId, string? split = null, int offset = 0, int limit = int.MaxValue)
    {
        using var connection = database.Open();
        return connection.Query<ImageRow>(
            $"SELECT {Columns} FROM images WHERE dataset_id = @datasetId AND (@split IS NULL OR split = @split) ORDER BY id LIMIT @limit OFFSET @offset;",
            new { datasetId, split, limit, offset }).AsList();
    }

    /// <summary>One image of a dataset, or null.</summary>
    public ImageRow? Image(long datasetId, long imageId)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<ImageRow>($"SELECT {Columns} FROM images WHERE dataset_id = @datasetId AND id = @imageId;",
            new { datasetId, imageId });
    }

    private const string Columns = "id, dataset_id, stem, split, width, height, image_blob, pseudo_blob, superpixel_blob, gt_blob";

    private static long InsertImages(SqliteConnection connection, SqliteTransaction transaction, long datasetId, IReadOnlyList<ImageRow> images)
    {
        long last = 0;
        foreach (var image in images)
        {
            last = connection.ExecuteScalar<long>(
                """
                INSERT INTO images (dataset_id, stem, split, width, height, image_blob, pseudo_blob, superpixel_blob, gt_blob)
                VALUES (@datasetId, @Stem, @Split, @Width, @Height, @ImageBlob, @PseudoBlob, @SuperpixelBlob, @GtBlob) RETURNING id;
                """,
                new { datasetId, image.Stem, image.Split, image.Width, image.Height, image.ImageBlob, image.PseudoBlob, image.SuperpixelBlob, image.GtBlob },
                transaction);
        }

        return last;
    }
}
