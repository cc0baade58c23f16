using Alc.Core.Metrics;

namespace Alc.Core.Tests.Metrics;

/// <summary>Mask-size statistics on hand-computed cases.</summary>
public sealed class MaskSizeStatisticsTests
{
    [Fact]
    public void Two_images_give_the_hand_computed_median_mean_and_top_tenth_share()
    {
        var statistics = new MaskSizeStatistics();
        statistics.Add([1, 1, 1, 2]);             // shares 0.75, 0.25
        statistics.Add([5, 5, 5, 5, 6, 6, 7, 8]); // shares 0.5, 0.25, 0.125, 0.125
        Assert.Equal(6, statistics.Count);
        Assert.Equal(0.25, statistics.MedianShare, 12);      // (0.25 + 0.25) / 2 of 0.125 0.125 0.25 0.25 0.5 0.75
        Assert.Equal(2.0 / 6, statistics.MeanShare, 12);     // 2 images' worth of area over 6 masks
        Assert.Equal(0.75 / 2.0, statistics.LargestTenthShare, 12); // ⌈0.6⌉ = 1 mask of 6
    }

    [Fact]
    public void Equal_masks_give_the_floor_share_and_no_masks_give_zero()
    {
        var equal = new MaskSizeStatistics();
        for (int i = 0; i < 5; i++)
        {
            equal.Add([1, 1, 2, 2]);
        }

        Assert.Equal((0.5, 0.5, 0.1), (equal.MedianShare, equal.MeanShare, equal.LargestTenthShare));
        var none = new MaskSizeStatistics();
        none.Add([]);
        Assert.Equal((0, 0.0, 0.0, 0.0), (none.Count, none.MedianShare, none.MeanShare, none.LargestTenthShare));
    }
}
