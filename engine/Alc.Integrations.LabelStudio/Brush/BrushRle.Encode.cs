namespace Alc.Integrations.LabelStudio.Brush;

/// <content>Encoding a binary mask.</content>
public static partial class BrushRle
{
    /// <summary>
    /// Encodes a row-major binary mask (any nonzero byte is a set pixel) as a brush RLE that rle-pack's
    /// <c>decode</c> — and so the editor — reads back as RGBA (255, 255, 255, 255) for set pixels and (0, 0, 0, 0)
    /// for the rest, the pixels label-studio-converter's <c>mask2rle</c> writes. Every channel equal makes each run
    /// of pixels one run record of 4× as many bytes (split at 65,536), so only run records are written; for such
    /// masks the bytes are the ones rle-pack's own <c>encode</c> produces.
    /// </summary>
    /// <exception cref="ArgumentException">The mask length is not width·height.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The size is not positive or too large for the format.</exception>
    public static byte[] Encode(ReadOnlySpan<byte> mask, int width, int height)
    {
        long total = RgbaLength(width, height);
        if (mask.Length != (long)width * height)
        {
            throw new ArgumentException(
                $"Expected {(long)width * height} mask values for a {width}×{height} mask, got {mask.Length}.", nameof(mask));
        }

        var writer = new MsbBitWriter(64);
        writer.Write((uint)total, 32);
        writer.Write(WordBits - 1, 5);
        foreach (int bits in CountBits)
        {
            writer.Write((uint)(bits - 1), 4);
        }

        int start = 0;
        while (start < mask.Length)
        {
            bool set = mask[start] != 0;
            ReadOnlySpan<byte> rest = mask[start..];
            int run = set ? rest.IndexOf((byte)0) : rest.IndexOfAnyExcept((byte)0);
            if (run < 0)
            {
                run = rest.Length;
            }

            WriteRun(writer, (long)run * 4, set ? (byte)255 : (byte)0);
            start += run;
        }

        return writer.ToArray();
    }

    /// <summary>Writes <paramref name="words"/> copies of <paramref name="value"/> as run records of at most 65,536 words each.</summary>
    private static void WriteRun(MsbBitWriter writer, long words, byte value)
    {
        while (words > 0)
        {
            int count = (int)Math.Min(words, MaxRecordWords);
            int index = 0;
            while ((count - 1) >> CountBits[index] != 0)
            {
                index++;
            }

            writer.Write(1, 1);
            writer.Write((uint)index, 2);
            writer.Write((uint)(count - 1), CountBits[index]);
            writer.Write(value, WordBits);
            words -= count;
        }
    }
}
