using System.Text.Json;

namespace Alc.Integrations.LabelStudio.Webhooks;

/// <summary>
/// A Label Studio webhook delivery, as its webhook reference documents it (<c>{"action": …, "project": {…}, …}</c>),
/// read into what the engine acts on. <see cref="WebhookEventReader"/> makes one from the raw body.
/// </summary>
/// <param name="Action">The action name (<c>ANNOTATION_CREATED</c>, …).</param>
/// <param name="LabelStudioProject">The Label Studio project's id (<c>project.id</c>), when the payload has it.</param>
public abstract record WebhookEvent(string Action, long? LabelStudioProject);

/// <summary><c>ANNOTATION_CREATED</c> or <c>ANNOTATION_UPDATED</c>: one annotation of one task.</summary>
/// <param name="Action">The action name.</param>
/// <param name="LabelStudioProject">The Label Studio project's id.</param>
/// <param name="AnnotationId">The annotation's id (<c>annotation.id</c>), stable across its updates.</param>
/// <param name="Revision">The annotation's update time (<c>updated_at</c>, else <c>created_at</c>) in UTC, fixed width, so revisions sort ordinally.</param>
/// <param name="Result">The annotation's <c>result</c> array.</param>
/// <param name="Task">The task's data (<c>task.data</c>).</param>
/// <param name="CompletedBy">The Label Studio user id who annotated (<c>completed_by</c>, an id or a user object).</param>
/// <param name="LeadTimeSeconds">Time spent (<c>lead_time</c>, seconds; 0 when absent).</param>
/// <param name="WasCancelled">True for a skipped task (an empty annotation).</param>
public sealed record AnnotationEvent(string Action, long? LabelStudioProject, long AnnotationId, string Revision, JsonElement Result,
    Tasks.TaskData Task, long CompletedBy, double LeadTimeSeconds, bool WasCancelled) : WebhookEvent(Action, LabelStudioProject);

/// <summary><c>ANNOTATIONS_DELETED</c> (or <c>ANNOTATION_DELETED</c>): the ids of the deleted annotations.</summary>
/// <param name="Action">The action name.</param>
/// <param name="LabelStudioProject">The Label Studio project's id.</param>
/// <param name="AnnotationIds">The deleted annotations.</param>
public sealed record AnnotationsDeletedEvent(string Action, long? LabelStudioProject, IReadOnlyList<long> AnnotationIds) : WebhookEvent(Action, LabelStudioProject);

/// <summary><c>START_TRAINING</c>: a user pressed "Start training" for the ML backend.</summary>
/// <param name="Action">The action name.</param>
/// <param name="LabelStudioProject">The Label Studio project's id.</param>
public sealed record StartTrainingEvent(string Action, long? LabelStudioProject) : WebhookEvent(Action, LabelStudioProject);

/// <summary>Any other action (tasks created, project updated, …): acknowledged and ignored.</summary>
/// <param name="Action">The action name.</param>
/// <param name="LabelStudioProject">The Label Studio project's id.</param>
public sealed record IgnoredEvent(string Action, long? LabelStudioProject) : WebhookEvent(Action, LabelStudioProject);
