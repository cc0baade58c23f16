using Alc.Core.Expansion;
using Alc.Core.Maps;
using CsCheck;

namespace Alc.Core.Tests.Expansion;

public class LabelExpansionTests
{
    [Fact]
    public void Epsilon_zero_relabels_the_whole_superpixel_and_reports_what_changed()
    {
        var image = HandCase.Image();
        var result = LabelExpansion.Expand(image.Labels, image.Superpixels, queryPixel: 0, label: 2);
        // Superpixel 1 = pixels 0..3 with labels (0, 1, 255, 1) → all 2; pixel 4 (superpixel 2) untouched.
        Assert.Equal([2, 2, 2, 2, 2], image.Labels.Labels.ToArray());
        Assert.Equal(4, result.Covered);
        Assert.Equal([0, 1, 2, 3], result.ChangedPixels);
        Assert.Equal([0, 1, 255, 1], result.PreviousLabels);
    }

    [Fact]
    public void Epsilon_keeps_pixels_whose_softmax_differs_from_the_query()
    {
        // cos(f0, f_i) = (1, 0.98315, 0.86092, 0.40202) from HandCase; ε = 0.9 keeps pixels 0 and 1 only.
        var image = HandCase.Image();
        var result = LabelExpansion.Expand(image.Labels, image.Superpixels, 0, label: 0, epsilon: 0.9, image.Probabilities);
        Assert.Equal(2, result.Covered);
        Assert.Equal([1], result.ChangedPixels);
        Assert.Equal([0, 0, 255, 1, 2], image.Labels.Labels.ToArray());
    }

    [Fact]
    public void Undo_puts_back_exactly_what_was_replaced()
    {
        var image = HandCase.Image();
        var before = image.Labels.Labels.ToArray();
        var result = LabelExpansion.Expand(image.Labels, image.Superpixels, 3, label: 1);
        LabelExpansion.Undo(image.Labels, result);
        Assert.Equal(before, image.Labels.Labels.ToArray());
    }

    [Fact]
    public void Rejects_answers_that_are_not_classes_and_pixels_outside_the_image()
    {
        var image = HandCase.Image();
        var ex = Assert.Throws<ArgumentException>(() => LabelExpansion.Expand(image.Labels, image.Superpixels, 0, label: 3));
        Assert.Contains("Label 3 is not a class", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => LabelExpansion.Expand(image.Labels, image.Superpixels, 0, label: 255));
        Assert.Throws<ArgumentOutOfRangeException>(() => LabelExpansion.Expand(image.Labels, image.Superpixels, 5, label: 0));
        var needsProbabilities = Assert.Throws<ArgumentException>(() => LabelExpansion.Expand(image.Labels, image.Superpixels, 0, 0, epsilon: 0.5));
        Assert.Contains("probabilities are required", needsProbabilities.Message, StringComparison.Ordinal);
        Assert.Equal([0, 1, 255, 1, 2], image.Labels.Labels.ToArray());
    }

    [Fact]
    public void A_one_pixel_image_expands_to_its_only_pixel()
    {
        var labels = new LabelMap(1, 1, 2, [255]);
        var result = LabelExpansion.Expand(labels, new SuperpixelMap(1, 1, [0]), 0, 1);
        Assert.Equal(1, labels[0]);
        Assert.Equal(1, result.Changed);
    }

    [Fact]
    public void Property_expansion_never_touches_another_superpixel()
    {
        var gen =
            from image in TestImages.Random(maxSide: 8)
            from pixel in Gen.Int[0, image.PixelCount - 1]
            from label in Gen.Int[0, image.ClassCount - 1]
            from epsilon in Gen.Double[-0.5, 1.0]
            select (image, pixel, (byte)label, epsilon);
        gen.Sample(t =>
        {
            var before = t.image.Labels.Labels.ToArray();
            var result = LabelExpansion.Expand(t.image.Labels, t.image.Superpixels, t.pixel, t.Item3, t.epsilon, t.image.Probabilities);
            int id = t.image.Superpixels[t.pixel];
            var after = t.image.Labels.Labels.ToArray();
            for (int p = 0; p < before.Length; p++)
            {
                if (t.image.Superpixels[p] != id)
                {
                    Assert.Equal(before[p], after[p]);
                }
                else
                {
                    Assert.True(after[p] == before[p] || after[p] == t.Item3);
                }
            }

            // The query pixel itself always takes the answer (cos(f, f) = 1 ≥ ε for any ε ≤ 1).
            Assert.Equal(t.Item3, after[t.pixel]);
            Assert.Equal(result.ChangedPixels.Length, Enumerable.Range(0, before.Length).Count(p => before[p] != after[p]));
        });
    }
}
