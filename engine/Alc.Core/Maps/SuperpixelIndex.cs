namespace Alc.Core.Maps;

/// <summary>
/// Pixels grouped by superpixel in compressed-row form: superpixel k (0-based, ids ascending) owns
/// <c>Pixels[Offsets[k]..Offsets[k+1]]</c>, its linear pixel indices in ascending order.
/// Built in O(N) with one counting sort; no per-pixel allocation.
/// </summary>
public sealed class SuperpixelIndex
{
    private readonly int[] _ids;
    private readonly int[] _offsets;
    private readonly int[] _pixels;

    private SuperpixelIndex(int[] ids, int[] offsets, int[] pixels)
    {
        _ids = ids;
        _offsets = offsets;
        _pixels = pixels;
    }

    /// <summary>Number of distinct superpixels present in the map.</summary>
    public int Count => _ids.Length;

    /// <summary>The distinct ids, ascending; position k is the superpixel's dense index.</summary>
    public ReadOnlySpan<int> Ids => _ids;

    /// <summary>The linear pixel indices of superpixel at dense index <paramref name="k"/>, ascending.</summary>
    public ReadOnlySpan<int> PixelsAt(int k) => _pixels.AsSpan(_offsets[k], _offsets[k + 1] - _offsets[k]);

    /// <summary>The pixels of superpixel <paramref name="id"/>; empty when the id does not occur.</summary>
    public ReadOnlySpan<int> PixelsOf(int id)
    {
        int k = IndexOf(id);
        return k < 0 ? ReadOnlySpan<int>.Empty : PixelsAt(k);
    }

    /// <summary>Dense index of <paramref name="id"/>, or −1 when the id does not occur.</summary>
    public int IndexOf(int id)
    {
        int k = Array.BinarySearch(_ids, id);
        return k < 0 ? -1 : k;
    }

    /// <summary>Groups <paramref name="ids"/> (all ≥ 0, validated by <see cref="SuperpixelMap"/>).</summary>
    internal static SuperpixelIndex Build(ReadOnlySpan<int> ids)
    {
        int max = 0;
        foreach (int id in ids)
        {
            if (id > max)
            {
                max = id;
            }
        }

        // Dense ids (SLIC, 16-bit SAM maps) count straight into an array of size max+1; sparse
        // 24-bit ids are first compacted through their sorted distinct values.
        int[] dense;
        int[] distinct;
        if ((long)max + 1 <= 4L * ids.Length + 1024)
        {
            var counts = new int[max + 1];
            foreach (int id in ids)
            {
                counts[id]++;
            }

            int present = 0;
            foreach (int c in counts)
            {
                if (c > 0)
                {
                    present++;
                }
            }

            distinct = new int[present];
            dense = new int[max + 1];
            for (int id = 0, k = 0; id <= max; id++)
            {
                if (counts[id] > 0)
                {
                    distinct[k] = id;
                    dense[id] = k++;
                }
            }

            return Fill(ids, distinct, id => dense[id]);
        }

        var sorted = ids.ToArray();
        Array.Sort(sorted);
        int unique = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] != sorted[i - 1])
            {
                sorted[unique++] = sorted[i];
            }
        }

        distinct = sorted[..unique];
        return Fill(ids, distinct, id => Array.BinarySearch(distinct, id));
    }

    private static SuperpixelIndex Fill(ReadOnlySpan<int> ids, int[] distinct, Func<int, int> denseOf)
    {
        var offsets = new int[distinct.Length + 1];
        var denseIds = new int[ids.Length];
        for (int p = 0; p < ids.Length; p++)
        {
            int k = denseOf(ids[p]);
            denseIds[p] = k;
            offsets[k + 1]++;
        }

        for (int k = 0; k < distinct.Length; k++)
        {
            offsets[k + 1] += offsets[k];
        }

        var cursor = offsets[..^1];
        var pixels = new int[ids.Length];
        for (int p = 0; p < ids.Length; p++)
        {
            pixels[cursor[denseIds[p]]++] = p;
        }

        return new SuperpixelIndex(distinct, offsets, pixels);
    }
}
