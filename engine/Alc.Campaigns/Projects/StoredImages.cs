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

    /// <summary>A superpixel map's 32-bit ids as bytes.</summary>
    public static byte[] Raw(SuperpixelMap map) => MemoryMarshal.AsBytes(map.Ids).ToArray();

    /// <summary>The image's D0.</summary>
    public static LabelMap Pseudo(BlobStore blobs, ImageRow image, int classCount) =>
        new(image.Width, image.Height, classCount, blobs.Get(image.PseudoBlob));

    /// <summary>The image's ground truth, when stored.</summary>
    public static LabelMap? GroundTruth(BlobStore blobs, ImageRow image, int classCount) =>
        image.GtBlob is null ? null : new LabelMap(image.Width, image.Height, classCount, blobs.Get(image.GtBlob));

    /// <summary>The image's superpixels.</summary>
    public static SuperpixelMap Superpixels(BlobStore blobs, ImageRow image) =>
        new(image.Width, image.Height, MemoryMarshal.Cast<byte, int>(blobs.Get(image.SuperpixelBlob)).ToArray());

    /// <summary>The image's photo, decoded.</summary>
    public static RgbImage Photo(BlobStore blobs, ImageRow image) => RgbImageCodec.Decode(blobs.Get(image.ImageBlob), image.Stem);

    /// <summary>The image as a campaign image with D0 as its current labels.</summary>
    public static CampaignImage Campaign(BlobStore blobs, ImageRow image, int classCount) =>
        new(checked((int)image.Id), image.Stem, Photo(blobs, image).Rgb, Pseudo(blobs, image, classCount), Superpixels(blobs, image),
            GroundTruth(blobs, image, classCount));
}
