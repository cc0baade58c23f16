using Alc.Core.Superpixels;
using CsCheck;

namespace Alc.Core.Tests.Superpixels;

public class SlicPropertyTests
{
    /// <summary>A small image: noise, or a few flat colours in random blocks (more structure, more merging).</summary>
    private static readonly Gen<(int Width, int Height, byte[] Rgb)> SmallImage =
        Gen.Select(Gen.Int[1, 18], Gen.Int[1, 18], Gen.Bool)
            .SelectMany(t =>
            {
                (int width, int height, bool blocky) = t;
                int n = width * height;
                return blocky
                    ? Gen.Select(Gen.Byte.Array[12], Gen.Int[0, 3].Array[n], Gen.Int[1, 4])
                        .Select(u => (width, height, Blocks(width, height, u.Item1, u.Item2, u.Item3)))
                    : Gen.Byte.Array[3 * n].Select(rgb => (width, height, rgb));
            });

    private static readonly Gen<SlicOptions> Options =
        Gen.Select(Gen.Int[1, 60], Gen.OneOf(0.1, 1.0, 10.0, 40.0), Gen.Int[1, 10], Gen.OneOf(0.0, 0.5, 2.0), Gen.OneOf(0.3, 3.0))
            .Select(t => new SlicOptions
            {
                SegmentCount = t.Item1,
                Compactness = t.Item2,
                MaxIterations = t.Item3,
                MinSizeFactor = t.Item4,
                MaxSizeFactor = t.Item5,
            });

    // Pixel p takes palette colour index[(y/cell)·w + x/cell]-ish: flat cells of a random size.
    private static byte[] Blocks(int width, int height, byte[] palette, int[] index, int cell)
    {
        byte[] rgb = new byte[3 * width * height];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int c = index[((y / cell * cell) * width) + (x / cell * cell)];
                int p = 3 * ((y * width) + x);
                rgb[p] = palette[3 * c];
                rgb[p + 1] = palette[(3 * c) + 1];
                rgb[p + 2] = palette[(3 * c) + 2];
            }
        }

        return rgb;
    }

    /// <summary>True when the pixels of every id form one 4-connected region.</summary>
    private static bool EverySegmentIsFourConnected(int[] ids, int width)
    {
        int n = ids.Length;
        int height = n / width;
        var seen = new bool[n];
        var started = new HashSet<int>();
        var stack = new Stack<int>();
        for (int start = 0; start < n; start++)
        {
            if (seen[start])
            {
                continue;
            }

            // A second unvisited region with an id already flooded means that id is split.
            if (!started.Add(ids[start]))
            {
                return false;
            }

            seen[start] = true;
            stack.Push(start);
            while (stack.Count > 0)
            {
                int p = stack.Pop();
                int x = p % width, y = p / width;
                foreach (int q in (ReadOnlySpan<int>)[x + 1 < width ? p + 1 : -1, x > 0 ? p - 1 : -1, y + 1 < height ? p + width : -1, y > 0 ? p - width : -1])
                {
                    if (q >= 0 && !seen[q] && ids[q] == ids[p])
                    {
                        seen[q] = true;
                        stack.Push(q);
                    }
                }
            }
        }

        return true;
    }

    [Fact]
    public void EverySuperpixelIsFourConnectedAndIdsAreOneToCount()
    {
        Gen.Select(SmallImage, Options).Sample(t =>
        {
            var ((width, height, rgb), options) = t;
            int[] ids = new int[width * height];

            int count = Slic.Segment(rgb, width, height, ids, options);

            Assert.True(EverySegmentIsFourConnected(ids, width), $"A superpixel is split ({width}×{height}, {options}).");
            Assert.Equal(Enumerable.Range(1, count), ids.Distinct().Order());
        }, iter: 400);
    }

    [Fact]
    public void WithoutConnectivityIdsAreSeedNumbersFromOne()
    {
        Gen.Select(SmallImage, Options).Sample(t =>
        {
            var ((width, height, rgb), options) = t;
            int[] ids = new int[width * height];

            int largest = Slic.Segment(rgb, width, height, ids, options with { EnforceConnectivity = false });

            Assert.All(ids, id => Assert.InRange(id, 1, largest));
            Assert.Contains(largest, ids);
        }, iter: 200);
    }

    [Fact]
    public void SegmentationIsDeterministic()
    {
        Gen.Select(SmallImage, Options).Sample(t =>
        {
            var ((width, height, rgb), options) = t;

            Assert.Equal(Slic.Segment(rgb, width, height, options), Slic.Segment(rgb, width, height, options));
        }, iter: 100);
    }

    [Fact]
    public void TheConnectivityCheckSeesASplitSuperpixel()
    {
        Assert.True(EverySegmentIsFourConnected([1, 1, 2, 2, 3, 3], 2));
        Assert.False(EverySegmentIsFourConnected([1, 2, 1], 3));
        Assert.False(EverySegmentIsFourConnected([1, 2, 2, 1], 2)); // diagonal neighbours are not 4-connected
    }
}
