namespace Alc.Storage.Jobs;

/// <summary>Background work (training and scoring a round, or labelling a dataset with a model) with its state and progress.</summary>
public sealed record JobRow
{
    /// <summary>Id.</summary>
    public long Id { get; init; }

    /// <summary>What the job does (<c>round</c> or <c>pseudo-labels</c>).</summary>
    public string Kind { get; init; } = "";

    /// <summary>The project, when the job belongs to one.</summary>
    public long? ProjectId { get; init; }

    /// <summary>The round, when the job works for one.</summary>
    public long? RoundId { get; init; }

    /// <summary>The dataset a dataset job reads, or null.</summary>
    public long? DatasetId { get; init; }

    /// <summary>The request a dataset job was queued with (JSON), or null.</summary>
    public string? Request { get; init; }

    /// <summary>The dataset a dataset job made, once it succeeded; else null.</summary>
    public long? ResultDatasetId { get; init; }

    /// <summary>Where the job is.</summary>
    public JobStatus State { get; init; }

    /// <summary>Overall progress, 0..1; it only moves forward while the job runs.</summary>
    public double Progress { get; init; }

    /// <summary>The stage a running job is in (the round pipeline's stage name, e.g. <c>train</c>), or null.</summary>
    public string? Stage { get; init; }

    /// <summary>How far <see cref="Stage"/> has got, 0..1.</summary>
    public double StageProgress { get; init; }

    /// <summary>For a queued job, how many jobs run before it (running ones and those queued earlier); null otherwise.</summary>
    public int? JobsAhead { get; init; }

    /// <summary>What it is doing now.</summary>
    public string? Message { get; init; }

    /// <summary>Why it failed.</summary>
    public string? Error { get; init; }

    /// <summary>Creation time (stored form).</summary>
    public string CreatedAt { get; init; } = "";

    /// <summary>Start time (stored form).</summary>
    public string? StartedAt { get; init; }

    /// <summary>End time (stored form).</summary>
    public string? FinishedAt { get; init; }

    /// <summary>Whether the job can no longer change.</summary>
    public bool IsFinished => State is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled;
}
