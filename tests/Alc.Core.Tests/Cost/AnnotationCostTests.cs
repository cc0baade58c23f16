using Alc.Core.Cost;

namespace Alc.Core.Tests.Cost;

public class AnnotationCostTests
{
    [Fact]
    public void Bits_follow_theorem_3_1()
    {
        // L = 21: log₂ 21 = 4.392317.
        Assert.Equal(1.0, AnnotationCost.Bits(QueryVerdict.Confirm, 21));
        Assert.Equal(4.392317, AnnotationCost.Bits(QueryVerdict.Correct, 21), 6);
        Assert.Equal(4.392317, AnnotationCost.ClassificationBits(21), 6);
        Assert.Equal(1.0, AnnotationCost.CorrectionBits(2));
    }

    [Fact]
    public void Expected_correction_cost_and_saving_rate_match_eq_2()
    {
        // C_cor(21, 0.5) = 0.5 + 0.5·4.392317 = 2.696159; saving (1 − 1/4.392317)·0.5 = 0.386165.
        Assert.Equal(2.696159, AnnotationCost.ExpectedCorrectionBits(21, 0.5), 6);
        Assert.Equal(0.386165, AnnotationCost.SavingRate(21, 0.5), 6);
        Assert.Equal(1 - (AnnotationCost.ExpectedCorrectionBits(21, 0.5) / AnnotationCost.ClassificationBits(21)),
            AnnotationCost.SavingRate(21, 0.5), 12);
        // L = 2: both queries are binary, nothing saved.
        Assert.Equal(0, AnnotationCost.SavingRate(2, 0.9), 12);
    }

    [Fact]
    public void Rejects_fewer_than_two_classes_and_probabilities_outside_zero_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AnnotationCost.CorrectionBits(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => AnnotationCost.ExpectedCorrectionBits(21, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AnnotationLedger(1));
    }

    [Fact]
    public void The_ledger_accumulates_clicks_bits_and_seconds()
    {
        var ledger = new AnnotationLedger(8);
        ledger.Record(QueryVerdict.Confirm, 3.5);
        ledger.Record(QueryVerdict.Correct, 6.0);
        ledger.Record(QueryVerdict.Correct, 4.0);
        ledger.Record(QueryVerdict.Unsure, 2.0);
        // Bits: 1 + 3 + 3 + 1 = 8 (log₂ 8 = 3).
        Assert.Equal(4, ledger.Clicks);
        Assert.Equal(8.0, ledger.Bits, 12);
        Assert.Equal(15.5, ledger.Seconds, 12);
        Assert.Equal((1, 2, 1), (ledger.Confirms, ledger.Corrections, ledger.Unsure));
        Assert.Throws<ArgumentOutOfRangeException>(() => ledger.Record(QueryVerdict.Confirm, -1));
        Assert.Equal(4, ledger.Clicks);
    }
}
