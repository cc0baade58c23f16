using Alc.Core.Acquisition;
using Alc.Core.Pool;
using Alc.Core.Selection;

namespace Alc.Core.Tests.Selection;

public class BatchSelectorTests
{
    private static ScoredCandidate C(int image, int pixel, double score) =>
        new(image, new PoolCandidate(pixel, pixel, 1, 1, 0), score);

    [Fact]
    public void Takes_the_global_top_b_by_score()
    {
        var selected = BatchSelector.SelectTop([C(0, 1, 0.2), C(1, 5, 0.9), C(0, 2, 0.5), C(2, 0, 0.1)], 2);
        Assert.Equal([0.9, 0.5], selected.Select(s => s.Score));
    }

    [Fact]
    public void Ties_are_ordered_by_image_then_pixel_whatever_the_input_order()
    {
        ScoredCandidate[] tied = [C(2, 4, 0.5), C(1, 9, 0.5), C(1, 3, 0.5), C(0, 7, 0.5)];
        var forward = BatchSelector.SelectTop(tied, 4);
        var backward = BatchSelector.SelectTop(tied.Reverse(), 4);
        Assert.Equal([(0, 7), (1, 3), (1, 9), (2, 4)], forward.Select(s => (s.ImageKey, s.Candidate.Pixel)));
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void A_per_image_cap_passes_the_budget_to_the_next_images()
    {
        var selected = BatchSelector.SelectTop([C(0, 1, 0.9), C(0, 2, 0.8), C(0, 3, 0.7), C(1, 1, 0.1)], 3, perImageCap: 2);
        Assert.Equal([(0, 1), (0, 2), (1, 1)], selected.Select(s => (s.ImageKey, s.Candidate.Pixel)));
    }

    [Fact]
    public void A_budget_larger_than_the_pool_returns_everything_and_zero_returns_nothing()
    {
        Assert.Equal(2, BatchSelector.SelectTop([C(0, 1, 0.1), C(0, 2, 0.2)], 10).Count);
        Assert.Empty(BatchSelector.SelectTop([C(0, 1, 0.1)], 0));
    }

    [Fact]
    public void A_NaN_score_is_an_error_not_a_silent_rank()
    {
        var ex = Assert.Throws<ArgumentException>(() => BatchSelector.SelectTop([C(3, 8, double.NaN)], 1));
        Assert.Contains("pixel 8 of image 3", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchSelector.SelectTop([], 1, perImageCap: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchSelector.SelectTop([], -1));
    }

    [Fact]
    public void Score_all_flattens_pools_with_their_image_keys()
    {
        var pools = new[] { DiversifiedPool.Build(HandCase.Image(key: 1)), DiversifiedPool.Build(HandCase.Image(key: 2)) };
        var scored = BatchSelector.ScoreAll(pools, new LcilAcquisition());
        Assert.Equal([(1, 0.425), (1, 0.4), (2, 0.425), (2, 0.4)], scored.Select(s => (s.ImageKey, Math.Round(s.Score, 6))));
        var top = BatchSelector.SelectTop(scored, 3);
        Assert.Equal([(1, 0), (2, 0), (1, 4)], top.Select(s => (s.ImageKey, s.Candidate.Pixel)));
    }
}
