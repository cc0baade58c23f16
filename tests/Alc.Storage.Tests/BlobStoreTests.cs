using System.Security.Cryptography;

namespace Alc.Storage.Tests;

public sealed class BlobStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Blobs_are_named_by_their_sha256_and_read_back_verified()
    {
        var store = new BlobStore(_temp["blobs"]);
        string hash = store.Put("abc"u8);
        // SHA-256("abc") from FIPS 180-2's test vector.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hash);
        Assert.True(File.Exists(_temp["blobs/ba/7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"]));
        Assert.Equal("abc"u8.ToArray(), store.Get(hash));
        Assert.Equal(hash, store.Put("abc"u8));
        Assert.Empty(Directory.GetFiles(_temp["blobs"], "*.tmp"));
    }

    [Fact]
    public void A_corrupted_blob_is_detected_on_read()
    {
        var store = new BlobStore(_temp["blobs"]);
        string hash = store.Put(RandomNumberGenerator.GetBytes(1000));
        string path = Path.Combine(store.Root, hash[..2], hash[2..]);
        byte[] bytes = File.ReadAllBytes(path);
        bytes[500] ^= 1;
        File.WriteAllBytes(path, bytes);
        var ex = Assert.Throws<InvalidDataException>(() => store.Get(hash));
        Assert.Contains($"Blob {hash} is corrupt", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")]
    [InlineData("ba7816bf")]
    public void Names_that_are_not_hashes_are_refused(string name)
    {
        var store = new BlobStore(_temp["blobs"]);
        var ex = Assert.Throws<ArgumentException>(() => store.Get(name));
        Assert.Contains("is not a blob hash", ex.Message, StringComparison.Ordinal);
        Assert.False(store.Contains("0000000000000000000000000000000000000000000000000000000000000000"));
        Assert.Throws<FileNotFoundException>(() => store.Get(new string('0', 64)));
    }
}
