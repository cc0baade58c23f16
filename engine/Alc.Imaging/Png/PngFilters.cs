namespace Alc.Imaging.Png;

/// <summary>The five PNG scanline filters (specification §9): reversing them when reading, choosing and applying them when writing.</summary>
internal static class PngFilters
{
    public const byte None = 0;
    public const byte Sub = 1;
    public const byte Up = 2;
    public const byte Average = 3;
    public const byte Paeth = 4;

    /// <summary>
    /// Reconstructs one row: <paramref name="row"/> holds the filtered bytes on entry and the raw bytes on exit;
    /// <paramref name="previous"/> is the previous reconstructed row (all zero for a pass's first row).
    /// </summary>
    /// <returns>False when <paramref name="filter"/> is not one of the five types.</returns>
    public static bool Unfilter(byte filter, Span<byte> row, ReadOnlySpan<byte> previous, int bytesPerPixel)
    {
        int n = row.Length;
        int bpp = Math.Min(bytesPerPixel, n);
        switch (filter)
        {
            case None:
                return true;
            case Sub:
                for (int i = bpp; i < n; i++)
                {
                    row[i] += row[i - bpp];
                }

                return true;
            case Up:
                for (int i = 0; i < n; i++)
                {
                    row[i] += previous[i];
                }

                return true;
            case Average:
                for (int i = 0; i < bpp; i++)
                {
                    row[i] += (byte)(previous[i] >> 1);
                }

                for (int i = bpp; i < n; i++)
                {
                    row[i] += (byte)((row[i - bpp] + previous[i]) >> 1);
                }

                return true;
            case Paeth:
                for (int i = 0; i < bpp; i++)
                {
                    row[i] += previous[i];
                }

                for (int i = bpp; i < n; i++)
                {
                    row[i] += PaethPredictor(row[i - bpp], previous[i], previous[i - bpp]);
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>Writes <paramref name="raw"/> filtered with <paramref name="filter"/> into <paramref name="filtered"/> (same length).</summary>
    public static void Apply(byte filter, ReadOnlySpan<byte> raw, ReadOnlySpan<byte> previous, int bytesPerPixel, Span<byte> filtered)
    {
        int n = raw.Length;
        int bpp = Math.Min(bytesPerPixel, n);
        for (int i = 0; i < n; i++)
        {
            byte left = i >= bpp ? raw[i - bpp] : (byte)0;
            byte up = previous[i];
            byte upLeft = i >= bpp ? previous[i - bpp] : (byte)0;
            filtered[i] = filter switch
            {
                Sub => (byte)(raw[i] - left),
                Up => (byte)(raw[i] - up),
                Average => (byte)(raw[i] - ((left + up) >> 1)),
                Paeth => (byte)(raw[i] - PaethPredictor(left, up, upLeft)),
                _ => raw[i],
            };
        }
    }

    /// <summary>
    /// Picks the filter with the smallest sum of absolute filtered values (signed bytes), the heuristic the
    /// PNG specification recommends; ties go to the lower filter type, so the choice is deterministic.
    /// </summary>
    public static byte ChooseAdaptive(ReadOnlySpan<byte> raw, ReadOnlySpan<byte> previous, int bytesPerPixel, Span<byte> scratch)
    {
        byte best = None;
        long bestCost = long.MaxValue;
        for (byte filter = None; filter <= Paeth; filter++)
        {
            Apply(filter, raw, previous, bytesPerPixel, scratch);
            long cost = 0;
            foreach (byte b in scratch)
            {
                int signed = (sbyte)b; // Math.Abs(sbyte.MinValue) would throw
                cost += signed < 0 ? -signed : signed;
            }

            if (cost < bestCost)
            {
                bestCost = cost;
                best = filter;
            }
        }

        return best;
    }

    /// <summary>The Paeth predictor (specification §9.4).</summary>
    public static byte PaethPredictor(byte a, byte b, byte c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a);
        int pb = Math.Abs(p - b);
        int pc = Math.Abs(p - c);
        if (pa <= pb && pa <= pc)
        {
            return a;
        }

        return pb <= pc ? b : c;
    }
}
