using Alc.Core.Acquisition;
using Alc.Core.Pool;

namespace Alc.Core.Tests.Pool;

public class PixelPickPoolTests
{
    // 10×10, L = 2, every pixel labelled 0 with f(0) = p/100 for pixel p (p = 0 → 0.005):
    // CIL = 1 − f(0) decreases with p, so the top 5% (⌈0.05·100⌉ = 5 pixels) are pixels 0..4.
    private static ScoringImage Ramp(int[]? superpixels = null)
    {
        var f = Enumerable.Range(0, 100).Select(p => { float a = Math.Max(p, 0.5f) / 100f; return new[] { a, 1f - a }; }).ToArray();
        return TestImages.Image(10, 10, f, new byte[100], superpixels ?? Enumerable.Range(0, 100).Select(p => p / 10).ToArray());
    }

    [Fact]
    public void Keeps_the_top_five_percent_and_samples_k_of_them()
    {
        var all = PixelPickPool.Build(Ramp(), k: 100, seed: 1);
        Assert.Equal([0, 1, 2, 3, 4], all.Candidates.ToArray().Select(c => c.Pixel).Order());
        var some = PixelPickPool.Build(Ramp(), k: 3, seed: 1);
        Assert.Equal(3, some.Count);
        Assert.All(some.Candidates.ToArray(), c => Assert.InRange(c.Pixel, 0, 4));
        Assert.Equal(3, some.Candidates.ToArray().Select(c => c.Pixel).Distinct().Count());
    }

    [Fact]
    public void The_same_seed_gives_the_same_sample_and_seeds_differ()
    {
        var a = PixelPickPool.Build(Ramp(), 2, seed: 5, fraction: 0.5).Candidates.ToArray();
        var b = PixelPickPool.Build(Ramp(), 2, seed: 5, fraction: 0.5).Candidates.ToArray();
        Assert.Equal(a, b);
        var samples = Enumerable.Range(0, 20).Select(s => string.Join(',', PixelPickPool.Build(Ramp(), 2, s, fraction: 0.5).Candidates.ToArray().Select(c => c.Pixel)));
        Assert.True(samples.Distinct().Count() > 10);
    }

    [Fact]
    public void Candidates_carry_their_superpixels_look_ahead_sums()
    {
        // Pixel 0's superpixel is row 0 (pixels 0..9): LCIL = mean(1 − p/100) with p=0 → 0.995 = (0.995 + Σ_{p=1..9} (1 − p/100))/10.
        var pool = PixelPickPool.Build(Ramp(), k: 5, seed: 1);
        int i = pool.Candidates.ToArray().Select(c => c.Pixel).ToList().IndexOf(0);
        var scores = new double[pool.Count];
        new LcilAcquisition().Score(pool, scores);
        double expected = (0.995 + Enumerable.Range(1, 9).Sum(p => 1 - (p / 100.0))) / 10;
        Assert.Equal(expected, scores[i], 1e-5);
        Assert.Equal(10, pool.Candidates[i].SuperpixelSize);
    }

    [Fact]
    public void Excluded_superpixels_never_supply_pixels()
    {
        var options = new PoolOptions { ExcludeZeroId = true, AnsweredSuperpixels = new HashSet<int> { 1 } };
        var pool = PixelPickPool.Build(Ramp(), k: 100, seed: 1, options: options);
        // Rows 0 and 1 are gone; of the 80 admissible pixels the top ⌈4⌉ are 20..23.
        Assert.Equal([20, 21, 22, 23], pool.Candidates.ToArray().Select(c => c.Pixel).Order());
    }

    [Fact]
    public void Ranks_by_margin_or_entropy_when_asked()
    {
        // Margin p₂/p₁ is largest where f(0) is closest to 0.5: pixels 50 (0.5/0.5 = 1) then 49 and 51.
        var pool = PixelPickPool.Build(Ramp(), k: 100, seed: 1, uncertainty: PixelUncertainty.Margin, fraction: 0.03);
        Assert.Equal([49, 50, 51], pool.Candidates.ToArray().Select(c => c.Pixel).Order());
        Assert.Equal(Math.Log(2), PixelPickPool.Uncertainty(Ramp(), 50, PixelUncertainty.Entropy), 1e-6);
    }

    [Fact]
    public void Rejects_bad_arguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PixelPickPool.Build(Ramp(), -1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PixelPickPool.Build(Ramp(), 1, 0, fraction: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PixelPickPool.FromPixels(Ramp(), [100]));
    }
}
