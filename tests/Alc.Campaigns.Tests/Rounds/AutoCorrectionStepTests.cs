using Alc.Campaigns.AutoCorrection;
using Alc.Campaigns.Projects;
using Alc.Core.Correction;
using Alc.Core.Cost;
using Alc.Core.Maps;

namespace Alc.Campaigns.Tests.Rounds;

/// <summary>The step both the bench and the engine run, and the stored form of what it changed.</summary>
public class AutoCorrectionStepTests
{
    // 4×1 with labels 0 0 0 0; the judge says class 2 with f = 1 on pixels 1–2 and class 0 elsewhere.
    private static CampaignImage Image(int key) => new(key, $"i{key}", new byte[12], new LabelMap(4, 1, 3, [0, 0, 0, 0]), new SuperpixelMap(4, 1, [1, 1, 2, 2]),
        new LabelMap(4, 1, 3, [0, 2, 0, 0]));

    [Fact]
    public void Its_changes_are_exactly_the_pixels_it_relabelled_with_their_old_and_new_labels()
    {
        var images = new[] { Image(7), Image(9) };
        images[1].Answered.Add(1); // image 9's first superpixel was answered: frozen
        var judge = new FixedPredictor(3, _ => [1, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0]);
        var strategy = CorrectionStrategy.Default with { AutoCorrection = CorrectionStrategy.DefaultAutoCorrection with { OutOfFoldModels = 0 } };
        var outcome = AutoCorrectionStep.Correct(images, _ => judge, [], 1, strategy, checkCount: 0);
        var seven = Assert.Single(outcome.Changes, c => c.ImageKey == 7);
        Assert.Equal([1, 2], seven.Pixels);
        Assert.Equal(new byte[] { 0, 0 }, seven.Previous);
        Assert.Equal(new byte[] { 2, 2 }, seven.Labels);
        var nine = Assert.Single(outcome.Changes, c => c.ImageKey == 9);
        Assert.Equal([2], nine.Pixels);
        Assert.Equal(3, outcome.Record.Pixels);
        Assert.Equal(1, outcome.Record.PixelsRight); // image 7's pixel 1 is class 2 in truth; pixel 2 of both images is not
    }

    [Fact]
    public void Replaying_stored_changes_on_the_labels_before_the_step_gives_the_labels_after_it()
    {
        var random = new Random(4);
        for (int trial = 0; trial < 50; trial++)
        {
            var before = Enumerable.Range(0, 64).Select(_ => (byte)random.Next(5)).ToArray();
            var after = before.ToArray();
            for (int i = random.Next(0, 20); i > 0; i--)
            {
                after[random.Next(64)] = (byte)random.Next(5);
            }

            var change = LabelChange.Between(3, before, after);
            Assert.Equal(change is null, before.SequenceEqual(after));
            var image = new CampaignImage(3, "r", new byte[64 * 3], new LabelMap(8, 8, 5, before.ToArray()), new SuperpixelMap(8, 8, new int[64]), null);
            foreach (var stored in change is null ? [] : AutoCorrectionBlobs.DecodeChanges(AutoCorrectionBlobs.EncodeChanges([change])))
            {
                Assert.Equal(stored.Previous, stored.Pixels.Select(p => before[p]));
                stored.ApplyTo(image);
            }

            Assert.Equal(after, image.Labels.Labels.ToArray());
        }
    }

    [Fact]
    public void A_corrupt_or_out_of_range_stored_change_is_refused()
    {
        byte[] blob = AutoCorrectionBlobs.EncodeChanges([new LabelChange(1, [0, 5], [0, 0], [1, 2])]);
        Assert.Throws<InvalidDataException>(() => AutoCorrectionBlobs.DecodeChanges(blob[..^1]));
        Assert.Throws<InvalidDataException>(() => AutoCorrectionBlobs.DecodeChanges([.. blob, 0]));
        Assert.Throws<InvalidDataException>(() => AutoCorrectionBlobs.DecodeChanges("XXXX\0\0\0\0"u8.ToArray()));
        Assert.Throws<InvalidDataException>(() => AutoCorrectionBlobs.DecodeRegion([1, 2, 3]));
        var image = Image(1);
        // Pixel 5 lies outside the 4-pixel image.
        Assert.Throws<InvalidDataException>(() => AutoCorrectionBlobs.DecodeChanges(blob).Single().ApplyTo(image));
        Assert.Equal([4, 9, 1000], AutoCorrectionBlobs.DecodeRegion(AutoCorrectionBlobs.EncodeRegion([4, 9, 1000])));
    }

    [Fact]
    public void A_stored_region_answer_relabels_the_region_and_refuses_pixels_outside_the_image()
    {
        var image = Image(1);
        var result = RegionCheck.Apply(image, [1, 2], QueryVerdict.Correct, 2);
        Assert.Equal(new byte[] { 0, 2, 2, 0 }, image.Labels.Labels.ToArray());
        Assert.Equal([1, 2], result.ChangedPixels);
        Assert.Equal(2, result.Covered);
        Assert.Throws<ArgumentException>(() => RegionCheck.Apply(image, [3, 4], QueryVerdict.Confirm, 0));
        Assert.Throws<ArgumentException>(() => RegionCheck.Apply(image, [0], QueryVerdict.Correct, 3));
    }
}
