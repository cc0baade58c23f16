namespace Alc.Integrations.Cvat.Masks;

/// <content>Decoding: CVAT points into their box and into a whole-image mask, with every malformation named.</content>
public static partial class CvatMaskRle
{
    /// <summary>
    /// Reads and checks the box of mask <paramref name="points"/> (their last four values). Everything that can be
    /// checked without the image size is checked here, runs included, so a points list this accepts decodes in any
    /// image that contains the box.
    /// </summary>
    /// <param name="points">The shape's points as CVAT sends them: JSON numbers, possibly written as floats (<c>3.0</c>).</param>
    /// <returns>The box, right and bottom inclusive.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="points"/> is null.</exception>
    /// <exception cref="CvatFormatException">Fewer than 5 values; a value NaN, infinite, negative, not a whole number or
    /// above <see cref="int.MaxValue"/>; the box inverted or larger than an array can be; or the run lengths not summing
    /// to the box's pixel count. The message names the value or the sums.</exception>
    public static CvatBox BoxOf(IReadOnlyList<double> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        int count = points.Count;
        if (count < BoxValues + 1)
        {
            throw new CvatFormatException(
                $"CVAT mask points need at least one run length and the box (left, top, right, bottom): 5 values or more, got {count}.");
        }

        for (int i = 0; i < count; i++)
        {
            CheckValue(points[i], i);
        }

        var box = new CvatBox((int)points[count - 4], (int)points[count - 3], (int)points[count - 2], (int)points[count - 1]);
        if (box.Left > box.Right || box.Top > box.Bottom)
        {
            throw new CvatFormatException(
                $"The mask box [{box.Left}, {box.Top}, {box.Right}, {box.Bottom}] is inverted: it needs left ≤ right and top ≤ bottom (right and bottom are inclusive).");
        }

        // In long: the sides of a box this far are each at most int.MaxValue + 1 pixels.
        long area = ((long)box.Right - box.Left + 1) * ((long)box.Bottom - box.Top + 1);
        if (area > Array.MaxLength)
        {
            throw new CvatFormatException(
                $"The mask box [{box.Left}, {box.Top}, {box.Right}, {box.Bottom}] has {area} pixels, too many for any image.");
        }

        // Each run is at most int.MaxValue and there are fewer than int.MaxValue runs, so a long cannot overflow.
        long total = 0;
        for (int i = 0; i < count - BoxValues; i++)
        {
            total += (long)points[i];
        }

        if (total != area)
        {
            throw new CvatFormatException(
                $"The mask's {count - BoxValues} run lengths sum to {total}, but its {box.Width}×{box.Height} box has {area} pixels.");
        }

        return box;
    }

    /// <summary>
    /// Decodes mask <paramref name="points"/> into a whole-image mask: row-major, <paramref name="width"/>·<paramref name="height"/>
    /// pixels, true where a set run covers the pixel, false elsewhere (outside the box included). Runs of length 0
    /// after the first, which CVAT never writes, are accepted and change nothing but the parity.
    /// </summary>
    /// <param name="points">The shape's points: runs, then left, top, right, bottom (inclusive).</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    /// <returns>A new array of width·height pixels.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="points"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A side is zero or negative, or the image is larger than an array can be.</exception>
    /// <exception cref="CvatFormatException">The points are malformed (see <see cref="BoxOf"/>), or the box reaches outside the image.</exception>
    public static bool[] Decode(IReadOnlyList<double> points, int width, int height)
    {
        CheckImage(width, height);
        var box = BoxOf(points);
        if (!Fits(box, width, height))
        {
            throw new CvatFormatException(
                $"The mask box [{box.Left}, {box.Top}, {box.Right}, {box.Bottom}] reaches outside the {width}×{height} image (right < {width} and bottom < {height} are needed).");
        }

        var mask = new bool[width * height];
        int boxWidth = box.Width;
        int at = 0; // pixels of the box already covered, row-major within the box
        for (int i = 0; i < points.Count - BoxValues; i++)
        {
            int run = (int)points[i];
            if (i % 2 == 1)
            {
                Fill(mask, width, box, boxWidth, at, run);
            }

            at += run;
        }

        return mask;
    }

    /// <summary>Sets <paramref name="run"/> pixels of the box from box offset <paramref name="at"/>, one row segment at a time.</summary>
    private static void Fill(bool[] mask, int width, CvatBox box, int boxWidth, int at, int run)
    {
        while (run > 0)
        {
            int x = at % boxWidth;
            int segment = Math.Min(run, boxWidth - x);
            int start = (box.Top + at / boxWidth) * width + box.Left + x;
            mask.AsSpan(start, segment).Fill(true);
            at += segment;
            run -= segment;
        }
    }

    /// <summary>Checks that points[<paramref name="index"/>] is a whole number in [0, int.MaxValue].</summary>
    private static void CheckValue(double value, int index)
    {
        string problem =
            !double.IsFinite(value) ? "is not a finite number" :
            value < 0 ? "is negative" :
            value != Math.Floor(value) ? "is not a whole number" :
            value > int.MaxValue ? $"is above {int.MaxValue}, too large for a run length or a coordinate" :
            "";
        if (problem.Length > 0)
        {
            throw new CvatFormatException($"CVAT mask points[{index}] = {value} {problem}; points are whole pixel counts and coordinates.");
        }
    }
}
