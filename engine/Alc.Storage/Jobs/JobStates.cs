namespace Alc.Storage.Jobs;

/// <summary>The states of <see cref="JobRow.State"/>.</summary>
public static class JobStates
{
    /// <summary>Waiting for the runner.</summary>
    public const string Queued = "queued";

    /// <summary>Being worked on.</summary>
    public const string Running = "running";

    /// <summary>Done.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>Stopped by an error.</summary>
    public const string Failed = "failed";

    /// <summary>Stopped on request.</summary>
    public const string Cancelled = "cancelled";
}
