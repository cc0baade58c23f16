namespace Alc.Core.World;

/// <summary>4-neighbour morphology on square boolean masks.</summary>
internal static class MaskOps
{
    /// <summary>Grows the mask by <paramref name="steps"/> pixels.</summary>
    public static void Dilate(bool[] mask, int size, int steps) => Morph(mask, size, steps, grow: true);

    /// <summary>Shrinks the mask by <paramref name="steps"/> pixels.</summary>
    public static void Erode(bool[] mask, int size, int steps) => Morph(mask, size, steps, grow: false);

    private static void Morph(bool[] mask, int size, int steps, bool grow)
    {
        var previous = new bool[mask.Length];
        for (int s = 0; s < steps; s++)
        {
            Array.Copy(mask, previous, mask.Length);
            for (int y = 0; y < size; y++)
            {
                for (int x = 0; x < size; x++)
                {
                    int p = (y * size) + x;
                    if (previous[p] == grow)
                    {
                        continue;
                    }

                    // A pixel flips when any 4-neighbour has the other state (image edges count as outside).
                    bool left = x > 0 ? previous[p - 1] : false;
                    bool right = x < size - 1 ? previous[p + 1] : false;
                    bool up = y > 0 ? previous[p - size] : false;
                    bool down = y < size - 1 ? previous[p + size] : false;
                    mask[p] = grow ? left || right || up || down : left && right && up && down;
                }
            }
        }
    }

    /// <summary>Whether any pixel of <paramref name="mask"/> has a 4-neighbour where <paramref name="other"/>(p) holds.</summary>
    public static bool Touches(bool[] mask, int size, Func<int, bool> other)
    {
        for (int p = 0; p < mask.Length; p++)
        {
            if (!mask[p])
            {
                continue;
            }

            int x = p % size, y = p / size;
            if ((x > 0 && other(p - 1)) || (x < size - 1 && other(p + 1)) || (y > 0 && other(p - size)) || (y < size - 1 && other(p + size)))
            {
                return true;
            }
        }

        return false;
    }
}
