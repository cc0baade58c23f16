using Alc.Core.Metrics;
using CsCheck;

namespace Alc.Core.Tests.Metrics;

public class ConfusionMatrixTests
{
    [Fact]
    public void Iou_and_miou_from_a_hand_counted_matrix()
    {
        // gt:   0 0 1 1 2 255 0
        // pred: 0 1 1 1 0 2   255
        // Counted pairs (gt, pred): (0,0) (0,1) (1,1) (1,1) (2,0); the last two have 255 and are skipped.
        // IoU0 = 1/(1+1+1) = 1/3 (TP 1, FN 1 as pred 1, FP 1 from gt 2); IoU1 = 2/(2+1) = 2/3; IoU2 = 0/1 = 0.
        var matrix = new ConfusionMatrix(4);
        matrix.Add([0, 0, 1, 1, 2, 255, 0], [0, 1, 1, 1, 0, 2, 255]);
        Assert.Equal(5, matrix.Total);
        Assert.Equal(2, matrix[1, 1]);
        Assert.Equal(1.0 / 3, matrix.IoU(0)!.Value, 12);
        Assert.Equal(2.0 / 3, matrix.IoU(1)!.Value, 12);
        Assert.Equal(0.0, matrix.IoU(2)!.Value, 12);
        Assert.Null(matrix.IoU(3)); // class 3 absent from both sides: not in the mean
        Assert.Equal(1.0 / 3, matrix.MeanIoU(), 12);
        Assert.Equal(3.0 / 5, matrix.PixelAccuracy(), 12);
    }

    [Fact]
    public void Images_accumulate_as_one_union()
    {
        var streamed = new ConfusionMatrix(3);
        streamed.Add([0, 1], [0, 2]);
        streamed.Add([2, 2, 1], [2, 2, 1]);
        var whole = new ConfusionMatrix(3);
        whole.Add([0, 1, 2, 2, 1], [0, 2, 2, 2, 1]);
        var merged = new ConfusionMatrix(3);
        merged.Add(streamed);
        Assert.Equal(whole.MeanIoU(), streamed.MeanIoU(), 12);
        Assert.Equal(whole.MeanIoU(), merged.MeanIoU(), 12);
    }

    [Fact]
    public void Rejects_values_that_are_neither_classes_nor_ignore()
    {
        var matrix = new ConfusionMatrix(3);
        var ex = Assert.Throws<ArgumentException>(() => matrix.Add([0, 1, 2], [0, 9, 2]));
        Assert.Contains("Pixel 1 has ground truth 1 and label 9", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, matrix.Total);
        Assert.Throws<ArgumentException>(() => matrix.Add([0, 1], [0]));
    }

    [Fact]
    public void An_empty_matrix_has_no_miou()
    {
        var matrix = new ConfusionMatrix(2);
        matrix.Add([255], [0]);
        Assert.True(double.IsNaN(matrix.MeanIoU()));
    }

    [Fact]
    public void Property_perfect_labels_give_miou_one()
    {
        Gen.Int[1, 20].SelectMany(classes => Gen.Int[0, classes - 1].Select(v => (byte)v).Array[1, 300].Select(gt => (classes, gt)))
            .Sample(t =>
            {
                var matrix = new ConfusionMatrix(t.classes);
                matrix.Add(t.gt, t.gt);
                Assert.Equal(1.0, matrix.MeanIoU(), 12);
            });
    }

    [Fact]
    public void Property_metrics_are_invariant_to_pixel_order()
    {
        var gen =
            from classes in Gen.Int[1, 6]
            from n in Gen.Int[1, 200]
            from gt in Gen.Int[0, classes].Array[n]
            from pred in Gen.Int[0, classes].Array[n]
            from seed in Gen.Int
            select (classes, gt, pred, seed);
        gen.Sample(t =>
        {
            byte B(int v) => v == t.classes ? (byte)255 : (byte)v;
            var gt = t.gt.Select(B).ToArray();
            var pred = t.pred.Select(B).ToArray();
            var order = Enumerable.Range(0, gt.Length).OrderBy(i => new Random(t.seed + i).Next()).ToArray();
            var a = new ConfusionMatrix(t.classes);
            a.Add(gt, pred);
            var b = new ConfusionMatrix(t.classes);
            b.Add(order.Select(i => gt[i]).ToArray(), order.Select(i => pred[i]).ToArray());
            Assert.Equal(a.Total, b.Total);
            Assert.Equal(a.MeanIoU(), b.MeanIoU());
            for (int c = 0; c < t.classes; c++)
            {
                Assert.Equal(a.IoU(c), b.IoU(c));
            }
        });
    }
}
