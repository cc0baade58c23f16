using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using Alc.Core.Maps;
using Alc.Imaging.Maps;
using Alc.Imaging.Photos;
using Alc.Imaging.Png;
using Alc.Imaging.Tests.Support;
using CsCheck;

namespace Alc.Imaging.Tests.Png;

/// <summary>
/// Mutated valid PNGs (bit flips, truncations, corrupted chunk lengths, byte splices, chunk data changed
/// with CRCs repaired, chunks dropped or repeated, scanlines changed inside valid zlib) must only ever
/// decode or raise <see cref="MapFormatException"/>: any other exception fails, and so does a hang.
/// </summary>
public class PngFuzzTests
{
    private static readonly byte[][] Seeds = BuildSeeds();

    private static byte[][] BuildSeeds()
    {
        var rng = new Random(1234);
        byte[] labels = [.. Enumerable.Range(0, 12 * 9).Select(_ => (byte)rng.Next(22) is var v && v == 21 ? LabelMap.Ignore : (byte)v)];
        int[] ids = [.. Enumerable.Range(0, 10 * 7).Select(i => (i / 5) + 1)];
        int[] bigIds = [.. ids.Select(i => i * 70_001)];
        int[] gray4 = [.. Enumerable.Range(0, 11 * 9).Select(_ => rng.Next(16))];
        int[] pal2 = [.. Enumerable.Range(0, 9 * 5).Select(_ => rng.Next(4))];
        int[] gray16 = [.. Enumerable.Range(0, 6 * 6).Select(_ => rng.Next(65536))];
        int[] rgba = [.. Enumerable.Range(0, 5 * 4 * 4).Select(_ => rng.Next(256))];
        byte[] zlib = RawPng.Zlib(RawPng.Scanlines(6, 5, 1, 8, [.. Enumerable.Range(0, 30)], r => r % 5));
        byte[] split = RawPng.File(
            RawPng.Ihdr(6, 5, 8, 0),
            RawPng.Chunk("tEXt", "k\0v"u8),
            RawPng.Chunk("IDAT", zlib.AsSpan(0, 5)),
            RawPng.Chunk("IDAT", zlib.AsSpan(5)),
            RawPng.Iend());
        return
        [
            LabelMapFile.Encode(new LabelMap(12, 9, 21, labels)),
            LabelMapFile.Encode(new LabelMap(12, 9, 21, labels), LabelMapEncoding.Gray8),
            SuperpixelMapFile.Encode(new SuperpixelMap(10, 7, ids)),
            SuperpixelMapFile.Encode(new SuperpixelMap(10, 7, bigIds)),
            RawPng.Image(11, 9, 0, 4, gray4, r => r % 5, interlace: true),
            RawPng.Image(9, 5, 3, 2, pal2, r => 4 - (r % 5), palette: [0, 0, 0, 9, 9, 9, 0, 0, 0, 7, 7, 7]),
            RawPng.Image(6, 6, 0, 16, gray16, _ => 4, interlace: true),
            RawPng.Image(5, 4, 6, 8, rgba, r => r % 5, interlace: true),
            split,
        ];
    }

    private static readonly Gen<(int Seed, int Kind, int Random)> Cases =
        Gen.Select(Gen.Int[0, Seeds.Length - 1], Gen.Int[0, 7], Gen.Int);

    internal static byte[] Mutate(byte[] png, int kind, int seed)
    {
        var rng = new Random(seed);
        byte[] b = (byte[])png.Clone();
        switch (kind)
        {
            case 0: // bit flips anywhere
                for (int i = rng.Next(1, 9); i > 0; i--)
                {
                    b[rng.Next(b.Length)] ^= (byte)(1 << rng.Next(8));
                }

                return b;
            case 1: // truncation
                return b[..rng.Next(b.Length)];
            case 2: // a chunk length field corrupted
            {
                var offsets = ChunkOffsets(b);
                int at = offsets[rng.Next(offsets.Count)];
                uint old = BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(at));
                uint[] choices = [0, 1, old + 1, old - 1, old + (uint)rng.Next(1, 64), 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, (uint)rng.Next()];
                BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(at), choices[rng.Next(choices.Length)]);
                return b;
            }

            case 3: // a run of random bytes spliced over the file
            {
                int at = rng.Next(b.Length);
                int n = Math.Min(rng.Next(1, 16), b.Length - at);
                rng.NextBytes(b.AsSpan(at, n));
                return b;
            }

            case 4: // bytes inserted or deleted
            {
                int at = rng.Next(b.Length);
                int n = rng.Next(1, 12);
                if (rng.Next(2) == 0)
                {
                    var extra = new byte[n];
                    rng.NextBytes(extra);
                    return [.. b[..at], .. extra, .. b[at..]];
                }

                return [.. b[..at], .. b[Math.Min(b.Length, at + n)..]];
            }

