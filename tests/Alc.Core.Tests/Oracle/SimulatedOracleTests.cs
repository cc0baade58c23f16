using Alc.Core.Cost;
using Alc.Core.Maps;
using Alc.Core.Oracle;

namespace Alc.Core.Tests.Oracle;

public class SimulatedOracleTests
{
    [Fact]
    public void Confirms_a_right_label_and_corrects_a_wrong_one_from_the_queried_pixel()
    {
        var oracle = new SimulatedOracle(4);
        byte[] truth = [2, 3];
        Assert.Equal(new OracleAnswer(QueryVerdict.Confirm, 2, 4.76), oracle.Answer(0, 0, shownLabel: 2, truth));
        Assert.Equal(new OracleAnswer(QueryVerdict.Correct, 3, 4.76), oracle.Answer(0, 1, shownLabel: 0, truth));
    }

    [Fact]
    public void A_pixel_without_ground_truth_gets_unsure()
    {
        var answer = new SimulatedOracle(4).Answer(0, 0, 1, [255]);
        Assert.Equal(QueryVerdict.Unsure, answer.Verdict);
        Assert.Equal(1, answer.Label);
    }

    [Fact]
    public void Mistakes_happen_at_the_error_rate_uniformly_over_the_other_classes_and_are_repeatable()
    {
        // 20,000 queries with truth 0 shown as 0: expect 20% wrong (σ = √(20000·0.2·0.8) = 57 → ±4σ ≈ 230),
        // spread over classes 1..4 (≈ 1,000 each, σ ≈ 30).
        var oracle = new SimulatedOracle(5, new OracleOptions { ErrorRate = 0.2, Seed = 9 });
        var truth = new byte[20_000];
        var answers = Enumerable.Range(0, truth.Length).Select(p => oracle.Answer(1, p, 0, truth)).ToArray();
        var wrong = answers.Where(a => a.Verdict == QueryVerdict.Correct).ToArray();
        Assert.InRange(wrong.Length, 4000 - 230, 4000 + 230);
        foreach (var c in Enumerable.Range(1, 4))
        {
            Assert.InRange(wrong.Count(a => a.Label == c), 1000 - 130, 1000 + 130);
        }

        Assert.Equal(answers[123], oracle.Answer(1, 123, 0, truth));
    }

    [Fact]
    public void Paper_mode_corrects_only_when_half_the_superpixel_is_wrong_with_its_majority_class()
    {
        // Superpixel 1 = pixels 0..3: truth 1 1 1 2, labels 1 1 0 0 → 2 of 4 wrong (≥ half) → majority truth 1.
        // Superpixel 2 = pixels 4..6: truth 2 2 2, labels 2 2 0 → 1 of 3 wrong → confirm whatever is shown.
        byte[] truth = [1, 1, 1, 2, 2, 2, 2];
        var labels = new LabelMap(7, 1, 3, [1, 1, 0, 0, 2, 2, 0]);
        var superpixels = new SuperpixelMap(7, 1, [1, 1, 1, 1, 2, 2, 2]);
        var oracle = new SimulatedOracle(3, new OracleOptions { Mode = OracleMode.Paper });
        Assert.Equal(new OracleAnswer(QueryVerdict.Correct, 1, 4.76), oracle.Answer(0, 3, labels[3], truth, labels, superpixels));
        Assert.Equal(QueryVerdict.Confirm, oracle.Answer(0, 6, labels[6], truth, labels, superpixels).Verdict);
        Assert.Throws<ArgumentException>(() => oracle.Answer(0, 6, 0, truth));
    }

    [Fact]
    public void Uses_the_configured_seconds_and_rejects_bad_options()
    {
        var oracle = new SimulatedOracle(3, new OracleOptions { ConfirmSeconds = 2, CorrectionSeconds = 7 });
        Assert.Equal(2, oracle.Answer(0, 0, 1, [1]).Seconds);
        Assert.Equal(7, oracle.Answer(0, 0, 0, [1]).Seconds);
        Assert.Equal(6.31, oracle.Options.ClassificationSeconds);
        var ex = Assert.Throws<ArgumentException>(() => new SimulatedOracle(3, new OracleOptions { ErrorRate = 1.5 }));
        Assert.Contains("error rate must be in [0, 1]", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new SimulatedOracle(3, new OracleOptions { CorrectionSeconds = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedOracle(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => oracle.Answer(0, 5, 0, [1]));
    }
}
