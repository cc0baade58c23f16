namespace Alc.Storage.Datasets;

/// <summary>A dataset: a named set of images with one class list.</summary>
public sealed record DatasetRow
{
    /// <summary>Id.</summary>
    public long Id { get; init; }

    /// <summary>Unique name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Creation time (stored form).</summary>
    public string CreatedAt { get; init; } = "";
}
