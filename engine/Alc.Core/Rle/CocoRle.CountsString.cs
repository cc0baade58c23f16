using System.Buffers;

namespace Alc.Core.Rle;

/// <content>The compressed counts string of COCO JSON (pycocotools <c>rleToString</c> / <c>rleFrString</c>).</content>
public sealed partial class CocoRle
{
    /// <summary>Smallest character of the alphabet ('0', ASCII 48): a 6-bit group g is written as (char)(48 + g).</summary>
    private const char FirstGroupChar = '0';

    /// <summary>Largest character of the alphabet ('o', ASCII 111 = 48 + 63).</summary>
    private const char LastGroupChar = 'o';

    /// <summary>Most 5-bit groups one count may use when read (12·5 = 60 bits fit a long; pycocotools writes at most 7).</summary>
    private const int MaxGroups = 12;

    /// <summary>
    /// The compressed counts string, identical to pycocotools <c>rleToString</c>: from the fourth count on
    /// (index &gt; 2) each count is written as its difference from the count two places before; each value is
    /// then cut into 5-bit groups, least significant first, as in signed LEB128 — bit 0x20 marks "more groups
    /// follow", bit 0x10 of the last group is the sign — and each group g is written as the character 48 + g.
    /// </summary>
    public string ToCountsString()
    {
        int length = 0;
        for (int i = 0; i < _counts.Length; i++)
        {
            length += GroupCount(Delta(_counts, i));
        }

        return string.Create(length, _counts, static (chars, counts) =>
        {
            int p = 0;
            for (int i = 0; i < counts.Length; i++)
            {
                p += WriteGroups(Delta(counts, i), chars[p..]);
            }
        });
    }

    /// <summary>
    /// Reads a compressed counts string (the inverse of <see cref="ToCountsString"/>, as pycocotools
    /// <c>rleFrString</c>), for a mask of the given size.
    /// </summary>
    /// <exception cref="FormatException">A character lies outside '0'..'o', the string ends inside a count, a count
    /// has more than 12 groups, or a decoded count is negative or above <see cref="uint.MaxValue"/>; the message names the
    /// character position and the count index.</exception>
    /// <exception cref="ArgumentException">The size is out of range or the counts do not sum to width·height.</exception>
    public static CocoRle FromCountsString(ReadOnlySpan<char> counts, int width, int height)
    {
        RequireSize(width, height);

        // Every count takes at least one character, so the string length bounds the number of counts.
        uint[] rented = ArrayPool<uint>.Shared.Rent(Math.Max(counts.Length, 1));
        try
        {
            int m = 0;
            int p = 0;
            while (p < counts.Length)
            {
                int start = p;
                long value = 0;
                int shift = 0;
                int group;
                do
                {
                    if (p == counts.Length)
                    {
                        throw new FormatException(
                            $"The counts string ends inside count {m} (which starts at character {start}): its last character '{counts[p - 1]}' has the continuation bit 0x20 set.");
                    }

                    if (shift == MaxGroups * 5)
                    {
                        throw new FormatException(
                            $"Count {m} (starting at character {start}) runs past {MaxGroups} five-bit groups at character {p}; no valid count is that long.");
                    }

                    char c = counts[p];
                    if (c is < FirstGroupChar or > LastGroupChar)
                    {
                        throw new FormatException(
                            $"Character {p} of the counts string (U+{(int)c:X4} '{c}', in count {m}) is outside the alphabet '{FirstGroupChar}'..'{LastGroupChar}' (ASCII 48–111).");
                    }

                    group = c - FirstGroupChar;
                    value |= (long)(group & 0x1F) << shift;
                    shift += 5;
                    p++;
                }
                while ((group & 0x20) != 0);

                if ((group & 0x10) != 0)
                {
                    value |= -1L << shift; // sign-extend from the last group
                }

                if (m > 2)
                {
                    value += rented[m - 2];
                }

                if (value is < 0 or > uint.MaxValue)
                {
                    throw new FormatException(
                        $"Count {m} (characters {start}..{p - 1} of the counts string) decodes to {value}, outside 0..{uint.MaxValue}.");
                }

                rented[m++] = (uint)value;
            }

            return new CocoRle(width, height, rented.AsSpan(0, m));
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(rented);
        }
    }

    /// <summary>The value written for count <paramref name="i"/>: the count itself for i ≤ 2, else its difference from count i − 2.</summary>
    private static long Delta(uint[] counts, int i) => i > 2 ? (long)counts[i] - counts[i - 2] : counts[i];

    /// <summary>Number of 5-bit groups <see cref="WriteGroups"/> uses for <paramref name="value"/>.</summary>
    private static int GroupCount(long value)
    {
        int n = 1;
        while (true)
        {
            long high = value >> 5;
            if (high == ((value & 0x10) != 0 ? -1 : 0))
            {
                return n;
            }

            value = high;
            n++;
        }
    }

    /// <summary>Writes <paramref name="value"/> as 5-bit groups, least significant first, and returns their number.</summary>
    private static int WriteGroups(long value, Span<char> chars)
    {
        int n = 0;
        bool more = true;
        while (more)
        {
            int group = (int)(value & 0x1F);
            value >>= 5; // arithmetic shift: negative values stay negative
            more = (group & 0x10) != 0 ? value != -1 : value != 0;
            if (more)
            {
                group |= 0x20;
            }

            chars[n++] = (char)(FirstGroupChar + group);
        }

        return n;
    }
}
