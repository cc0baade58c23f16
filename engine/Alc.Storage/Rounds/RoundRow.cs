namespace Alc.Storage.Rounds;

/// <summary>
/// One round of a project, a state machine persisted here:
/// <c>training → scoring → querying → closed</c> (training: θ is trained on the current labels; scoring: the
/// queries are selected with θ; querying: annotators answer; closed: metrics recorded).
/// </summary>
public sealed record RoundRow
{
    /// <summary>Id.</summary>
    public long Id { get; init; }

    /// <summary>The project.</summary>
    public long ProjectId { get; init; }

    /// <summary>1, 2, … within the project.</summary>
    public int Number { get; init; }

    /// <summary>Where the round is.</summary>
    public RoundStatus State { get; init; }

    /// <summary>The model trained for this round, once trained.</summary>
    public long? ModelId { get; init; }

    /// <summary>Creation time (stored form).</summary>
    public string CreatedAt { get; init; } = "";

    /// <summary>Closing time (stored form), once closed.</summary>
    public string? ClosedAt { get; init; }
}
