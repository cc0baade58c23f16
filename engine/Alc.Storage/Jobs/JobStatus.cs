namespace Alc.Storage.Jobs;

/// <summary>Where a background job is (stored as the lower-case name).</summary>
public enum JobStatus
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
