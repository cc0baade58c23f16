namespace Alc.Integrations.Cvat.Webhooks;

/// <summary>The job a <c>*:job</c> webhook event is about, as CVAT's job serializer writes it (other fields are not read).</summary>
/// <param name="Id">The job's id (<c>job.id</c>).</param>
/// <param name="TaskId">The task the job is a slice of (<c>job.task_id</c>).</param>
/// <param name="ProjectId">The task's project (<c>job.project_id</c>); null for a task outside any project.</param>
/// <param name="State">The job's state as CVAT spells it: <c>new</c>, <c>in progress</c>, <c>rejected</c>, <c>completed</c>.</param>
/// <param name="Stage">The job's stage: <c>annotation</c>, <c>validation</c>, <c>acceptance</c>.</param>
/// <param name="UpdatedDate">When the job last changed (<c>job.updated_date</c>, ISO 8601); null when absent or null. A time without an offset is read as UTC.</param>
/// <param name="Assignee">Who the job is assigned to; null when nobody is.</param>
public sealed record CvatJob(long Id, long TaskId, long? ProjectId, string State, string Stage, DateTimeOffset? UpdatedDate, CvatUser? Assignee);
