using Alc.Core.Rle;

namespace Alc.Core.Tests.Rle;

/// <summary>Slow, obviously correct reference computations on decoded masks, for the property tests.</summary>
internal static class RleReference
{
    /// <summary>Column-major runs written the plain way: walk columns, then rows, and cut a run at each change.</summary>
    public static uint[] Counts(byte[] rowMajor, int width, int height)
    {
        var counts = new List<uint>();
        bool current = false;
        uint run = 0;
        for (int x = 0; x < width; x++)
        {
            for (int y = 0; y < height; y++)
            {
                bool set = rowMajor[(y * width) + x] != 0;
                if (set != current)
                {
                    counts.Add(run);
                    run = 0;
                    current = set;
                }

                run++;
            }
        }

        counts.Add(run);
        return [.. counts];
    }

    /// <summary>The mask as 0/1 bytes.</summary>
    public static byte[] Binary(byte[] rowMajor) => [.. rowMajor.Select(v => v != 0 ? (byte)1 : (byte)0)];

    /// <summary>The tight box of the set pixels; (0, 0, 0, 0) when none is set.</summary>
    public static RleBoundingBox Box(byte[] rowMajor, int width)
    {
        int xMin = int.MaxValue, yMin = int.MaxValue, xMax = -1, yMax = -1;
        for (int p = 0; p < rowMajor.Length; p++)
        {
            if (rowMajor[p] != 0)
            {
                int x = p % width, y = p / width;
                xMin = Math.Min(xMin, x);
                xMax = Math.Max(xMax, x);
                yMin = Math.Min(yMin, y);
                yMax = Math.Max(yMax, y);
            }
        }

        return xMax < 0 ? default : new RleBoundingBox(xMin, yMin, xMax - xMin + 1, yMax - yMin + 1);
    }

    /// <summary>A row-major mask from rows of '0'/'1' characters (spaces ignored), for readable golden cases.</summary>
    public static byte[] Parse(params string[] rows) =>
        [.. rows.SelectMany(row => row.Where(c => c != ' ').Select(c => c == '1' ? (byte)1 : (byte)0))];
}
