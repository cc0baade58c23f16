using Alc.Core.Acquisition;
using Alc.Core.Maps;
using Alc.Core.Pool;
using CsCheck;

namespace Alc.Core.Tests.Acquisition;

public class AbcAcquisitionTests
{
    [Fact]
    public void Abc_weights_each_pixels_cil_by_its_cosine_to_the_subset_mean_and_its_class_weight()
    {
        // HandCase superpixel 1: s' = {0, 1, 2}, μ = (0.6, 0.2, 0.2).
        // cos(f0, μ) = 0.98473, cos(f1, μ) = 0.97802, cos(f2, μ) = 0.93048, cos(f3, μ) = 0.24 / √(0.66·0.44) = 0.44536.
        // Labels 0, 1, 255 (→ argmax 0), 1 with w = (1, 0.5, 2); a_CIL 0.3, 0.7, 0.5, 0.2:
        // 0.98473·1·0.3 + 0.97802·0.5·0.7 + 0.93048·1·0.5 + 0.44536·0.5·0.2 = 1.14750.
        // Superpixel 2: one pixel, label 2, cos 1, w 2, a_CIL 0.4 → 0.8.
        var scores = TestImages.Scores(new AbcAcquisition([1, 0.5, 2]), DiversifiedPool.Build(HandCase.Image()));
        Assert.Equal(1.14750, scores[0], 4);
        Assert.Equal(0.8, scores[1], 6);
    }

    [Fact]
    public void Abc_without_weights_counts_every_class_once()
    {
        // Σ cos·CIL = 0.98473·0.3 + 0.97802·0.7 + 0.93048·0.5 + 0.44536·0.2 = 1.534348.
        var scores = TestImages.Scores(new AbcAcquisition(), DiversifiedPool.Build(HandCase.Image()));
        Assert.Equal(1.534348, scores[0], 4);
        Assert.Equal(0.4, scores[1], 6);
    }

    [Fact]
    public void Abc_is_created_by_name_with_the_round_weights()
    {
        var abc = Acquisitions.Create("ABC", classWeights: [1, 1, 1]);
        Assert.IsType<AbcAcquisition>(abc);
        Assert.Contains("abc", Acquisitions.Names);
        Assert.Throws<ArgumentException>(() => new AbcAcquisition([1]).Score(DiversifiedPool.Build(HandCase.Image()), new double[2]));
    }

    [Fact]
    public void Weights_of_a_skewed_labelling_hand_computed()
    {
        // counts (300, 100, 100): q = (0.6, 0.2, 0.2), KL = 0.6 ln 1.8 + 0.4 ln 0.6 = 0.148342, KL³ = 0.0032643;
        // w0 = (100/300)^0.0032643 = 0.996420, w1 = w2 = 1.
        Assert.Equal(0.148342, AbcClassWeights.KlFromUniform([300, 100, 100]), 5);
        var w = AbcClassWeights.FromCounts([300, 100, 100]);
        Assert.Equal(0.996420, w[0], 5);
        Assert.Equal([1.0, 1.0], w[1..]);
        // counts (900, 50, 50): KL = 0.704215, KL³ = 0.349233, w0 = (50/900)^0.349233 = 0.364433.
        Assert.Equal(0.364433, AbcClassWeights.FromCounts([900, 50, 50])[0], 5);
    }

    [Fact]
    public void Balanced_or_empty_counts_give_weight_one_and_an_absent_class_counts_as_rarest()
    {
        Assert.Equal([1.0, 1.0, 1.0], AbcClassWeights.FromCounts([7, 7, 7]));
        Assert.Equal([1.0, 1.0], AbcClassWeights.FromCounts([0, 0]));
        var w = AbcClassWeights.FromCounts([90, 10, 0]);
        Assert.Equal(1.0, w[2]);
        Assert.Equal(1.0, w[1]);
        Assert.True(w[0] < 1);
        Assert.Throws<ArgumentException>(() => AbcClassWeights.FromCounts([1, -1]));
    }

    [Fact]
    public void Counts_skip_answered_superpixels_and_ignore_labels()
    {
        var labels = new LabelMap(5, 1, 3, [0, 1, 255, 1, 2]);
        var superpixels = new SuperpixelMap(5, 1, [1, 1, 1, 1, 2]);
        var counts = new long[3];
        AbcClassWeights.CountUnqueried(labels, superpixels, new HashSet<int> { 2 }, counts);
        Assert.Equal([1L, 2L, 0L], counts);
        AbcClassWeights.CountUnqueried(labels, superpixels, null, counts);
        Assert.Equal([2L, 4L, 1L], counts);
    }

    [Fact]
    public void Property_weights_lie_in_zero_one_fall_with_the_count_and_the_rarest_class_gets_one()
    {
        Gen.Long[0, 10_000].Array[1, 8].Sample(counts =>
        {
            var w = AbcClassWeights.FromCounts(counts);
            Assert.All(w, x => Assert.InRange(x, 0, 1));
            long min = counts.Where(n => n > 0).DefaultIfEmpty(0).Min();
            for (int a = 0; a < counts.Length; a++)
            {
                if (counts[a] == min)
                {
                    Assert.Equal(1, w[a], 12);
                }

                for (int b = 0; b < counts.Length; b++)
                {
                    if (counts[a] > 0 && counts[b] > counts[a])
                    {
                        Assert.True(w[b] <= w[a] + 1e-12);
                    }
                }
            }
        });
    }

    [Fact]
    public void Property_abc_equals_its_definition_and_scales_with_uniform_weights()
    {
        TestImages.Random(maxSide: 8, maxClasses: 6).Sample(image =>
        {
            var pool = DiversifiedPool.Build(image);
            var plain = TestImages.Scores(new AbcAcquisition(), pool);
            var doubled = TestImages.Scores(new AbcAcquisition(Enumerable.Repeat(2.0, image.ClassCount).ToArray()), pool);
            for (int i = 0; i < pool.Count; i++)
            {
                var candidate = pool.Candidates[i];
                var pixels = image.Superpixels.Index.PixelsOf(candidate.SuperpixelId).ToArray();
                var subset = pixels.Where(p => Argmax(image.Probabilities.At(p)) == candidate.DominantLabel).ToArray();
                var mean = new float[image.ClassCount];
                foreach (int p in subset)
                {
                    for (int c = 0; c < mean.Length; c++)
                    {
                        mean[c] += image.Probabilities.At(p)[c] / subset.Length;
                    }
                }

                double expected = pixels.Sum(p => TestImages.Cosine(image.Probabilities.At(p), mean) *
                                                  ConfidenceInLabel.Of(image.Probabilities.At(p), image.Labels[p]));
                Assert.Equal(expected, plain[i], 1e-4);
                Assert.Equal(2 * plain[i], doubled[i], 1e-9);
                Assert.True(plain[i] >= -1e-9);
            }
        });
    }

    private static int Argmax(ReadOnlySpan<float> f)
    {
        int best = 0;
        for (int c = 1; c < f.Length; c++)
        {
            if (f[c] > f[best])
            {
                best = c;
            }
        }

        return best;
    }
}
