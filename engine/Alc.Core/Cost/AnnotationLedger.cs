namespace Alc.Core.Cost;

/// <summary>
/// Running totals of what annotation has cost: clicks (one per answered query), bits (Theorem 3.1)
/// and annotator seconds, with the count of each verdict. Not thread-safe.
/// </summary>
public sealed class AnnotationLedger
{
    /// <summary>A ledger for a dataset with <paramref name="classCount"/> classes (L ≥ 2).</summary>
    public AnnotationLedger(int classCount)
    {
        _ = AnnotationCost.CorrectionBits(classCount);
        ClassCount = classCount;
    }

    /// <summary>Number of classes L.</summary>
    public int ClassCount { get; }

    /// <summary>Answered queries.</summary>
    public long Clicks => Confirms + Corrections + Unsure;

    /// <summary>Queries whose label was confirmed.</summary>
    public long Confirms { get; private set; }

    /// <summary>Queries answered with a new class.</summary>
    public long Corrections { get; private set; }

    /// <summary>Queries answered "unsure".</summary>
    public long Unsure { get; private set; }

    /// <summary>Total bits.</summary>
    public double Bits { get; private set; }

    /// <summary>Total annotator seconds.</summary>
    public double Seconds { get; private set; }

    /// <summary>Records one answer and the seconds the annotator spent on it.</summary>
    public void Record(QueryVerdict verdict, double seconds)
    {
        if (!(seconds >= 0) || double.IsInfinity(seconds))
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "Seconds must be a finite number ≥ 0.");
        }

        Bits += AnnotationCost.Bits(verdict, ClassCount);
        Seconds += seconds;
        switch (verdict)
        {
            case QueryVerdict.Confirm:
                Confirms++;
                break;
            case QueryVerdict.Correct:
                Corrections++;
                break;
            default:
                Unsure++;
                break;
        }
    }
}
