using System.ComponentModel.DataAnnotations;

namespace Alc.Engine.Server.Contracts;

/// <summary>The state of a job.</summary>
public enum JobState
{
    /// <summary>Waiting for the runner.</summary>
    Queued,

    /// <summary>Being worked on.</summary>
    Running,

    /// <summary>Done.</summary>
    Succeeded,

    /// <summary>Stopped by an error.</summary>
    Failed,

    /// <summary>Stopped on request.</summary>
    Cancelled,
}

/// <summary>Background work (training and scoring a round) with its progress.</summary>
/// <param name="Id">Id.</param>
/// <param name="Kind">What it does (<c>round</c>).</param>
/// <param name="ProjectId">The project.</param>
/// <param name="RoundId">The round it works for.</param>
/// <param name="State">State.</param>
/// <param name="Progress">0..1.</param>
/// <param name="Message">What it is doing now.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
/// <param name="StartedAt">Start time (UTC).</param>
/// <param name="FinishedAt">End time (UTC).</param>
public sealed record JobDto(
    [property: Required] long Id,
    [property: Required] string Kind,
    long? ProjectId,
    long? RoundId,
    [property: Required] JobState State,
    [property: Required] double Progress,
    string? Message,
    string? Error,
    [property: Required] DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt);
