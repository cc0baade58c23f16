namespace Alc.Integrations.LabelStudio.Brush;

/// <content>Decoding: the alpha channel, and the binary mask it stands for.</content>
public static partial class BrushRle
{
    /// <summary>
    /// Decodes a brush RLE into the binary mask of a <paramref name="width"/>×<paramref name="height"/> image:
    /// one byte per pixel, row-major, 1 where alpha is above <see cref="AlphaThreshold"/>, else 0.
    /// Reads both run and literal records and ignores the colour channels.
    /// </summary>
    /// <exception cref="FormatException">The stream is corrupt; see <see cref="DecodeAlpha"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The size is not positive or too large for the format.</exception>
    public static byte[] DecodeMask(ReadOnlySpan<byte> rle, int width, int height)
    {
        byte[] mask = DecodeAlpha(rle, width, height);
        for (int i = 0; i < mask.Length; i++)
        {
            mask[i] = mask[i] > AlphaThreshold ? (byte)1 : (byte)0;
        }

        return mask;
    }

    /// <summary>
    /// Decodes a brush RLE into the alpha channel of a <paramref name="width"/>×<paramref name="height"/> image,
    /// one byte per pixel, row-major, exactly as rle-pack's <c>decode</c> would leave every fourth byte. The
    /// run-length field sizes are read from the header, as rle-pack does; bytes after the last record are ignored.
    /// </summary>
    /// <exception cref="FormatException">The header's byte count is not W·H·4, the word size is not 8 bits, the
    /// stream ends inside the header or a record, or a record runs past W·H·4 bytes; the message says which and where.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The size is not positive or too large for the format.</exception>
    public static byte[] DecodeAlpha(ReadOnlySpan<byte> rle, int width, int height)
    {
        long expected = RgbaLength(width, height);
        var reader = new MsbBitReader(rle);
        uint total = reader.Read(32, "the header's byte count");
        if (total != expected)
        {
            throw new FormatException(
                $"The brush RLE header counts {total} RGBA bytes, but a {width}×{height} mask has {expected} (W·H·4).");
        }

        int wordBits = (int)reader.Read(5, "the header's word size") + 1;
        if (wordBits != WordBits)
        {
            throw new FormatException($"The brush RLE has {wordBits}-bit words; Label Studio writes 8-bit words (one per RGBA channel).");
        }

        Span<int> countBits = stackalloc int[4];
        for (int s = 0; s < countBits.Length; s++)
        {
            countBits[s] = (int)reader.Read(4, "the header's run-length field sizes") + 1;
        }

        byte[] alpha = new byte[width * height];
        long i = 0;
        int record = 0;
        while (i < expected)
        {
            long at = reader.Position;
            bool repeated = reader.Read(1, "flag", record) == 1;
            int size = countBits[(int)reader.Read(2, "size index", record)];
            long count = (long)reader.Read(size, "count", record) + 1;
            if (i + count > expected)
            {
                throw new FormatException(
                    $"Brush RLE record {record} (at bit {at}) covers {count} bytes from byte {i}, past the {expected} bytes of a {width}×{height} mask.");
            }

            if (repeated)
            {
                byte value = (byte)reader.Read(WordBits, "repeated word", record);
                for (long k = i + ((3 - (i & 3)) & 3); k < i + count; k += 4)
                {
                    alpha[k >> 2] = value;
                }
            }
            else
            {
                for (long k = i; k < i + count; k++)
                {
                    byte value = (byte)reader.Read(WordBits, "literal word", record, k - i);
                    if ((k & 3) == 3)
                    {
                        alpha[k >> 2] = value;
                    }
                }
            }

            i += count;
            record++;
        }

        return alpha;
    }
}
