using System.ComponentModel.DataAnnotations;

namespace Alc.Engine.Server.Contracts;

/// <summary>The state of a round: training → scoring → querying → closed.</summary>
public enum RoundState
{
    /// <summary>θ is trained on the current labels.</summary>
    Training,

    /// <summary>Queries are selected with θ.</summary>
    Scoring,

    /// <summary>Queries wait for answers.</summary>
    Querying,

    /// <summary>Every query answered (or the round was closed early); metrics recorded.</summary>
    Closed,
}

/// <summary>One round of a project.</summary>
/// <param name="Id">Id.</param>
/// <param name="ProjectId">The project.</param>
/// <param name="Number">1, 2, … within the project.</param>
/// <param name="State">State.</param>
/// <param name="Queries">Queries selected (0 until scored).</param>
/// <param name="Answered">Queries answered.</param>
/// <param name="JobId">The job that trains and scores it.</param>
/// <param name="CreatedAt">Start time (UTC).</param>
/// <param name="ClosedAt">Closing time (UTC), once closed.</param>
public sealed record RoundDto(
    [property: Required] long Id,
    [property: Required] long ProjectId,
    [property: Required] int Number,
    [property: Required] RoundState State,
    [property: Required] int Queries,
    [property: Required] int Answered,
    long? JobId,
    [property: Required] DateTimeOffset CreatedAt,
    DateTimeOffset? ClosedAt);

/// <summary>A round just started and the job that trains and scores it.</summary>
/// <param name="Round">The round (state training).</param>
/// <param name="Job">The job.</param>
public sealed record StartRoundResponse([property: Required] RoundDto Round, [property: Required] JobDto Job);