            case 5: // chunk data changed (IHDR included) and the CRCs repaired, so the decoder proper sees it
            {
                var chunks = RawPng.Chunks(png);
                int which = rng.Next(chunks.Count);
                byte[] data = (byte[])chunks[which].Data.Clone();
                if (data.Length > 0)
                {
                    for (int i = rng.Next(1, 4); i > 0; i--)
                    {
                        int at = rng.Next(data.Length);
                        data[at] = rng.Next(3) == 0 ? (byte)rng.Next(256) : (byte)(data[at] ^ (1 << rng.Next(8)));
                    }
                }

                chunks[which] = (chunks[which].Type, data);
                return RawPng.Rebuild(chunks);
            }

            case 6: // chunks dropped, repeated or swapped, CRCs valid
            {
                var chunks = RawPng.Chunks(png);
                int i = rng.Next(chunks.Count);
                int j = rng.Next(chunks.Count);
                switch (rng.Next(3))
                {
                    case 0:
                        chunks.RemoveAt(i);
                        break;
                    case 1:
                        chunks.Insert(j, chunks[i]);
                        break;
                    default:
                        (chunks[i], chunks[j]) = (chunks[j], chunks[i]);
                        break;
                }

                return RawPng.Rebuild(chunks);
            }

            default: // scanlines changed inside a valid zlib stream: filter bytes, lengths
            {
                var chunks = RawPng.Chunks(png);
                byte[] compressed = [.. chunks.Where(c => c.Type == "IDAT").SelectMany(c => c.Data)];
                byte[] raw = Inflate(compressed);
                raw = rng.Next(3) switch
                {
                    0 => raw[..rng.Next(raw.Length)],
                    1 => [.. raw, .. new byte[rng.Next(1, 40)]],
                    _ => Flip(raw, rng),
                };
                int first = chunks.FindIndex(c => c.Type == "IDAT");
                chunks.RemoveAll(c => c.Type == "IDAT");
                chunks.Insert(first, ("IDAT", RawPng.Zlib(raw)));
                return RawPng.Rebuild(chunks);
            }
        }
    }

    private static byte[] Flip(byte[] raw, Random rng)
    {
        for (int i = rng.Next(1, 4); i > 0; i--)
        {
            raw[rng.Next(raw.Length)] = (byte)rng.Next(8);
        }

        return raw;
    }

    private static byte[] Inflate(byte[] compressed)
    {
        using var input = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static List<int> ChunkOffsets(byte[] png)
    {
        var offsets = new List<int>();
        int p = 8;
        while (p + 12 <= png.Length)
        {
            offsets.Add(p);
            p += 12 + (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(p));
        }

        return offsets;
    }

    private static void DecodeOrMapFormatException(Action decode)
    {
        try
        {
            decode();
        }
        catch (MapFormatException ex)
        {
            Assert.False(string.IsNullOrWhiteSpace(ex.Reason));
        }
    }

    [Fact]
    public void Seeds_are_valid()
    {
        foreach (byte[] seed in Seeds)
        {
            Assert.True(PngMapCodec.Read(seed, "seed.png").Width > 0);
        }
    }

    [Fact]
    public async Task Mutated_pngs_decode_or_raise_MapFormatException_only()
    {
        var clock = Stopwatch.StartNew();
        int decoded = 0, refused = 0;
        Task run = Task.Run(() => Cases.Sample((s, kind, random) =>
        {
            byte[] png = Mutate(Seeds[s], kind, random);
            bool ok = true;
            DecodeOrMapFormatException(() => PngMapCodec.Read(png, "fuzz.png"));
            DecodeOrMapFormatException(() => LabelMapFile.Read(new MemoryStream(png), "fuzz.png", LabelMap.MaxClasses));
            DecodeOrMapFormatException(() => SuperpixelMapFile.Read(new MemoryStream(png), "fuzz.png"));
            try
            {
                PngMapCodec.Read(png, "fuzz.png", new ImageLimits { MaxWidth = 64, MaxHeight = 64 });
            }
            catch (MapFormatException)
            {
                ok = false;
            }

            if (ok)
            {
                Interlocked.Increment(ref decoded);
            }
            else
            {
                Interlocked.Increment(ref refused);
            }
        }, iter: 10_000));

        await run.WaitAsync(TimeSpan.FromSeconds(60)); // a hang fails with TimeoutException
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        // Both outcomes occur: some mutations leave a valid file (ancillary bits, scanline values), most are refused.
        Assert.True(decoded > 0 && refused > 0, $"decoded {decoded}, refused {refused}");
    }

    [Fact]
    public async Task Mutated_photos_decode_or_raise_MapFormatException_only()
    {
        byte[] png = RgbImageCodec.EncodePng(new RgbImage(16, 12, [.. Enumerable.Range(0, 16 * 12 * 3).Select(i => (byte)(i * 7))]));
        Task run = Task.Run(() => Gen.Select(Gen.Int[0, 4], Gen.Int).Sample((kind, random) =>
            DecodeOrMapFormatException(() => RgbImageCodec.Decode(Mutate(png, kind, random), "fuzz.png")), iter: 1000));
        await run.WaitAsync(TimeSpan.FromSeconds(60)); // a hang fails with TimeoutException
    }
}
