using Alc.Core.Acquisition;
using Alc.Core.Pool;
using CsCheck;

namespace Alc.Core.Tests.Acquisition;

public class LookAheadAcquisitionTests
{
    private static double[] Scores(IAcquisition acquisition, ImagePool pool) => TestImages.Scores(acquisition, pool);

    [Fact]
    public void Cil_is_one_minus_the_probability_of_the_current_label_at_the_candidate()
    {
        // HandCase: candidate of superpixel 1 is pixel 0 (label 0, f = 0.7) → 0.3; superpixel 2 → 0.4.
        var scores = Scores(new CilAcquisition(), DiversifiedPool.Build(HandCase.Image()));
        Assert.Equal(0.3, scores[0], 6);
        Assert.Equal(0.4, scores[1], 6);
    }

    [Fact]
    public void Cil_falls_back_to_the_argmax_where_the_label_is_ignore()
    {
        // Pixel 2 of HandCase: label 255, argmax 0 with f = 0.5 → a_CIL = 0.5.
        Assert.Equal(0.5f, ConfidenceInLabel.Of(HandCase.F[2], 255), 6);
        Assert.Equal(0.9f, ConfidenceInLabel.Of(HandCase.F[2], 1), 6);
    }

    [Fact]
    public void Lcil_averages_each_pixels_own_cil_over_the_superpixel()
    {
        // (0.3 + 0.7 + 0.5 + 0.2) / 4 = 0.425; superpixel 2: 0.4 / 1.
        var scores = Scores(new LcilAcquisition(), DiversifiedPool.Build(HandCase.Image()));
        Assert.Equal(0.425, scores[0], 6);
        Assert.Equal(0.4, scores[1], 6);
    }

    [Fact]
    public void Sim_weights_each_pixels_cil_by_its_cosine_to_the_candidate()
    {
        // x_s = pixel 0, ‖f0‖ = √0.54 = 0.73485.
        // cos(f0, f0) = 1;  cos(f0, f1) = 0.49 / (0.73485·√0.46)  = 0.98315
        // cos(f0, f2) = 0.41 / (0.73485·√0.42) = 0.86092;  cos(f0, f3) = 0.24 / (0.73485·√0.66) = 0.40202
        // SIM = 1·0.3 + 0.98315·0.7 + 0.86092·0.5 + 0.40202·0.2 = 1.49907
        var scores = Scores(new SimAcquisition(), DiversifiedPool.Build(HandCase.Image()));
        Assert.Equal(1.49907, scores[0], 4);
        Assert.Equal(0.4, scores[1], 6);
    }

    [Fact]
    public void Property_sim_equals_the_quadratic_definition_of_eq_9()
    {
        TestImages.Random(maxSide: 9, maxClasses: 27).Sample(image =>
        {
            var pool = DiversifiedPool.Build(image);
            var scores = Scores(new SimAcquisition(), pool);
            for (int i = 0; i < pool.Count; i++)
            {
                var candidate = pool.Candidates[i];
                double expected = 0;
                foreach (int p in image.Superpixels.Index.PixelsOf(candidate.SuperpixelId))
                {
                    expected += TestImages.Cosine(image.Probabilities.At(candidate.Pixel), image.Probabilities.At(p)) *
                                ConfidenceInLabel.Of(image.Probabilities.At(p), image.Labels[p]);
                }

                Assert.Equal(expected, scores[i], 1e-4);
            }
        });
    }

    [Fact]
    public void Property_sim_over_one_pixel_superpixels_equals_cil()
    {
        TestImages.Random().Select(image => new ScoringImage(image.Key, image.Probabilities, image.Labels,
                new Alc.Core.Maps.SuperpixelMap(image.Labels.Width, image.Labels.Height, Enumerable.Range(0, image.PixelCount).ToArray())))
            .Sample(image =>
            {
                var pool = DiversifiedPool.Build(image);
                var sim = Scores(new SimAcquisition(), pool);
                var cil = Scores(new CilAcquisition(), pool);
                for (int i = 0; i < pool.Count; i++)
                {
                    Assert.Equal(cil[i], sim[i], 1e-5);
                }
            });
    }

