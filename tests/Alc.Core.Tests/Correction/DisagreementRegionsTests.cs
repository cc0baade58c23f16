using Alc.Core.Correction;
using Alc.Core.Maps;
using CsCheck;

namespace Alc.Core.Tests.Correction;

public class DisagreementRegionsTests
{
    // 4×3 image, L = 3. Labels are background (0) except a 1 at (3,2); the model sees class 2 in the top-left 2×2 block
    // (a missed object) and class 1 at (3,0).
    //   labels      predicted    confidence
    //   0 0 0 0     2 2 0 1      .99 .60 .90 .70
    //   0 0 0 0     2 2 0 0      .80 .40 .90 .90
    //   0 0 0 1     0 0 0 1      .90 .90 .90 .90
    private static (LabelMap Labels, byte[] Predicted, float[] Confidence) Image() => (
        new LabelMap(4, 3, 3, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
        [2, 2, 0, 1, 2, 2, 0, 0, 0, 0, 0, 1],
        [0.99f, 0.60f, 0.90f, 0.70f, 0.80f, 0.40f, 0.90f, 0.90f, 0.90f, 0.90f, 0.90f, 0.90f]);

    [Fact]
    public void Regions_are_connected_disagreeing_pixels_above_the_threshold_with_their_peak_and_mass()
    {
        var (labels, predicted, confidence) = Image();
        var regions = DisagreementRegions.Find(labels, predicted, confidence, new bool[12], 0.5);
        Assert.Equal(2, regions.Count);
        Assert.Equal([0, 1, 4], regions[0].Pixels); // pixel 5 (0.40) is below τ
        Assert.Equal((0, 2, 0), (regions[0].Label, regions[0].Predicted, regions[0].PeakPixel));
        Assert.Equal(0.99 + 0.60 + 0.80, regions[0].Mass, 5);
        Assert.Equal([3], regions[1].Pixels);
        Assert.Equal(0.70, regions[1].PeakConfidence, 5);

        var frozen = new bool[12];
        frozen[0] = true;
        var thawed = DisagreementRegions.Find(labels, predicted, confidence, frozen, 0.5);
        Assert.Equal(3, thawed.Count); // 1 and 4 touched only through the frozen 0: two regions
        Assert.Equal([[1], [3], [4]], thawed.Select(r => r.Pixels));
    }

    [Fact]
    public void Hysteresis_relabels_a_region_whose_peak_reaches_tau_down_to_tau_grow()
    {
        var (labels, predicted, confidence) = Image();
        var result = ConfidentRelabel.Apply(labels, predicted, confidence, new bool[12], 0.95, 0.55);
        Assert.Equal([0, 1, 4], result.ChangedPixels); // peak 0.99; (3,0) peaks at 0.70 < τ and stays
        Assert.Equal(new byte[] { 0, 0, 0 }, result.PreviousLabels);
        Assert.Equal(new byte[] { 2, 2, 0, 0, 2, 0, 0, 0, 0, 0, 0, 1 }, labels.Labels.ToArray());

        var (plain, p2, c2) = Image();
        Assert.Equal([0], ConfidentRelabel.Apply(plain, p2, c2, new bool[12], 0.95, 0.95).ChangedPixels); // τ_grow = τ: per pixel
        Assert.Throws<ArgumentException>(() => ConfidentRelabel.Apply(plain, p2, c2, new bool[12], 0.9, 0.95));
    }

    [Fact]
    public void Unlabelled_pixels_and_pixels_that_agree_are_never_in_a_region()
    {
        var labels = new LabelMap(3, 1, 2, [LabelMap.Ignore, 1, 0]);
        var regions = DisagreementRegions.Find(labels, [1, 1, 1], [1f, 1f, 1f], new bool[3], 0.5);
        Assert.Equal([2], Assert.Single(regions).Pixels);
    }

    [Fact]
    public void Property_regions_are_disjoint_disagreeing_and_relabelling_them_leaves_every_other_pixel_alone()
    {
        var gen = Gen.Select(Gen.Int[2, 9], Gen.Int[1, 9], Gen.Int[0, int.MaxValue]);
        gen.Sample((w, h, seed) =>
        {
            var random = new Random(seed);
            int n = w * h;
            var y = Enumerable.Range(0, n).Select(_ => (byte)random.Next(3)).ToArray();
            var predicted = Enumerable.Range(0, n).Select(_ => (byte)random.Next(3)).ToArray();
            var confidence = Enumerable.Range(0, n).Select(_ => (float)random.NextDouble()).ToArray();
            var frozen = Enumerable.Range(0, n).Select(_ => random.Next(4) == 0).ToArray();
            var labels = new LabelMap(w, h, 3, (byte[])y.Clone());
            var regions = DisagreementRegions.Find(labels, predicted, confidence, frozen, 0.3);
            var all = regions.SelectMany(r => r.Pixels).ToList();
            Assert.Equal(all.Count, all.Distinct().Count());
            Assert.All(all, p => Assert.True(!frozen[p] && predicted[p] != y[p] && confidence[p] >= 0.3));
            Assert.Equal(Enumerable.Range(0, n).Count(p => !frozen[p] && predicted[p] != y[p] && confidence[p] >= 0.3), all.Count);

            var result = ConfidentRelabel.Apply(labels, predicted, confidence, frozen, 0.8, 0.3);
            for (int p = 0; p < n; p++)
            {
                bool changed = result.ChangedPixels.Contains(p);
                Assert.Equal(changed ? predicted[p] : y[p], labels[p]);
                Assert.False(changed && frozen[p]);
            }
        });
    }
}
