using Alc.Core.Maps;

namespace Alc.Core.Tests.Maps;

public class SuperpixelMapTests
{
    [Fact]
    public void Index_groups_pixels_by_id_in_ascending_order()
    {
        // 3×2:  5 0 5
        //       9 9 0
        var map = new SuperpixelMap(3, 2, [5, 0, 5, 9, 9, 0]);
        var index = map.Index;
        Assert.Equal([0, 5, 9], index.Ids.ToArray());
        Assert.Equal([1, 5], index.PixelsOf(0).ToArray());
        Assert.Equal([0, 2], index.PixelsOf(5).ToArray());
        Assert.Equal([3, 4], index.PixelsOf(9).ToArray());
        Assert.True(index.PixelsOf(7).IsEmpty);
        Assert.Equal(-1, index.IndexOf(7));
    }

    [Fact]
    public void Sparse_24_bit_ids_are_grouped_without_a_dense_table()
    {
        // RGB-encoded ids reach 2^24 − 1; the index must not allocate 16M entries for 3 pixels.
        var map = new SuperpixelMap(3, 1, [16_777_215, 3, 16_777_215]);
        Assert.Equal([3, 16_777_215], map.Index.Ids.ToArray());
        Assert.Equal([0, 2], map.Index.PixelsOf(16_777_215).ToArray());
    }

    [Fact]
    public void Names_the_pixel_with_a_negative_id()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SuperpixelMap(2, 2, [1, 2, 3, -4]));
        Assert.Contains("(x=1, y=1)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("-4", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_one_pixel_map_has_one_superpixel()
    {
        var map = new SuperpixelMap(1, 1, [0]);
        Assert.Equal(1, map.Index.Count);
        Assert.Equal([0], map.Index.PixelsAt(0).ToArray());
    }
}
