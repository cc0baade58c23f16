using Alc.Core.Cost;
using Alc.Core.Maps;

namespace Alc.Campaigns.Tests.Rounds;

public class QuerySelectorTests
{
    // Two 4×1 images, L = 2, superpixels {0,1} and {2,3}. The model is sure every pixel is class 1 (f = 0.1, 0.9).
    // Image 0 labels 0 0 | 1 1 → SIM(s₁) = Σ cos·CIL = 2·0.9 = 1.8, SIM(s₂) = 2·0.1 = 0.2.
    // Image 1 labels 0 1 | 1 1 → SIM(s₁) = 0.9 + 0.1 = 1.0, SIM(s₂) = 0.2.
    private static (List<CampaignImage> Images, FixedPredictor Model) World()
    {
        CampaignImage Image(int key, byte[] labels) => new(key, $"i{key}", new byte[12], new LabelMap(4, 1, 2, labels),
            new SuperpixelMap(4, 1, [1, 1, 2, 2]), new LabelMap(4, 1, 2, [1, 1, 1, 1]));
        var model = new FixedPredictor(2, _ => [0.1f, 0.9f, 0.1f, 0.9f, 0.1f, 0.9f, 0.1f, 0.9f]);
        return ([Image(0, [0, 0, 1, 1]), Image(1, [0, 1, 1, 1])], model);
    }

    [Fact]
    public void Selects_the_global_top_b_by_sim_with_the_shown_labels()
    {
        var (images, model) = World();
        var queries = QuerySelector.Select(images, model, new CorrectionStrategy { Budget = 2 });
        Assert.Equal([(0, 1, 1.8), (1, 1, 1.0)], queries.Select(q => (q.ImageKey, q.SuperpixelId, Math.Round(q.Score, 5))));
        // The representative of s₁ is pixel 0 (all pixels identical: lowest index); it is shown with its current label 0.
        Assert.All(queries, q => Assert.Equal((0, (byte)0), (q.Pixel, q.ShownLabel)));
        Assert.Equal(2, model.Calls); // one inference per image
    }

    [Fact]
    public void Answered_superpixels_leave_the_pool_and_a_correction_expands_over_its_superpixel()
    {
        var (images, model) = World();
        var strategy = new CorrectionStrategy { Budget = 1 };
        var query = QuerySelector.Select(images, model, strategy).Single();
        var result = AnswerApplier.Apply(images[0], query, QueryVerdict.Correct, 1, strategy);
        Assert.Equal([0, 1], result.ChangedPixels);
        Assert.Equal([1, 1, 1, 1], images[0].Labels.Labels.ToArray());
        var next = QuerySelector.Select(images, model, strategy).Single();
        Assert.Equal((1, 1), (next.ImageKey, next.SuperpixelId));
    }

    [Fact]
    public void Without_expansion_only_the_queried_pixel_changes_and_a_confirm_changes_nothing()
    {
        var (images, model) = World();
        var strategy = new CorrectionStrategy { Budget = 1, Expansion = false };
        var query = QuerySelector.Select(images, model, strategy).Single();
        var result = AnswerApplier.Apply(images[0], query, QueryVerdict.Correct, 1, strategy);
        Assert.Equal([0], result.ChangedPixels);
        Assert.Equal([1, 0, 1, 1], images[0].Labels.Labels.ToArray());
        var confirm = AnswerApplier.Apply(images[1], query with { ImageKey = 1, SuperpixelId = 2, Pixel = 2 }, QueryVerdict.Confirm, 0, strategy);
        Assert.Equal(0, confirm.Changed);
        Assert.Contains(2, images[1].Answered);
        Assert.Throws<ArgumentException>(() => AnswerApplier.Apply(images[1], query with { ImageKey = 1 }, QueryVerdict.Correct, 5, strategy));
    }

    [Fact]
    public void No_pool_considers_every_pixel_and_may_pick_two_in_one_superpixel()
    {
        var (images, model) = World();
        var queries = QuerySelector.Select(images, model, new CorrectionStrategy { Budget = 2, Pool = PoolKind.None });
        // Every pixel of image 0's s₁ scores 1.8: the top two are pixels 0 and 1 of the same superpixel.
        Assert.Equal([(0, 0), (0, 1)], queries.Select(q => (q.ImageKey, q.Pixel)));
    }

    [Fact]
    public void Data_miou_follows_the_current_labels()
    {
        var (images, _) = World();
        // Ground truth is all 1. Labels: 0 0 1 1 | 0 1 1 1 → class 0: TP 0 → IoU 0; class 1: TP 5, FN 3 → 5/8.
        Assert.Equal(0.3125, CampaignEvaluator.DataMIoU(images, 2), 12);
    }
}
