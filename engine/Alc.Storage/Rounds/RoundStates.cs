namespace Alc.Storage.Rounds;

/// <summary>The states of <see cref="RoundRow.State"/>.</summary>
public static class RoundStates
{
    /// <summary>θ is being trained on the current labels.</summary>
    public const string Training = "training";

    /// <summary>Queries are being selected with θ.</summary>
    public const string Scoring = "scoring";

    /// <summary>Queries wait for answers.</summary>
    public const string Querying = "querying";

    /// <summary>Done; metrics recorded.</summary>
    public const string Closed = "closed";
}
