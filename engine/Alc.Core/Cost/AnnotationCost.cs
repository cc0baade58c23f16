namespace Alc.Core.Cost;

/// <summary>
/// The information-theoretic annotation cost of Theorem 3.1 (after Hu et al. 2020): choosing one of L
/// options costs log₂ L bits. A classification query always costs log₂ L; a correction query costs
/// 1 bit when the shown label is confirmed and log₂ L when it is corrected, so its expectation is
/// C_cor(L, p) = p + (1 − p)·log₂ L for a pseudo label that is right with probability p.
/// </summary>
public static class AnnotationCost
{
    /// <summary>Bits of a confirmed correction query (a yes/no answer).</summary>
    public const double ConfirmBits = 1.0;

    /// <summary>Bits of a correction query answered with a new class: log₂ L.</summary>
    public static double CorrectionBits(int classCount) => Log2Classes(classCount);

    /// <summary>Bits of a classification query: log₂ L.</summary>
    public static double ClassificationBits(int classCount) => Log2Classes(classCount);

    /// <summary>Bits of one answered correction query.</summary>
    /// <remarks>An unsure answer is a choice among the query's options like a confirm, so it is counted as 1 bit.</remarks>
    public static double Bits(QueryVerdict verdict, int classCount) => verdict switch
    {
        QueryVerdict.Confirm or QueryVerdict.Unsure => ConfirmBits,
        QueryVerdict.Correct => CorrectionBits(classCount),
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "Unknown verdict."),
    };

    /// <summary>Expected bits of a correction query, C_cor(L, p) = p + (1 − p)·log₂ L.</summary>
    public static double ExpectedCorrectionBits(int classCount, double pseudoLabelAccuracy)
    {
        RequireProbability(pseudoLabelAccuracy);
        return pseudoLabelAccuracy + (1 - pseudoLabelAccuracy) * Log2Classes(classCount);
    }

    /// <summary>Share of cost saved over classification, eq. (2): 1 − C_cor/C_cls = (1 − 1/log₂ L)·p.</summary>
    public static double SavingRate(int classCount, double pseudoLabelAccuracy)
    {
        RequireProbability(pseudoLabelAccuracy);
        return (1 - 1 / Log2Classes(classCount)) * pseudoLabelAccuracy;
    }

    private static double Log2Classes(int classCount)
    {
        if (classCount < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "Theorem 3.1 needs L ≥ 2 classes.");
        }

        return Math.Log2(classCount);
    }

    private static void RequireProbability(double p)
    {
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The pseudo-label accuracy p must be in [0, 1].");
        }
    }
}
