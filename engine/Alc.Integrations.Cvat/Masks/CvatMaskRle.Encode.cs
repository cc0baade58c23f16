namespace Alc.Integrations.Cvat.Masks;

/// <content>Encoding: a mask into CVAT points, over its tight box or a given one.</content>
public static partial class CvatMaskRle
{
    /// <summary>
    /// Encodes <paramref name="mask"/> over its tight bounding box (the smallest box holding every set pixel),
    /// as <c>masks.py</c>'s <c>encode_mask</c> does without a bbox.
    /// </summary>
    /// <param name="mask">Row-major, <paramref name="width"/>·<paramref name="height"/> pixels, true = in the mask.</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    /// <returns>The points (runs, then left, top, right, bottom), or null when no pixel is set: CVAT has no empty mask shape.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A side is zero or negative, or the image is larger than an array can be.</exception>
    /// <exception cref="ArgumentException">The mask's length is not width·height.</exception>
    public static int[]? Encode(ReadOnlySpan<bool> mask, int width, int height)
    {
        CheckMask(mask, width, height);
        int left = width, top = height, right = -1, bottom = -1;
        for (int y = 0; y < height; y++)
        {
            var row = mask.Slice(y * width, width);
            int first = row.IndexOf(true);
            if (first < 0)
            {
                continue;
            }

            top = Math.Min(top, y);
            bottom = y;
            left = Math.Min(left, first);
            right = Math.Max(right, row.LastIndexOf(true));
        }

        return bottom < 0 ? null : Runs(mask, width, new CvatBox(left, top, right, bottom));
    }

    /// <summary>
    /// Encodes <paramref name="mask"/> over <paramref name="box"/>, as <c>encode_mask</c> does with a bbox; pixels
    /// outside the box are not encoded. An all-unset box gives <c>[W·H, left, top, right, bottom]</c>.
    /// </summary>
    /// <param name="mask">Row-major, <paramref name="width"/>·<paramref name="height"/> pixels, true = in the mask.</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    /// <param name="box">The region to encode, inclusive, inside the image.</param>
    /// <returns>The points: runs over the box, then its left, top, right, bottom.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A side is zero or negative, the image is larger than an array can be,
    /// or <paramref name="box"/> is inverted or reaches outside the image.</exception>
    /// <exception cref="ArgumentException">The mask's length is not width·height.</exception>
    public static int[] Encode(ReadOnlySpan<bool> mask, int width, int height, CvatBox box)
    {
        CheckMask(mask, width, height);
        if (!Fits(box, width, height))
        {
            throw new ArgumentOutOfRangeException(nameof(box), box,
                $"The box must be non-empty (left ≤ right, top ≤ bottom) and inside the {width}×{height} image.");
        }

        return Runs(mask, width, box);
    }

    /// <summary>The run lengths over a box already checked to fit the image, followed by the box.</summary>
    private static int[] Runs(ReadOnlySpan<bool> mask, int width, CvatBox box)
    {
        var points = new List<int>();
        bool current = false;
        int run = 0;
        for (int y = box.Top; y <= box.Bottom; y++)
        {
            foreach (bool pixel in mask.Slice(y * width + box.Left, box.Width))
            {
                if (pixel == current)
                {
                    run++;
                    continue;
                }

                // The first run counts unset pixels, so a box starting with a set pixel writes a 0 here.
                points.Add(run);
                current = pixel;
                run = 1;
            }
        }

        points.Add(run);
        points.AddRange([box.Left, box.Top, box.Right, box.Bottom]);
        return [.. points];
    }
}
