namespace Alc.Storage.Rounds;

/// <summary>Where a round is in its state machine <c>training → scoring → querying → closed</c> (stored as the lower-case name).</summary>
public enum RoundStatus
{
    /// <summary>θ is being trained on the current labels.</summary>
    Training,

    /// <summary>θ is measured and the round's queries are being selected with it.</summary>
    Scoring,

    /// <summary>Queries wait for answers.</summary>
    Querying,

    /// <summary>Done; metrics recorded.</summary>
    Closed,
}
