using System.Runtime.InteropServices;
using Alc.Core.Maps;
using Alc.Engine.Rounds;
using Alc.Imaging.Photos;
using Alc.Storage;
using Alc.Storage.Datasets;

namespace Alc.Engine.Server.Campaigns;

/// <summary>Reads an image's stored arrays back from the blob store (each blob hash-checked on read).</summary>
internal static class StoredImages
{
    public static byte[] Raw(LabelMap map) => map.Labels.ToArray();

    public static byte[] Raw(SuperpixelMap map) => MemoryMarshal.AsBytes(map.Ids).ToArray();

    public static LabelMap Pseudo(BlobStore blobs, ImageRow image, int classCount) =>
        new(image.Width, image.Height, classCount, blobs.Get(image.PseudoBlob));

    public static LabelMap? GroundTruth(BlobStore blobs, ImageRow image, int classCount) =>
        image.GtBlob is null ? null : new LabelMap(image.Width, image.Height, classCount, blobs.Get(image.GtBlob));

    public static SuperpixelMap Superpixels(BlobStore blobs, ImageRow image) =>
        new(image.Width, image.Height, MemoryMarshal.Cast<byte, int>(blobs.Get(image.SuperpixelBlob)).ToArray());

    public static RgbImage Photo(BlobStore blobs, ImageRow image) => RgbImageCodec.Decode(blobs.Get(image.ImageBlob), image.Stem);

    /// <summary>The image as a campaign image whose current labels start at D0; its key is its id.</summary>
    public static CampaignImage Campaign(BlobStore blobs, ImageRow image, int classCount) =>
        new(checked((int)image.Id), image.Stem, Photo(blobs, image).Rgb, Pseudo(blobs, image, classCount), Superpixels(blobs, image),
            GroundTruth(blobs, image, classCount));
}
