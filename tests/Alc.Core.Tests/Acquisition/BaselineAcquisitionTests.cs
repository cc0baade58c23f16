using Alc.Core.Acquisition;
using Alc.Core.Pool;
using CsCheck;

namespace Alc.Core.Tests.Acquisition;

public class BaselineAcquisitionTests
{
    private static double[] Scores(IAcquisition acquisition, ImagePool pool) => TestImages.Scores(acquisition, pool);

    [Fact]
    public void SoftMin_is_one_minus_cleanlabs_softmin_quality_over_the_superpixel()
    {
        // Superpixel 1 of HandCase: s = p(y|x) = (0.7, 0.3, 0.5, 0.8); (1 − s)/T = (3, 7, 5, 2).
        // Weights ∝ (e⁻⁴, 1, e⁻², e⁻⁵) = (0.018316, 1, 0.135335, 0.006738), Σ = 1.160389.
        // q = (0.7·0.018316 + 0.3 + 0.5·0.135335 + 0.8·0.006738) / 1.160389 = 0.385879 / 1.160389 = 0.332543.
        var scores = Scores(new SoftMinAcquisition(), DiversifiedPool.Build(HandCase.Image()));
        Assert.Equal(1 - 0.332543, scores[0], 5);
        Assert.Equal(1 - 0.6, scores[1], 6); // one pixel: q = s = 0.6
    }

