using System.Buffers.Binary;
using System.IO.Compression;

namespace Alc.Imaging.Png;

/// <summary>
/// Writes non-interlaced PNGs deterministically: fixed chunk layout (signature, IHDR, optional PLTE,
/// IDAT chunks of at most <see cref="IdatChunkSize"/> bytes, IEND), a deterministic filter choice and zlib at a
/// fixed level, so the same input always gives the same bytes.
/// </summary>
internal static class PngEncoder
{
    /// <summary>The largest IDAT chunk written.</summary>
    public const int IdatChunkSize = 1 << 18;

    /// <summary>Encodes raw rows (<paramref name="header"/>.Stride bytes each, PNG sample layout).</summary>
    /// <param name="header">Size, bit depth and colour type; must not be interlaced.</param>
    /// <param name="rows">The raw rows.</param>
    /// <param name="palette">RGB triples for indexed images; empty otherwise.</param>
    /// <param name="adaptive">True to choose a filter per row (minimum sum of absolute differences); false for filter None throughout.</param>
    public static byte[] Encode(PngHeader header, ReadOnlySpan<byte> rows, ReadOnlySpan<byte> palette, bool adaptive)
    {
        int stride = (int)header.Stride;
        int filterUnit = Math.Max(1, header.BitsPerPixel / 8);

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var line = new byte[stride + 1];
            var scratch = new byte[stride];
            var zero = new byte[stride];
            for (int y = 0; y < header.Height; y++)
            {
                ReadOnlySpan<byte> raw = rows.Slice(y * stride, stride);
                ReadOnlySpan<byte> previous = y == 0 ? zero : rows.Slice((y - 1) * stride, stride);
                byte filter = adaptive ? PngFilters.ChooseAdaptive(raw, previous, filterUnit, scratch) : PngFilters.None;
                line[0] = filter;
                PngFilters.Apply(filter, raw, previous, filterUnit, line.AsSpan(1));
                zlib.Write(line);
            }
        }

        using var output = new MemoryStream();
        output.Write(PngChunkReader.Signature);
        Span<byte> ihdr = stackalloc byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)header.Width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr[4..], (uint)header.Height);
        ihdr[8] = (byte)header.BitDepth;
        ihdr[9] = (byte)header.ColorType;
        ihdr[10] = 0;
        ihdr[11] = 0;
        ihdr[12] = 0;
        WriteChunk(output, ChunkTypes.Ihdr, ihdr);
        if (!palette.IsEmpty)
        {
            WriteChunk(output, ChunkTypes.Plte, palette);
        }

        ReadOnlySpan<byte> data = compressed.GetBuffer().AsSpan(0, (int)compressed.Length);
        do
        {
            int n = Math.Min(data.Length, IdatChunkSize);
            WriteChunk(output, ChunkTypes.Idat, data[..n]);
            data = data[n..];
        }
        while (!data.IsEmpty);

        WriteChunk(output, ChunkTypes.Iend, []);
        return output.ToArray();
    }

    private static void WriteChunk(Stream output, uint type, ReadOnlySpan<byte> data)
    {
        Span<byte> head = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(head, (uint)data.Length);
        BinaryPrimitives.WriteUInt32BigEndian(head[4..], type);
        output.Write(head);
        output.Write(data);
        uint crc = Crc32.Finish(Crc32.Update(Crc32.Update(Crc32.Initial, head[4..]), data));
        Span<byte> tail = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(tail, crc);
        output.Write(tail);
    }
}
