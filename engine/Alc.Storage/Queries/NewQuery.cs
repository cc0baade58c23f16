namespace Alc.Storage.Queries;

/// <summary>A query selected for a round, before it is stored.</summary>
/// <param name="ImageId">The image.</param>
/// <param name="Pixel">Linear pixel index.</param>
/// <param name="SuperpixelId">The superpixel.</param>
/// <param name="ShownLabel">The pixel's current label.</param>
/// <param name="Score">The acquisition score.</param>
/// <param name="RegionBlob">For a region check, the blob of its region's pixels; null for a pixel query.</param>
public sealed record NewQuery(long ImageId, int Pixel, int SuperpixelId, int ShownLabel, double Score, string? RegionBlob = null);
