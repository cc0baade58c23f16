namespace Alc.Storage.Rounds;

/// <summary>A round's measurements: cost of its answers and quality of the labels and the model.</summary>
public sealed record RoundMetricsRow
{
    /// <summary>The round.</summary>
    public long RoundId { get; init; }

    /// <summary>The round's number (joined).</summary>
    public int RoundNumber { get; init; }

    /// <summary>The round's state (joined).</summary>
    public string RoundState { get; init; } = "";

    /// <summary>Answers in the round.</summary>
    public long Clicks { get; init; }

    /// <summary>Information cost (Theorem 3.1).</summary>
    public double Bits { get; init; }

    /// <summary>Annotator time reported with the answers.</summary>
    public double Seconds { get; init; }

    /// <summary>Data mIoU of the labels after the round, when every training image has ground truth.</summary>
    public double? DataMiou { get; init; }

    /// <summary>mIoU of the round's model on the validation split, when it has ground truth.</summary>
    public double? ModelMiou { get; init; }

    /// <summary>Share of the round's queries that showed a wrong label (needs ground truth).</summary>
    public double? Precision { get; init; }

    /// <summary>Share of wrong pixels before the round that the round fixed (needs ground truth).</summary>
    public double? Recall { get; init; }

    /// <summary>Corrections per class name (JSON object).</summary>
    public string? CorrectionsJson { get; init; }
}
