using System.Runtime.InteropServices;
using Alc.Campaigns.Projects;
using Alc.Core.Maps;
using Alc.Storage;
using Alc.Storage.Datasets;

namespace Alc.Campaigns.Tests.Projects;

/// <summary>Superpixel maps in the blob store: 16-bit when every id fits, 32-bit otherwise, and blobs of either width read back.</summary>
public sealed class StoredImagesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("alc-stored-images-").FullName;

    [Fact]
    public void Ids_up_to_65535_are_stored_in_two_bytes_larger_ones_in_four_and_both_read_back()
    {
        var blobs = new BlobStore(_root);
        var small = new SuperpixelMap(3, 2, [0, 1, 2, 65535, 7, 7]);
        var large = new SuperpixelMap(3, 2, [0, 1, 2, 65536, 7, 7]);
        byte[] narrow = StoredImages.Raw(small), wide = StoredImages.Raw(large);
        Assert.Equal((12, 24), (narrow.Length, wide.Length));
        Assert.Equal([0, 0, 1, 0, 2, 0, 255, 255, 7, 0, 7, 0], narrow);

        Assert.Equal(small.Ids.ToArray(), StoredImages.Superpixels(blobs, Image(blobs.Put(narrow))).Ids.ToArray());
        Assert.Equal(large.Ids.ToArray(), StoredImages.Superpixels(blobs, Image(blobs.Put(wide))).Ids.ToArray());
        // A blob an earlier release wrote: 32-bit even though every id is small.
        byte[] legacy = MemoryMarshal.AsBytes(small.Ids).ToArray();
        Assert.Equal(small.Ids.ToArray(), StoredImages.Superpixels(blobs, Image(blobs.Put(legacy))).Ids.ToArray());

        var odd = Assert.Throws<InvalidDataException>(() => StoredImages.Superpixels(blobs, Image(blobs.Put(new byte[18]))));
        Assert.Contains("hold 18 bytes; a 3×2 map holds 12 (16-bit) or 24 (32-bit)", odd.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static ImageRow Image(string superpixels) => new() { Stem = "a", Width = 3, Height = 2, SuperpixelBlob = superpixels };
}
