namespace Alc.Storage.Rounds;

/// <summary>A stored automated correction of one round.</summary>
public sealed record AutoCorrectionRow
{
    /// <summary>The round.</summary>
    public long RoundId { get; init; }

    /// <summary>The round's number (joined).</summary>
    public int RoundNumber { get; init; }

    /// <summary>Pixels whose label it changed.</summary>
    public long ChangedPixels { get; init; }

    /// <summary>Blob of the changes.</summary>
    public string ChangesBlob { get; init; } = "";

    /// <summary>What it measured, as JSON.</summary>
    public string RecordJson { get; init; } = "";
}
