using Alc.Core.Expansion;
using Alc.Core.Maps;
using Alc.Core.Metrics;

namespace Alc.Core.Tests.Metrics;

public class CorrectionQualityTests
{
    [Fact]
    public void Precision_and_recall_of_a_round_from_hand_counts()
    {
        // 6×1 image, two superpixels A = {0,1,2}, B = {3,4,5}.
        // gt:     1 1 0 | 2 2 255
        // labels: 0 0 0 | 2 1 1     wrong before: pixels 0, 1, 4 (pixel 5 has gt 255) → 3.
        // Query A at pixel 0 (wrong) answered 1 → fixes 0, 1, breaks 2.
        // Query B at pixel 3 (right) answered 2 → fixes 4; pixel 5 changes but gt 255 never counts.
        byte[] gt = [1, 1, 0, 2, 2, 255];
        var labels = new LabelMap(6, 1, 3, [0, 0, 0, 2, 1, 1]);
        var superpixels = new SuperpixelMap(6, 1, [1, 1, 1, 2, 2, 2]);
        var quality = new CorrectionQuality();
        quality.AddImageBefore(labels.Labels, gt);

        quality.AddQuery(labels[0], gt[0]);
        quality.AddExpansion(LabelExpansion.Expand(labels, superpixels, 0, 1), labels, gt);
        quality.AddQuery(labels[3], gt[3]);
        quality.AddExpansion(LabelExpansion.Expand(labels, superpixels, 3, 2), labels, gt);

        Assert.Equal(3, quality.WrongPixelsBefore);
        Assert.Equal(0.5, quality.Precision);
        Assert.Equal(3, quality.PixelsFixed);
        Assert.Equal(1, quality.PixelsBroken);
        Assert.Equal(1.0, quality.Recall);
    }

    [Fact]
    public void Nothing_measured_gives_null_not_zero()
    {
        var quality = new CorrectionQuality();
        Assert.Null(quality.Precision);
        Assert.Null(quality.Recall);
        Assert.Equal(1, CorrectionQuality.CountWrong([255, 0], [1, 0])); // an ignore label on a labelled pixel is wrong
    }
}
