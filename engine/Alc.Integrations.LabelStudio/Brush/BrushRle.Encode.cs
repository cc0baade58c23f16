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
    public static byte[] Encode(ReadOnlySpan<byte> mask, int width, int height) => Encode(mask, width, height, BrushColor.OpaqueWhite);

    /// <summary>
    /// Encodes a row-major binary mask with its set pixels in <paramref name="color"/> and the rest (0, 0, 0, 0). A colour
    /// whose four channels differ cannot be one run record, so each run of set pixels is written as literal records
    /// (4 words a pixel); runs of unset pixels stay run records.
    /// </summary>
    /// <exception cref="ArgumentException">The mask length is not width·height, or the colour's alpha is 0 (it would be outside the mask).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The size is not positive or too large for the format.</exception>
    public static byte[] Encode(ReadOnlySpan<byte> mask, int width, int height, BrushColor color)
    {
        if (color.A == 0)
        {
            throw new ArgumentException("A brush colour needs alpha above 0: pixels with alpha 0 are outside the mask.", nameof(color));
        }

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

            if (!set)
            {
                WriteRun(writer, (long)run * 4, 0);
            }
            else if (color.R == color.G && color.G == color.B && color.B == color.A)
            {
                WriteRun(writer, (long)run * 4, color.A);
            }
            else
            {
                WriteLiteralPixels(writer, run, color);
            }

            start += run;
        }

        return writer.ToArray();
    }

    /// <summary>Writes <paramref name="pixels"/> pixels of <paramref name="color"/> as literal records of at most 65,536 words (16,384 pixels) each.</summary>
    private static void WriteLiteralPixels(MsbBitWriter writer, int pixels, BrushColor color)
    {
        while (pixels > 0)
        {
            int inRecord = Math.Min(pixels, MaxRecordWords / 4);
            int count = inRecord * 4;
            int index = 0;
            while ((count - 1) >> CountBits[index] != 0)
            {
                index++;
            }

            writer.Write(0, 1);
            writer.Write((uint)index, 2);
            writer.Write((uint)(count - 1), CountBits[index]);
            for (int i = 0; i < inRecord; i++)
            {
                writer.Write(color.R, WordBits);
                writer.Write(color.G, WordBits);
                writer.Write(color.B, WordBits);
                writer.Write(color.A, WordBits);
            }

            pixels -= inRecord;
        }
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