    [Fact]
    public void Property_sim_with_identical_vectors_equals_the_sum_of_cil()
    {
        var gen =
            from width in Gen.Int[1, 6]
            from height in Gen.Int[1, 6]
            from classes in Gen.Int[2, 5]
            from raw in Gen.Int[1, 100].Array[classes]
            from labels in Gen.Int[0, classes - 1].Array[width * height]
            select (width, height, classes, raw, labels);
        gen.Sample(t =>
        {
            float total = t.raw.Sum();
            var f = Enumerable.Repeat(t.raw.Select(r => r / total).ToArray(), t.width * t.height).ToArray();
            var labels = t.labels.Select(l => (byte)l).ToArray();
            var image = TestImages.Image(t.width, t.height, f, labels, new int[t.width * t.height]);
            var pool = DiversifiedPool.Build(image);
            double expected = labels.Sum(l => 1.0 - f[0][l]);
            Assert.Equal(expected, Scores(new SimAcquisition(), pool)[0], 1e-4);
            Assert.Equal(expected / labels.Length, Scores(new LcilAcquisition(), pool)[0], 1e-5);
        });
    }

    [Fact]
    public void A_superpixel_whose_labels_are_all_ignore_is_scored_against_the_models_argmax()
    {
        // Both pixels ignore → CIL = 1 − max f: 0.2 and 0.4; cos(f0, f1) = (0.48 + 0.08)/(√0.68·√0.52) = 0.94174.
        // SIM at x_s = pixel 0 (s' = {0, 1}, mean (0.7, 0.3), cos 0.98724 vs 0.98328): 0.2 + 0.94174·0.4 = 0.57670.
        var image = TestImages.Image(2, 1, [[0.8f, 0.2f], [0.6f, 0.4f]], [255, 255], [7, 7]);
        var pool = DiversifiedPool.Build(image);
        Assert.Equal(0, pool.Candidates[0].Pixel);
        Assert.Equal(0.57670, Scores(new SimAcquisition(), pool)[0], 4);
        Assert.Equal(0.3, Scores(new LcilAcquisition(), pool)[0], 5);
    }

    [Fact]
    public void A_single_class_dataset_scores_zero_everywhere()
    {
        var image = TestImages.Image(2, 2, [[1f], [1f], [1f], [1f]], [0, 255, 0, 0], [1, 1, 2, 2]);
        var pool = DiversifiedPool.Build(image);
        foreach (var acquisition in new IAcquisition[] { new CilAcquisition(), new LcilAcquisition(), new SimAcquisition() })
        {
            Assert.All(Scores(acquisition, pool), s => Assert.Equal(0, s, 6));
        }
    }

    [Fact]
    public void Sim_scores_are_unchanged_by_a_large_superpixel_sum_order()
    {
        // 512×512 one-superpixel image: the blocked float→double accumulation must match the double reference.
        const int side = 512;
        var values = new float[side * side * 2];
        var labels = new byte[side * side];
        for (int p = 0; p < side * side; p++)
        {
            float a = 0.55f + 0.4f * (p % 97) / 97f;
            values[2 * p] = a;
            values[(2 * p) + 1] = 1f - a;
            labels[p] = (byte)(p % 3 == 0 ? 1 : 0);
        }

        var image = new ScoringImage(0, new Alc.Core.Maps.ProbabilityMap(side, side, 2, values), new Alc.Core.Maps.LabelMap(side, side, 2, labels),
            new Alc.Core.Maps.SuperpixelMap(side, side, new int[side * side]));
        var pool = DiversifiedPool.Build(image);
        double expectedLcil = 0, expectedSim = 0;
        var u = image.Probabilities.At(pool.Candidates[0].Pixel);
        for (int p = 0; p < side * side; p++)
        {
            double cil = 1.0 - values[(2 * p) + labels[p]];
            expectedLcil += cil;
            expectedSim += TestImages.Cosine(u, image.Probabilities.At(p)) * cil;
        }

        Assert.Equal(expectedLcil / (side * side), Scores(new LcilAcquisition(), pool)[0], 6);
        Assert.Equal(1.0, Scores(new SimAcquisition(), pool)[0] / expectedSim, 5);
    }
}