    [Fact]
    public void SoftMin_rejects_a_non_positive_temperature()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SoftMinAcquisition(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SoftMinAcquisition(double.NaN));
    }

    [Fact]
    public void Margin_averages_second_over_best_across_the_superpixel()
    {
        // p₂/p₁ = (0.2/0.7, 0.3/0.6, 0.4/0.5, 0.1/0.8) = (0.285714, 0.5, 0.8, 0.125); mean 0.427679.
        var scores = Scores(new MarginAcquisition(), DiversifiedPool.Build(HandCase.Image()));
        Assert.Equal(0.427679, scores[0], 5);
        Assert.Equal(0.2 / 0.6, scores[1], 5);
    }

    [Fact]
    public void Class_balanced_margin_weights_by_the_share_of_regions_per_dominant_label()
    {
        // Dominant labels: superpixel 1 → 0, superpixel 2 → 2. Shares (1/2, 0, 1/2):
        // w = (e^−0.5, 1, e^−0.5) = (0.606531, 1, 0.606531).
        var pool = DiversifiedPool.Build(HandCase.Image());
        var weights = ClassBalance.FromPools([pool], 3);
        Assert.Equal([Math.Exp(-0.5), 1.0, Math.Exp(-0.5)], weights);
        var scores = Scores(new MarginAcquisition(weights), pool);
        Assert.Equal(0.427679 * Math.Exp(-0.5), scores[0], 5);
        Assert.Equal("margin-balanced", new MarginAcquisition(weights).Name);
    }

    [Fact]
    public void Entropy_averages_the_predictive_entropy_in_nats()
    {
        // H = (0.801819, 0.897946, 0.943348, 0.639032); mean 0.820536.
        var scores = Scores(new EntropyAcquisition(), DiversifiedPool.Build(HandCase.Image()));
        Assert.Equal(0.820536, scores[0], 5);
        Assert.Equal(0, EntropyAcquisition.Entropy([1f, 0f, 0f]));
        Assert.Equal(Math.Log(4), EntropyAcquisition.Entropy([0.25f, 0.25f, 0.25f, 0.25f]), 6);
    }

    [Fact]
    public void AIoU_scores_confident_components_the_labels_disagree_with()
    {
        // 4×1, L = 2. f = (0.9,0.1) (0.8,0.2) (0.3,0.7) (0.4,0.6) → ŷ = 0 0 1 1; y = 0 1 1 1.
        // Predicted components k0 = {0,1} (class 0), k1 = {2,3} (class 1).
        // Label components j0 = {0} (class 0), j1 = {1,2,3} (class 1).
        // k0: |k0 ∩ G| = 1 (pixel 0), G = j0, G \ Q adds nothing outside k0 → IoU = 1/2;
        //     score = (1 − 1/2)·mean(0.9, 0.8) = 0.425.
        // k1: |k1 ∩ G| = 2, G = j1, pixel 1 is in G and predicted 0 (not in Q) → union = 3, IoU = 2/3;
        //     score = (1/3)·mean(0.7, 0.6) = 0.216667.
        float[][] f = [[0.9f, 0.1f], [0.8f, 0.2f], [0.3f, 0.7f], [0.4f, 0.6f]];
        var image = TestImages.Image(4, 1, f, [0, 1, 1, 1], [1, 2, 3, 4]);
        var scores = Scores(new AIoUAcquisition(), DiversifiedPool.Build(image));
        Assert.Equal([0.425, 0.425, 0.216667, 0.216667], scores.Select(s => Math.Round(s, 6)));
    }

    [Fact]
    public void AIoU_does_not_penalise_a_component_for_label_pixels_covered_by_another_component_of_its_class()
    {
        // 5×1, L = 2. ŷ = 1 1 0 1 1 (two components of class 1), y = 1 1 1 1 1 (one label component).
        // k0 = {0,1}: ∩ = 2; G = {0..4}; Q = {3,4} (class 1 outside k0) → G \ Q = {0,1,2}; union = |{0,1,2}| = 3 → IoU 2/3.
        float[][] f = [[0.1f, 0.9f], [0.1f, 0.9f], [0.6f, 0.4f], [0.1f, 0.9f], [0.1f, 0.9f]];
        var image = TestImages.Image(5, 1, f, [1, 1, 1, 1, 1], [0, 0, 1, 2, 2]);
        var pool = DiversifiedPool.Build(image);
        var scores = Scores(new AIoUAcquisition(), pool);
        Assert.Equal((1 - (2.0 / 3)) * 0.9, scores[0], 5);
        // k1 = {2} (class 0): no label pixel of class 0 → IoU 0, score = confidence 0.6.
        Assert.Equal(0.6, scores[1], 5);
    }

    [Fact]
    public void Random_depends_only_on_seed_image_and_superpixel()
    {
        var first = Scores(new RandomAcquisition(7), DiversifiedPool.Build(HandCase.Image(key: 3)));
        var again = Scores(new RandomAcquisition(7), DiversifiedPool.Build(HandCase.Image(key: 3)));
        var otherSeed = Scores(new RandomAcquisition(8), DiversifiedPool.Build(HandCase.Image(key: 3)));
        var otherImage = Scores(new RandomAcquisition(7), DiversifiedPool.Build(HandCase.Image(key: 4)));
        Assert.Equal(first, again);
        Assert.NotEqual(first, otherSeed);
        Assert.NotEqual(first, otherImage);
        Assert.All(first, s => Assert.InRange(s, 0, 1));
    }

    [Fact]
    public void Random_scores_are_uniform()
    {
        // 10,000 draws: mean 0.5 ± 3σ (σ = 1/√(12·10⁴) = 0.00289), and every decile holds 1,000 ± 4σ (σ = 30).
        var pool = DiversifiedPool.Build(TestImages.Image(100, 100, Enumerable.Repeat(new[] { 1f }, 10_000).ToArray(),
            new byte[10_000], Enumerable.Range(0, 10_000).ToArray()));
        var scores = Scores(new RandomAcquisition(42), pool);
        Assert.InRange(scores.Average(), 0.5 - 0.0087, 0.5 + 0.0087);
        foreach (var decile in scores.GroupBy(s => (int)(s * 10)))
        {
            Assert.InRange(decile.Count(), 880, 1120);
        }
    }

    [Theory]
    [InlineData("sim", typeof(SimAcquisition))]
    [InlineData("LCIL", typeof(LcilAcquisition))]
    [InlineData("cil", typeof(CilAcquisition))]
    [InlineData("softmin", typeof(SoftMinAcquisition))]
    [InlineData("aiou", typeof(AIoUAcquisition))]
    [InlineData("margin", typeof(MarginAcquisition))]
    [InlineData("entropy", typeof(EntropyAcquisition))]
    [InlineData(" random ", typeof(RandomAcquisition))]
    public void Acquisitions_are_created_by_name(string name, Type expected)
    {
        var acquisition = Acquisitions.Create(name, seed: 1);
        Assert.IsType(expected, acquisition);
        Assert.Contains(acquisition.Name, Acquisitions.Names);
    }

    [Fact]
    public void An_unknown_acquisition_name_lists_the_known_ones()
    {
        var ex = Assert.Throws<ArgumentException>(() => Acquisitions.Create("bald"));
        Assert.Contains("Unknown acquisition 'bald'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("sim, lcil", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_acquisition_rejects_a_score_span_shorter_than_the_pool()
    {
        var pool = DiversifiedPool.Build(HandCase.Image());
        foreach (var name in Acquisitions.Names)
        {
            Assert.Throws<ArgumentException>(() => Acquisitions.Create(name).Score(pool, new double[1]));
        }
    }

    [Fact]
    public void Property_every_acquisition_gives_finite_scores_on_random_images()
    {
        TestImages.Random().Sample(image =>
        {
            var pool = DiversifiedPool.Build(image);
            foreach (var name in Acquisitions.Names)
            {
                var scores = new double[pool.Count];
                Acquisitions.Create(name, seed: 3).Score(pool, scores);
                Assert.All(scores, s => Assert.True(double.IsFinite(s) && s >= -1e-9, $"{name}: {s}"));
            }
        });
    }
}
