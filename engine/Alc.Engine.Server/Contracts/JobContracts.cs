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

/// <summary>The stage of a job: a round job works through the round pipeline's stages in this order; a <c>pseudo-labels</c> job has one, <see cref="Label"/>.</summary>
public enum JobStage
{
    /// <summary>θ trains on the current labels.</summary>
    Train,

    /// <summary>θ's Model mIoU on the validation split.</summary>
    Measure,

    /// <summary>The strategy's judges train and relabel what they are sure of (the <c>default</c> strategy only).</summary>
    AutoCorrect,

    /// <summary>The pool is scored and the round's queries are chosen and published.</summary>
    Select,

    /// <summary>The project's <c>gt</c> oracle answers the round from ground truth.</summary>
    Ask,

    /// <summary>A <c>pseudo-labels</c> job: the model labels the dataset's photos one by one.</summary>
    Label,
}

/// <summary>
/// Background work (training and scoring a round, or labelling a dataset with a model) with its progress: one overall fraction that only moves forward, and
/// the stage it is in with that stage's own fraction.
/// </summary>
/// <param name="Id">Id.</param>
/// <param name="Kind">What it does: <c>round</c> (trains and scores a round) or <c>pseudo-labels</c> (a model labels a dataset into a new one).</param>
/// <param name="ProjectId">The project, for a round job.</param>
/// <param name="RoundId">The round it works for, for a round job.</param>
/// <param name="DatasetId">The dataset a <c>pseudo-labels</c> job reads.</param>
/// <param name="ResultDatasetId">The dataset a <c>pseudo-labels</c> job made, once it succeeded.</param>
/// <param name="State">State.</param>
/// <param name="Progress">Overall progress, 0..1, weighted by each stage's work; it never decreases while the job runs.</param>
/// <param name="Stage">The stage a running job is in; null before it starts and after it ends.</param>
/// <param name="StageProgress">How far <paramref name="Stage"/> has got, 0..1 (it restarts at 0 with each stage).</param>
/// <param name="JobsAhead">For a queued job: how many jobs (of any project) run before it; null when not queued.</param>
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
    long? DatasetId,
    long? ResultDatasetId,
    [property: Required] JobState State,
    [property: Required] double Progress,
    JobStage? Stage,
    [property: Required] double StageProgress,
    int? JobsAhead,
    string? Message,
    string? Error,
    [property: Required] DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt);
