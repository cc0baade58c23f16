namespace Alc.Storage.Rounds;

/// <summary>A trained model: the checkpoint blob of one round.</summary>
public sealed record ModelRow
{
    /// <summary>Id.</summary>
    public long Id { get; init; }

    /// <summary>The project.</summary>
    public long ProjectId { get; init; }

    /// <summary>The round it was trained for.</summary>
    public int RoundNumber { get; init; }

    /// <summary>Blob of the checkpoint file.</summary>
    public string CheckpointBlob { get; init; } = "";

    /// <summary>Creation time (stored form).</summary>
    public string CreatedAt { get; init; } = "";
}
