namespace Alc.Engine.Server.Tests.Cvat.Fake;

/// <summary>
/// The webhook event names CVAT accepts, from <c>cvat/apps/webhooks/event_type.py</c>: <c>action:resource</c> for
/// create/update/delete of projects, tasks, jobs, issues, comments and memberships, update/delete of organizations,
/// create/delete of invitations. A project webhook may subscribe to task, job, issue and comment events plus
/// <c>update:project</c> and <c>delete:project</c>; an organization webhook to all of them. (Newer CVAT releases add
/// further events, e.g. exports and backups; the fake knows the set above.)
/// </summary>
internal static class CvatWebhookEvents
{
    /// <summary>The event a job's save sends.</summary>
    public const string UpdateJob = "update:job";

    /// <summary>Every event, in <c>event_type.py</c>'s order.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        "create:project", "update:project", "delete:project",
        "create:task", "update:task", "delete:task",
        "create:job", "update:job", "delete:job",
        "create:issue", "update:issue", "delete:issue",
        "create:comment", "update:comment", "delete:comment",
        "update:organization", "delete:organization",
        "create:invitation", "delete:invitation",
        "create:membership", "update:membership", "delete:membership",
    ];

    /// <summary>The events a <c>project</c> webhook may subscribe to.</summary>
    public static readonly IReadOnlySet<string> Project = new HashSet<string>(
        All.Where(e => e.EndsWith(":task", StringComparison.Ordinal) || e.EndsWith(":job", StringComparison.Ordinal)
            || e.EndsWith(":issue", StringComparison.Ordinal) || e.EndsWith(":comment", StringComparison.Ordinal)
            || e is "update:project" or "delete:project"),
        StringComparer.Ordinal);
}
