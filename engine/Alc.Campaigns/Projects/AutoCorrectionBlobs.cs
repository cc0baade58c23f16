using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Alc.Campaigns.AutoCorrection;

namespace Alc.Campaigns.Projects;

/// <summary>
/// The stored forms of a round's automated changes and of a region check's region. Changes: "ALC1", the image count,
/// then per image its key, n, n pixel indices (int32), n old and n new labels; little-endian. A region: its pixel
/// indices as int32, little-endian (like the superpixel blobs).
/// </summary>
public static class AutoCorrectionBlobs
{
    private static ReadOnlySpan<byte> Magic => "ALC1"u8;

    /// <summary>A round's automated changes as one blob: per image its key, then (pixel, old label, new label) per changed pixel.</summary>
    public static byte[] EncodeChanges(IReadOnlyList<LabelChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write(Magic);
        writer.Write(changes.Count);
        foreach (var change in changes)
        {
            writer.Write(change.ImageKey);
            writer.Write(change.Pixels.Length);
            writer.Write(MemoryMarshal.AsBytes(change.Pixels.AsSpan()));
            writer.Write(change.Previous);
            writer.Write(change.Labels);
        }

        writer.Flush();
        return stream.ToArray();
    }

    /// <exception cref="InvalidDataException">The blob is not a change log.</exception>
    public static IReadOnlyList<LabelChange> DecodeChanges(byte[] blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var span = blob.AsSpan();
        if (span.Length < 8 || !span[..4].SequenceEqual(Magic))
        {
            throw new InvalidDataException("A stored automated correction is not an ALC1 change log.");
        }

        int count = BinaryPrimitives.ReadInt32LittleEndian(span[4..]);
        int at = 8;
        var changes = new List<LabelChange>(Math.Max(0, Math.Min(count, 1 << 16)));
        for (int i = 0; i < count; i++)
        {
            int key = Read(span, ref at);
            int n = Read(span, ref at);
            if (n < 0 || (long)n * 6 > span.Length - at)
            {
                throw new InvalidDataException($"A stored automated correction is truncated (image {key}).");
            }

            var pixels = MemoryMarshal.Cast<byte, int>(span.Slice(at, n * 4)).ToArray();
            at += n * 4;
            var previous = span.Slice(at, n).ToArray();
            at += n;
            var labels = span.Slice(at, n).ToArray();
            at += n;
            changes.Add(new LabelChange(key, pixels, previous, labels));
        }

        return at == span.Length ? changes : throw new InvalidDataException("A stored automated correction has trailing bytes.");
    }

    /// <summary>A region check's pixels as one blob (little-endian 32-bit indices, ascending).</summary>
    public static byte[] EncodeRegion(int[] pixels) => MemoryMarshal.AsBytes(pixels.AsSpan()).ToArray();

    /// <exception cref="InvalidDataException">The blob is not a whole number of pixel indices.</exception>
    public static int[] DecodeRegion(byte[] blob) => blob.Length % 4 == 0
        ? MemoryMarshal.Cast<byte, int>(blob).ToArray()
        : throw new InvalidDataException("A stored region is not a whole number of 32-bit pixel indices.");

    private static int Read(ReadOnlySpan<byte> span, ref int at)
    {
        if (span.Length - at < 4)
        {
            throw new InvalidDataException("A stored automated correction is truncated.");
        }

        int value = BinaryPrimitives.ReadInt32LittleEndian(span[at..]);
        at += 4;
        return value;
    }
}
