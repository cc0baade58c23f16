namespace Alc.Integrations.Cvat.Webhooks;

/// <summary>
/// One CVAT webhook delivery (<c>{"event": "update:job", "job": {…}, "before_update": {…}, "webhook_id": …, "sender": {…}}</c>),
/// reduced to what the engine acts on. <see cref="CvatWebhookReader"/> makes one from the parsed body.
/// </summary>
/// <param name="Event">The event name, <c>action:resource</c> (<c>update:job</c>, <c>create:task</c>, …) or <c>ping</c>.</param>
/// <param name="WebhookId">The delivering webhook (<c>webhook_id</c>, or <c>webhook.id</c> in a ping); null when the body has neither.</param>
/// <param name="Job">The job, for events whose resource is <c>job</c>; null for every other event.</param>
/// <param name="StateBefore">The previous state (<c>before_update.state</c>) when an update changed it; null otherwise.</param>
/// <param name="Sender">The user whose action triggered the delivery; null when the body has none.</param>
public sealed record CvatWebhookEvent(string Event, long? WebhookId, CvatJob? Job, string? StateBefore, CvatUser? Sender)
{
    /// <summary>The event name of a changed job.</summary>
    public const string UpdateJob = "update:job";

    /// <summary>The state name of a finished job.</summary>
    public const string Completed = "completed";

    /// <summary>Whether a job was updated (<c>update:job</c>).</summary>
    public bool IsJobUpdate => Event == UpdateJob;

    /// <summary>Whether a job was updated and is now completed; also true when an already completed job is updated again
    /// (compare <see cref="StateBefore"/> to tell a transition from a repeat).</summary>
    public bool CompletesJob => IsJobUpdate && Job is { State: Completed };
}
