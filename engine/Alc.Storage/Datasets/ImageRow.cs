namespace Alc.Storage.Datasets;

/// <summary>
/// One image of a dataset: the photo's original bytes and the raw arrays (pseudo labels D0 as one byte per
/// pixel, superpixel ids as little-endian int32, optional ground truth) as blob hashes.
/// </summary>
public sealed record ImageRow
{
    /// <summary>Id.</summary>
    public long Id { get; init; }

    /// <summary>The dataset.</summary>
    public long DatasetId { get; init; }

    /// <summary>File stem, unique within the dataset.</summary>
    public string Stem { get; init; } = "";

    /// <summary><c>train</c> or <c>val</c>.</summary>
    public string Split { get; init; } = "train";

    /// <summary>Width in pixels.</summary>
    public int Width { get; init; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; init; }

    /// <summary>Blob of the photo file as uploaded (PNG or JPEG).</summary>
    public string ImageBlob { get; init; } = "";

    /// <summary>Blob of D0, one byte per pixel.</summary>
    public string PseudoBlob { get; init; } = "";

    /// <summary>Blob of the superpixel ids, little-endian int32 per pixel.</summary>
    public string SuperpixelBlob { get; init; } = "";

    /// <summary>Blob of the ground truth, one byte per pixel, when known.</summary>
    public string? GtBlob { get; init; }
}
