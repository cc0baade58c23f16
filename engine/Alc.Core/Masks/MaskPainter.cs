using Alc.Core.Maps;

namespace Alc.Core.Masks;

/// <summary>
/// Turns a set of object masks into a class map and a superpixel map the way the authors' Grounded-SAM
/// pipeline does: masks are painted largest first, so smaller masks land on top of the larger ones they
/// overlap; every painted pixel takes the mask's class and the mask's superpixel id (1-based, in painting
/// order); unpainted pixels are background (class 0) with superpixel id 0 ("no object").
/// </summary>
public static class MaskPainter
{
    /// <summary>The painted maps of one image.</summary>
    /// <param name="Classes">Class id per pixel (0 where no mask painted).</param>
    /// <param name="Superpixels">Mask id per pixel (0 where no mask painted).</param>
    /// <param name="MaskIds">The superpixel id given to each input mask (by input position); 0 for an empty mask.</param>
    public sealed record Result(byte[] Classes, int[] Superpixels, int[] MaskIds);

    /// <summary>Paints <paramref name="masks"/> onto a <paramref name="width"/>×<paramref name="height"/> image.</summary>
    /// <exception cref="ArgumentException">A mask has the wrong size or a class id outside 0..L−1 (−1 paints class 0).</exception>
    public static Result Paint(int width, int height, int classCount, IReadOnlyList<ObjectMask> masks)
    {
        ArgumentNullException.ThrowIfNull(masks);
        if (width < 1 || height < 1)
        {
            throw new ArgumentException($"Image size {width}×{height} is out of range.");
        }

        int n = checked(width * height);
        var areas = new int[masks.Count];
        for (int i = 0; i < masks.Count; i++)
        {
            var mask = masks[i];
            if (mask.Mask.Length != n)
            {
                throw new ArgumentException($"Mask {i} has {mask.Mask.Length} values but the image is {width}×{height} ({n}).");
            }

            if (mask.ClassId < -1 || mask.ClassId >= classCount || mask.ClassId >= LabelMap.Ignore)
            {
                throw new ArgumentException($"Mask {i} has class {mask.ClassId}, but the dataset has {classCount} classes (ids 0..{classCount - 1}).");
            }

            areas[i] = n - mask.Mask.AsSpan().Count((byte)0);
        }

        // Largest first; equal areas by ascending score then input order, so the result is deterministic.
        int[] order = Enumerable.Range(0, masks.Count).Where(i => areas[i] > 0)
            .OrderByDescending(i => areas[i]).ThenBy(i => masks[i].Score).ThenBy(i => i).ToArray();
        var classes = new byte[n];
        var superpixels = new int[n];
        var ids = new int[masks.Count];
        int next = 1;
        foreach (int i in order)
        {
            ids[i] = next;
            byte label = (byte)Math.Max(0, masks[i].ClassId);
            ReadOnlySpan<byte> mask = masks[i].Mask;
            for (int p = 0; p < n; p++)
            {
                if (mask[p] != 0)
                {
                    classes[p] = label;
                    superpixels[p] = next;
                }
            }

            next++;
        }

        return new Result(classes, superpixels, ids);
    }
}
