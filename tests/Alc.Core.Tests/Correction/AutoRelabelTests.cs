using Alc.Core.Correction;
using Alc.Core.Maps;

namespace Alc.Core.Tests.Correction;

public class AutoRelabelTests
{
    [Fact]
    public void A_confident_prediction_of_another_class_relabels_unless_guarded()
    {
        var guard = TailClassGuard.FromCounts([100, 1, 50, 80]); // rarer half {1, 2}, rarest 1
        Assert.Equal(3, AutoRelabel.Decide([0.005, 0.005, 0.0, 0.99], 0, 0.99, guard));
        Assert.Equal(-1, AutoRelabel.Decide([0.01, 0.0, 0.0, 0.98], 0, 0.99, guard)); // below τ
        Assert.Equal(-1, AutoRelabel.Decide([0.995, 0.0, 0.0, 0.005], 0, 0.99, guard)); // agrees with the label
        Assert.Equal(-1, AutoRelabel.Decide([0.0, 0.0, 0.999, 0.001], 0, 0.99, guard)); // into the rarer half
        Assert.Equal(-1, AutoRelabel.Decide([0.999, 0.0, 0.0, 0.001], 1, 0.99, guard)); // away from the rarest
        Assert.Equal(2, AutoRelabel.Decide([0.0, 0.0, 0.999, 0.001], 0, 0.99, null)); // no guard
        Assert.Equal(-1, AutoRelabel.Decide([0.0, 0.0, 0.0, 1.0], LabelMap.Ignore, 0.5, null)); // nothing labelled
    }

    [Fact]
    public void Superpixel_scope_relabels_every_labelled_pixel()
    {
        // 6×1, superpixel {0..4}: labels 0 0 2 255 0 | 1.
        var labels = new LabelMap(6, 1, 4, [0, 0, 2, 255, 0, 1]);
        var result = AutoRelabel.Apply(labels, [0, 1, 2, 3, 4], 0, 3, RelabelScope.Superpixel);
        Assert.Equal(new byte[] { 3, 3, 3, 255, 3, 1 }, labels.Labels.ToArray());
        Assert.Equal([0, 1, 2, 4], result.ChangedPixels);
        Assert.Equal(new byte[] { 0, 0, 2, 0 }, result.PreviousLabels);
        Assert.Equal(4, result.Covered);
    }

    [Fact]
    public void Agreeing_scope_relabels_only_majority_pixels_the_model_predicts_as_the_new_class()
    {
        // labels 0 0 2 0 0, model argmax 3 3 3 1 3 → pixels 0, 1, 4 change; pixel 2 (label 2) and pixel 3 (ŷ = 1) stay.
        var labels = new LabelMap(5, 1, 4, [0, 0, 2, 0, 0]);
        var result = AutoRelabel.Apply(labels, [0, 1, 2, 3, 4], 0, 3, RelabelScope.AgreeingPixels, [3, 3, 3, 1, 3]);
        Assert.Equal(new byte[] { 3, 3, 2, 0, 3 }, labels.Labels.ToArray());
        Assert.Equal([0, 1, 4], result.ChangedPixels);
        Assert.Throws<ArgumentException>(() => AutoRelabel.Apply(labels, [0], 0, 3, RelabelScope.AgreeingPixels));
        Assert.Throws<ArgumentException>(() => AutoRelabel.Apply(labels, [0], 0, 4, RelabelScope.Superpixel));
    }

    [Fact]
    public void Features_are_the_mean_softmax_and_the_majority_label()
    {
        var f = TestImages.Probabilities(3, 1, [0.5f, 0.5f], [0.9f, 0.1f], [0.1f, 0.9f]);
        var mean = new float[2];
        SuperpixelFeatures.MeanSoftmax(f, [0, 1, 2], mean);
        Assert.Equal(0.5f, mean[0], 5);
        Assert.Equal(0.5f, mean[1], 5);
        var labels = new LabelMap(3, 1, 2, [1, 255, 1]);
        Assert.Equal(1, SuperpixelFeatures.MajorityLabel(labels, [0, 1, 2]));
        Assert.Equal(LabelMap.Ignore, SuperpixelFeatures.MajorityLabel(labels, [1]));
        var predicted = new byte[3];
        SuperpixelFeatures.PredictedLabels(f, predicted);
        Assert.Equal(new byte[] { 0, 0, 1 }, predicted);
    }

    [Fact]
    public void Threshold_rises_per_round_up_to_its_cap()
    {
        var options = new LabelCorrectionOptions { Threshold = 0.8, ThresholdStep = 0.05, ThresholdMax = 0.95 };
        Assert.Equal([0.8, 0.85, 0.9, 0.95, 0.95], Enumerable.Range(1, 5).Select(t => Math.Round(options.ThresholdAt(t), 10)));
        Assert.Throws<ArgumentException>(() => (options with { Threshold = 1.5 }).Validate());
    }
}
