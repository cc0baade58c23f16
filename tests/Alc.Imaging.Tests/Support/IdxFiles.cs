using System.Buffers.Binary;
using System.IO.Compression;

namespace Alc.Imaging.Tests.Support;

/// <summary>
/// Writes gzip IDX files as Fashion-MNIST ships them (LeCun's MNIST format: a big-endian magic 0x0803 for rank-3 unsigned
/// bytes or 0x0801 for rank 1, one big-endian int32 per dimension, then the bytes), so tests carry their own catalog.
/// </summary>
internal static class IdxFiles
{
    /// <summary>Writes the four files of a catalog with <paramref name="perClass"/> drawn 28×28 photos per class in each split.</summary>
    public static void WriteCatalog(string directory, int perClass, int classes = 10)
    {
        Directory.CreateDirectory(directory);
        foreach (var (prefix, variant) in new[] { ("train", 0), ("t10k", 1) })
        {
            var photos = Enumerable.Range(0, classes * perClass).Select(i => (Label: i % classes, Pixels: Drawn(i % classes, (i / classes) + variant))).ToList();
            Write(Path.Combine(directory, $"{prefix}-images-idx3-ubyte.gz"), 0x0803, [photos.Count, 28, 28], [.. photos.SelectMany(p => p.Pixels)]);
            Write(Path.Combine(directory, $"{prefix}-labels-idx1-ubyte.gz"), 0x0801, [photos.Count], [.. photos.Select(p => (byte)p.Label)]);
        }
    }

    /// <summary>Writes one IDX file, gzipped.</summary>
    public static void Write(string path, int magic, int[] shape, byte[] data)
    {
        using var file = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, magic);
        file.Write(word);
        foreach (int dimension in shape)
        {
            BinaryPrimitives.WriteInt32BigEndian(word, dimension);
            file.Write(word);
        }

        file.Write(data);
    }

    // Class k: a bright horizontal band at rows 2k+2..2k+9 over a centred block; variants shift it by a pixel.
    private static byte[] Drawn(int label, int variant)
    {
        var pixels = new byte[28 * 28];
        for (int y = 4; y < 24; y++)
        {
            for (int x = 6 + (variant % 2); x < 22; x++)
            {
                bool band = y >= 2 + (2 * label) && y < 10 + (2 * label);
                pixels[(y * 28) + x] = band ? (byte)230 : (byte)90;
            }
        }

        return pixels;
    }
}
