using System.Runtime.InteropServices;
using Alc.Core.Maps;
using Alc.Imaging.Photos;
using Alc.Storage;
using Alc.Storage.Datasets;

namespace Alc.Campaigns.Projects;

/// <summary>Reads an image's stored arrays back from the blob store (each blob hash-checked on read).</summary>
public static class StoredImages
{
    /// <summary>A label map's bytes as the blob store keeps them.</summary>
    public static byte[] Raw(LabelMap map) => map.Labels.ToArray();

    /// <summary>
    /// A superpixel map's ids as the blob store keeps them: 16-bit when every id fits (≤ 65,535, as SLIC and SAM maps do),
    /// else 32-bit, little-endian either way. The width a blob uses is read back from its length.
    /// </summary>
    public static byte[] Raw(SuperpixelMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        ReadOnlySpan<int> ids = map.Ids;
        if (ids.ContainsAnyExceptInRange(0, ushort.MaxValue))
        {
            return MemoryMarshal.AsBytes(ids).ToArray();
        }

        var narrow = new ushort[ids.Length];
        for (int i = 0; i < ids.Length; i++)
        {
            narrow[i] = (ushort)ids[i];
        }

        return MemoryMarshal.AsBytes(narrow.AsSpan()).ToArray();
    }

    /// <summary>The image's D0.</summary>
    public static LabelMap Pseudo(BlobStore blobs, ImageRow image, int classCount) =>
        new(image.Width, image.Height, classCount, blobs.Get(image.PseudoBlob));

    /// <summary>The image's ground truth, when stored.</summary>
    public static LabelMap? GroundTruth(BlobStore blobs, ImageRow image, int classCount) =>
        image.GtBlob is null ? null : new LabelMap(image.Width, image.Height, classCount, blobs.Get(image.GtBlob));

    /// <summary>The image's superpixels (from a 16-bit or a 32-bit blob).</summary>
    /// <exception cref="InvalidDataException">The blob holds neither 2 nor 4 bytes per pixel.</exception>
    public static SuperpixelMap Superpixels(BlobStore blobs, ImageRow image)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(image);
        byte[] bytes = blobs.Get(image.SuperpixelBlob);
        long pixels = (long)image.Width * image.Height;
        if (bytes.Length == pixels * 4)
        {
            return new SuperpixelMap(image.Width, image.Height, MemoryMarshal.Cast<byte, int>(bytes).ToArray());
        }

        if (bytes.Length != pixels * 2)
        {
            throw new InvalidDataException($"The superpixels of '{image.Stem}' hold {bytes.Length} bytes; a {image.Width}×{image.Height} map holds {pixels * 2} (16-bit) or {pixels * 4} (32-bit).");
        }

        var ids = new int[pixels];
        ReadOnlySpan<ushort> narrow = MemoryMarshal.Cast<byte, ushort>(bytes);
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = narrow[i];
        }

        return new SuperpixelMap(image.Width, image.Height, ids);
    }

    /// <summary>The image's photo, decoded.</summary>
    public static RgbImage Photo(BlobStore blobs, ImageRow image) => RgbImageCodec.Decode(blobs.Get(image.ImageBlob), image.Stem);

    /// <summary>The image as a campaign image with D0 as its current labels.</summary>
    public static CampaignImage Campaign(BlobStore blobs, ImageRow image, int classCount) =>
        new(checked((int)image.Id), image.Stem, Photo(blobs, image).Rgb, Pseudo(blobs, image, classCount), Superpixels(blobs, image),
            GroundTruth(blobs, image, classCount));
}
