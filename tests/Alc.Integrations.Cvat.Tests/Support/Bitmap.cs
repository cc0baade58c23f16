namespace Alc.Integrations.Cvat.Tests.Support;

/// <summary>Hand-drawn masks: one string per row, '#' set and '.' unset, spaces ignored.</summary>
public static class Bitmap
{
    /// <summary>The row-major mask the rows draw, with its width and height.</summary>
    /// <exception cref="ArgumentException">Rows of different widths, or a character other than '#', '.' and space.</exception>
    public static (bool[] Mask, int Width, int Height) Parse(params string[] rows)
    {
        string[] cells = [.. rows.Select(r => r.Replace(" ", "", StringComparison.Ordinal))];
        int width = cells[0].Length;
        if (cells.Any(r => r.Length != width || r.Any(c => c is not ('#' or '.'))))
        {
            throw new ArgumentException("Rows must be equally wide and drawn with '#' and '.'.", nameof(rows));
        }

        return ([.. cells.SelectMany(r => r.Select(c => c == '#'))], width, cells.Length);
    }

    /// <summary>The points as CVAT sends them: JSON numbers read as doubles.</summary>
    public static double[] AsPoints(params int[] values) => [.. values.Select(v => (double)v)];
}
