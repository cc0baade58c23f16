using System.Buffers;

namespace Alc.Core.Numerics;

/// <summary>
/// 4-connected component labelling of a class map (two-pass union–find with path halving). Pixels equal
/// to the skip value get component −1; the others get dense ids 0..count−1 in raster order of first pixel.
/// </summary>
internal static class ConnectedComponents
{
    public static int Label(ReadOnlySpan<byte> classes, int width, Span<int> components, int skip = -1)
    {
        int n = classes.Length;
        int[] rented = ArrayPool<int>.Shared.Rent(n);
        Span<int> parent = rented.AsSpan(0, n);
        try
        {
            for (int p = 0; p < n; p++)
            {
                if (classes[p] == skip)
                {
                    parent[p] = -1;
                    continue;
                }

                parent[p] = p;
                if (p % width > 0 && classes[p - 1] == classes[p])
                {
                    Union(parent, p, p - 1);
                }

                if (p >= width && classes[p - width] == classes[p])
                {
                    Union(parent, p, p - width);
                }
            }

            // Each root is the smallest index of its set, so it is numbered before any member.
            int count = 0;
            for (int p = 0; p < n; p++)
            {
                if (parent[p] < 0)
                {
                    components[p] = -1;
                    continue;
                }

                int root = Find(parent, p);
                components[p] = root == p ? count++ : components[root];
            }

            return count;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    private static int Find(Span<int> parent, int p)
    {
        while (parent[p] != p)
        {
            parent[p] = parent[parent[p]];
            p = parent[p];
        }

        return p;
    }

    private static void Union(Span<int> parent, int a, int b)
    {
        int ra = Find(parent, a);
        int rb = Find(parent, b);
        if (ra < rb)
        {
            parent[rb] = ra;
        }
        else if (rb < ra)
        {
            parent[ra] = rb;
        }
    }
}
