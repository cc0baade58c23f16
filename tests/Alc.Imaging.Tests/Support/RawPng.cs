using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Alc.Imaging.Tests.Support;

/// <summary>
/// Assembles PNG files chunk by chunk, independently of the codec under test: its own CRC (bitwise),
/// its own sample packing, filters and Adam7 pass extraction. Tests use it to build files the codec's
/// writer never produces (other filter types, interlacing, sub-byte depths, split IDATs, broken chunks).
/// </summary>
internal static class RawPng
{
    public static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>CRC-32 computed bit by bit (no table), as in the PNG specification's sample code.</summary>
    public static uint Crc(ReadOnlySpan<byte> data)
    {
        uint c = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            c ^= b;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }
        }

        return c ^ 0xFFFFFFFF;
    }

    /// <summary>One chunk: length, type, data, CRC (over type and data).</summary>
    public static byte[] Chunk(string type, ReadOnlySpan<byte> data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    public static byte[] Ihdr(uint width, uint height, int bitDepth, int colorType, int interlace = 0, int compression = 0, int filterMethod = 0)
    {
        var d = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(d, width);
        BinaryPrimitives.WriteUInt32BigEndian(d.AsSpan(4), height);
        d[8] = (byte)bitDepth;
        d[9] = (byte)colorType;
        d[10] = (byte)compression;
        d[11] = (byte)filterMethod;
        d[12] = (byte)interlace;
        return Chunk("IHDR", d);
    }

    public static byte[] Iend() => Chunk("IEND", []);

    public static byte[] File(params byte[][] chunks) => [.. Signature, .. chunks.SelectMany(c => c)];

    public static byte[] Zlib(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var z = new ZLibStream(ms, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(data);
        }

        return ms.ToArray();
    }

    /// <summary>
    /// The filtered scanline bytes (filter byte per row, then the row) of an image given as unscaled samples
    /// (<paramref name="channels"/> per pixel, row-major). Row <c>r</c> of each pass uses filter
    /// <paramref name="filterOf"/>(r); Adam7 when <paramref name="interlace"/>.
    /// </summary>
    public static byte[] Scanlines(int width, int height, int channels, int bitDepth, int[] samples, Func<int, int> filterOf, bool interlace = false)
    {
        var output = new List<byte>();
        if (!interlace)
        {
            AppendImage(output, width, height, channels, bitDepth, samples, filterOf);
            return [.. output];
        }

        int[][] passes = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]];
        foreach (int[] p in passes)
        {
            var sub = new List<int>();
            int pw = 0, ph = 0;
            for (int y = p[1]; y < height; y += p[3])
            {
                ph++;
                pw = 0;
                for (int x = p[0]; x < width; x += p[2])
                {
                    pw++;
                    for (int c = 0; c < channels; c++)
                    {
                        sub.Add(samples[(((y * width) + x) * channels) + c]);
                    }
                }
            }

            if (pw > 0 && ph > 0)
            {
                AppendImage(output, pw, ph, channels, bitDepth, [.. sub], filterOf);
            }
        }

        return [.. output];
    }

    private static void AppendImage(List<byte> output, int width, int height, int channels, int bitDepth, int[] samples, Func<int, int> filterOf)
    {
        int bpp = Math.Max(1, channels * bitDepth / 8);
        byte[] previous = new byte[((width * channels * bitDepth) + 7) / 8];
        for (int y = 0; y < height; y++)
        {
            byte[] raw = Pack(samples.AsSpan(y * width * channels, width * channels), bitDepth);
            int filter = filterOf(y);
            output.Add((byte)filter);
            for (int i = 0; i < raw.Length; i++)
            {
                int a = i >= bpp ? raw[i - bpp] : 0;
                int b = previous[i];
                int c = i >= bpp ? previous[i - bpp] : 0;
                int predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => 0,
                };
                output.Add((byte)(raw[i] - predictor));
            }

            previous = raw;
        }
    }

    /// <summary>Packs samples into bytes: big-endian for 16 bits, most-significant-first for 1/2/4 bits.</summary>
    public static byte[] Pack(ReadOnlySpan<int> samples, int bitDepth)
    {
        if (bitDepth == 16)
        {
            var b16 = new byte[samples.Length * 2];
            for (int i = 0; i < samples.Length; i++)
            {
                b16[2 * i] = (byte)(samples[i] >> 8);
                b16[(2 * i) + 1] = (byte)samples[i];
            }

            return b16;
        }

        var bytes = new byte[((samples.Length * bitDepth) + 7) / 8];
        for (int i = 0; i < samples.Length; i++)
        {
            int bit = i * bitDepth;
            bytes[bit / 8] |= (byte)(samples[i] << (8 - bitDepth - (bit % 8)));
        }

        return bytes;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>A complete PNG of the given samples with one IDAT (optionally a PLTE and extra chunks before IDAT).</summary>
    public static byte[] Image(int width, int height, int colorType, int bitDepth, int[] samples, Func<int, int> filterOf, bool interlace = false, byte[]? palette = null)
    {
        int channels = colorType switch { 0 or 3 => 1, 4 => 2, 2 => 3, _ => 4 };
        byte[] idat = Zlib(Scanlines(width, height, channels, bitDepth, samples, filterOf, interlace));
        var chunks = new List<byte[]> { Ihdr((uint)width, (uint)height, bitDepth, colorType, interlace ? 1 : 0) };
        if (palette is not null)
        {
            chunks.Add(Chunk("PLTE", palette));
        }

        chunks.Add(Chunk("IDAT", idat));
        chunks.Add(Iend());
        return File([.. chunks]);
    }

    /// <summary>Splits a PNG into its chunks (type, data) after the signature; no validation.</summary>
    public static List<(string Type, byte[] Data)> Chunks(byte[] png)
    {
        var list = new List<(string, byte[])>();
        int p = 8;
        while (p + 12 <= png.Length)
        {
            int length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(p));
            string type = Encoding.ASCII.GetString(png, p + 4, 4);
            list.Add((type, png.AsSpan(p + 8, length).ToArray()));
            p += 12 + length;
        }

        return list;
    }

    /// <summary>Rebuilds a PNG from chunks, computing fresh CRCs.</summary>
    public static byte[] Rebuild(IEnumerable<(string Type, byte[] Data)> chunks) => File([.. chunks.Select(c => Chunk(c.Type, c.Data))]);
}
