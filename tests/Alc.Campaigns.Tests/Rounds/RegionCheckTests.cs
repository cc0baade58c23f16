using Alc.Campaigns.AutoCorrection;
using Alc.Core.Correction;
using Alc.Core.Cost;
using Alc.Core.Maps;

namespace Alc.Campaigns.Tests.Rounds;

public class RegionCheckTests
{
    // 4×1, one background superpixel; the model predicted class 2 on pixels 1–2 (an object the pseudo labels missed).
    private static CampaignImage Image() => new(0, "i", new byte[12], new LabelMap(4, 1, 3, [0, 0, 0, 0]), new SuperpixelMap(4, 1, [1, 1, 1, 1]),
        new LabelMap(4, 1, 3, [0, 2, 2, 0]));

    private static RegionCheck Check() => new(0, new DisagreementRegion([1, 2], 0, 2, 2, 0.8, 1.5));

    [Fact]
    public void A_correction_relabels_the_region_not_the_superpixel_and_marks_it_checked()
    {
        var image = Image();
        var check = Check();
        Assert.Equal((2, (byte)0), (check.Pixel, check.ShownLabel));
        var result = check.Apply(image, QueryVerdict.Correct, 2);
        Assert.Equal(new byte[] { 0, 2, 2, 0 }, image.Labels.Labels.ToArray());
        Assert.Equal([1, 2], result.ChangedPixels);
        Assert.Equal([1, 2], image.Checked.Order());
        Assert.Empty(image.Answered); // the superpixel as a whole was not vouched for
    }

    [Fact]
    public void A_confirmation_changes_nothing_but_freezes_the_region_for_later_corrections()
    {
        var image = Image();
        var result = Check().Apply(image, QueryVerdict.Confirm, 0);
        Assert.Equal(0, result.Changed);
        Assert.Equal([1, 2], image.Checked.Order());

        // A confident model afterwards may not relabel the checked pixels.
        var model = new FixedPredictor(3, _ => [0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1]); // class 2 everywhere, f = 1
        var options = CorrectionStrategy.DefaultAutoCorrection with { OutOfFoldModels = 0 };
        var record = AutomatedCorrection.Run([image], model, [], 1, options, excludeZeroId: false, seed: 1);
        Assert.Equal(new byte[] { 2, 0, 0, 2 }, image.Labels.Labels.ToArray());
        Assert.Equal((2L, 0L, 2L), (record.Pixels, record.PixelsRight!.Value, record.PixelsRightBefore!.Value));
    }

    [Fact]
    public void The_default_correction_proposes_checks_on_the_regions_it_is_unsure_of_biggest_mass_first()
    {
        // Two images: in image 0 the model says 2 with f = 0.8 on pixels 1–2 (mass 1.6), in image 1 with f = 0.7 on pixel 1 only.
        var images = new[] { Image(), new CampaignImage(1, "j", new byte[12], new LabelMap(4, 1, 3, [0, 0, 0, 0]), new SuperpixelMap(4, 1, [1, 1, 1, 1]), null) };
        images[0].Rgb[0] = 0;
        images[1].Rgb[0] = 1;
        var model = new FixedPredictor(3, s => s.Rgb[0] == 0
            ? [1, 0, 0, 0.2f, 0, 0.8f, 0.2f, 0, 0.8f, 1, 0, 0]
            : [1, 0, 0, 0.3f, 0, 0.7f, 1, 0, 0, 1, 0, 0]);
        var checks = new List<RegionCheck>();
        var options = CorrectionStrategy.DefaultAutoCorrection with { OutOfFoldModels = 0, MinCheckPixels = 1 };
        var record = AutomatedCorrection.Run(images, _ => model, [], 1, options, false, 1, checkCount: 1, checks, CancellationToken.None);
        Assert.Equal(0, record.Pixels); // nothing reaches τ = 0.95
        var check = Assert.Single(checks);
        Assert.Equal((0, 1), (check.ImageKey, check.Pixel)); // image 0's region; peak tie at 0.8 goes to the lower pixel
        Assert.Equal([1, 2], check.Region.Pixels);
        Assert.Equal(60, CorrectionStrategy.DefaultAutoCorrection.ChecksFor(100));
        Assert.Equal(0, CorrectionStrategy.DefaultAutoCorrection.ChecksFor(1));
    }
}
