using Alc.Core.Numerics;
using CsCheck;

namespace Alc.Core.Tests.Numerics;

public class ConnectedComponentsTests
{
    [Fact]
    public void A_u_shape_is_one_component_even_though_its_arms_meet_late_in_raster_order()
    {
        // 1 0 1
        // 1 0 1     the two arms of class 1 only join on the last row
        // 1 1 1
        byte[] classes = [1, 0, 1, 1, 0, 1, 1, 1, 1];
        var components = new int[9];
        int count = ConnectedComponents.Label(classes, 3, components);
        Assert.Equal(2, count);
        Assert.Equal([0, 1, 0, 0, 1, 0, 0, 0, 0], components);
    }

    [Fact]
    public void Diagonal_neighbours_are_not_connected_and_skipped_pixels_get_minus_one()
    {
        // 1 255
        // 0 1
        byte[] classes = [1, 255, 0, 1];
        var components = new int[4];
        Assert.Equal(3, ConnectedComponents.Label(classes, 2, components, skip: 255));
        Assert.Equal([0, -1, 1, 2], components);
    }

    [Fact]
    public void Property_components_are_exactly_the_flood_fill_regions()
    {
        var gen = from w in Gen.Int[1, 9] from h in Gen.Int[1, 9] from v in Gen.Byte[0, 2].Array[w * h] select (w, h, v);
        gen.Sample(t =>
        {
            var components = new int[t.v.Length];
            int count = ConnectedComponents.Label(t.v, t.w, components);
            // Reference: breadth-first flood fill.
            var reference = Enumerable.Repeat(-1, t.v.Length).ToArray();
            int next = 0;
            for (int s = 0; s < t.v.Length; s++)
            {
                if (reference[s] >= 0)
                {
                    continue;
                }

                var queue = new Queue<int>([s]);
                reference[s] = next;
                while (queue.TryDequeue(out int p))
                {
                    foreach (int q in new[] { p - 1, p + 1, p - t.w, p + t.w })
                    {
                        bool neighbour = q >= 0 && q < t.v.Length && (q / t.w == p / t.w || q % t.w == p % t.w);
                        if (neighbour && reference[q] < 0 && t.v[q] == t.v[p])
                        {
                            reference[q] = next;
                            queue.Enqueue(q);
                        }
                    }
                }

                next++;
            }

            Assert.Equal(next, count);
            Assert.Equal(reference, components);
        });
    }
}
