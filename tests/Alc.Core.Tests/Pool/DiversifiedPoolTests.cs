using Alc.Core.Maps;
using Alc.Core.Pool;
using CsCheck;

namespace Alc.Core.Tests.Pool;

public class DiversifiedPoolTests
{
    [Fact]
    public void Picks_the_pixel_of_s_prime_closest_to_its_mean()
    {
        // Derivation in HandCase: superpixel 1 → pixel 0, D = 0, |s'| = 3; superpixel 2 is one pixel.
        var pool = DiversifiedPool.Build(HandCase.Image());
        Assert.Equal(2, pool.Count);
        Assert.Equal(new PoolCandidate(1, 0, 4, 3, 0), pool.Candidates[0]);
        Assert.Equal(new PoolCandidate(2, 4, 1, 1, 2), pool.Candidates[1]);
    }

    [Fact]
    public void A_pixel_outside_s_prime_is_never_the_representative_even_if_closer_to_the_mean()
    {
        // ŷ = (0, 1, 0) → D = 0, s' = {0, 2}, mean m = (0.5, 0.275, 0.225), ‖m‖ = 0.61339.
        // cos(f0, m) = 0.385 / (0.67454·0.61339) = 0.93050; cos(f2, m) = 0.3675 / (0.64807·0.61339) = 0.92447;
        // cos(f1, m) = 0.331 / (0.57827·0.61339) = 0.93316 is the highest, but pixel 1 is not in s'.
        float[][] f = [[0.5f, 0.45f, 0.05f], [0.32f, 0.36f, 0.32f], [0.5f, 0.1f, 0.4f]];
        var candidate = DiversifiedPool.Build(TestImages.Image(3, 1, f, [0, 0, 0], [3, 3, 3])).Candidates[0];
        Assert.Equal(0, candidate.DominantLabel);
        Assert.Equal(2, candidate.SubsetSize);
        Assert.Equal(0, candidate.Pixel);
    }

    [Fact]
    public void Ties_go_to_the_lowest_linear_index()
    {
        float[][] f = [[0.3f, 0.7f], [0.3f, 0.7f], [0.3f, 0.7f], [0.3f, 0.7f]];
        var image = TestImages.Image(2, 2, f, [0, 0, 0, 0], [4, 3, 4, 3]);
        var pool = DiversifiedPool.Build(image);
        Assert.Equal(1, pool.Candidates[0].Pixel); // superpixel 3 = {1, 3}
        Assert.Equal(0, pool.Candidates[1].Pixel); // superpixel 4 = {0, 2}
    }

    [Fact]
    public void Dominant_label_ties_go_to_the_lowest_class()
    {
        float[][] f = [[0.2f, 0.8f], [0.8f, 0.2f]];
        var candidate = DiversifiedPool.Build(TestImages.Image(2, 1, f, [0, 0], [1, 1])).Candidates[0];
        Assert.Equal(0, candidate.DominantLabel);
        Assert.Equal(1, candidate.Pixel);
    }

    [Fact]
    public void Can_exclude_superpixel_zero_and_answered_superpixels()
    {
        var image = TestImages.Image(4, 1, [[1f], [1f], [1f], [1f]], [0, 0, 0, 0], [0, 1, 2, 3]);
        Assert.Equal([0, 1, 2, 3], DiversifiedPool.Build(image).Candidates.ToArray().Select(c => c.SuperpixelId));
        var options = new PoolOptions { ExcludeZeroId = true, AnsweredSuperpixels = new HashSet<int> { 2 } };
        Assert.Equal([1, 3], DiversifiedPool.Build(image, options).Candidates.ToArray().Select(c => c.SuperpixelId));
    }

    [Fact]
    public void A_one_by_one_image_with_a_single_class_has_one_candidate()
    {
        var pool = DiversifiedPool.Build(TestImages.Image(1, 1, [[1f]], [0], [0]));
        Assert.Equal(new PoolCandidate(0, 0, 1, 1, 0), pool.Candidates[0]);
        Assert.Equal(0, pool.CilSum(0));
    }

    [Fact]
    public void Scanning_an_empty_superpixel_yields_nothing()
    {
        using var scan = new SuperpixelScan(HandCase.Image(), 4);
        var directions = new double[3];
        var stats = scan.Scan(ReadOnlySpan<int>.Empty, directions);
        Assert.Equal(0, stats.Size);
        Assert.All(directions, d => Assert.Equal(0, d));
    }

    [Fact]
    public void Property_the_representative_is_in_s_prime_and_maximises_the_cosine_to_its_mean()
    {
        // Up to 27 classes: exercises the padded (L < 8), exact (L = 8, 16, 24) and overlapping SIMD chunk layouts.
        TestImages.Random(maxClasses: 27).Sample(image =>
        {
            var pool = DiversifiedPool.Build(image);
            Assert.Equal(image.Superpixels.Index.Count, pool.Count);
            foreach (var candidate in pool.Candidates)
            {
                var s = image.Superpixels.Index.PixelsOf(candidate.SuperpixelId).ToArray();
                var predicted = s.ToDictionary(p => p, p => Argmax(image.Probabilities.At(p)));
                int dominant = predicted.Values.GroupBy(c => c).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
                var subset = s.Where(p => predicted[p] == dominant).ToArray();
                Assert.Equal(dominant, candidate.DominantLabel);
                Assert.Equal(subset.Length, candidate.SubsetSize);
                Assert.Contains(candidate.Pixel, subset);
                var mean = new float[image.ClassCount];
                foreach (int p in subset)
                {
                    for (int c = 0; c < mean.Length; c++)
                    {
                        mean[c] += image.Probabilities.At(p)[c] / subset.Length;
                    }
                }

                double best = subset.Max(p => TestImages.Cosine(image.Probabilities.At(p), mean));
                Assert.True(TestImages.Cosine(image.Probabilities.At(candidate.Pixel), mean) >= best - 1e-5);
            }
        });
    }

    [Fact]
    public void Property_the_simd_fast_path_and_the_portable_path_agree()
    {
        TestImages.Random(maxSide: 8, maxClasses: 40).Sample(image =>
        {
            var index = image.Superpixels.Index;
            using var fast = new SuperpixelScan(image, image.PixelCount);
            using var portable = new SuperpixelScan(image, image.PixelCount, allowFastPath: false);
            for (int k = 0; k < index.Count; k++)
            {
                var a = new double[image.ClassCount];
                var b = new double[image.ClassCount];
                var x = fast.Scan(index.PixelsAt(k), a);
                var y = portable.Scan(index.PixelsAt(k), b);
                Assert.Equal((x.Size, x.SubsetSize, x.DominantLabel, x.Representative), (y.Size, y.SubsetSize, y.DominantLabel, y.Representative));
                Assert.Equal(y.CilSum, x.CilSum, 1e-5);
                for (int c = 0; c < a.Length; c++)
                {
                    Assert.Equal(b[c], a[c], 1e-5);
                }
            }
        });
    }

    private static int Argmax(ReadOnlySpan<float> f)
    {
        int arg = 0;
        for (int c = 1; c < f.Length; c++)
        {
            if (f[c] > f[arg])
            {
                arg = c;
            }
        }

        return arg;
    }
}
