using System.ComponentModel.DataAnnotations;

namespace Alc.Engine.Server.Contracts;

/// <summary>What pushing a project's querying round to CVAT did; running it again in the same round creates nothing.</summary>
/// <param name="Round">The round pushed.</param>
/// <param name="CvatProjectId">The CVAT project of the engine project (<c>alc-engine project {id}</c>), which holds the labels and the webhook.</param>
/// <param name="TaskId">The round's CVAT task (<c>alc-engine project {id} round {n}</c>).</param>
/// <param name="TaskUrl">Where annotators open the task in CVAT.</param>
/// <param name="JobIds">The task's jobs; each is answered by marking it completed.</param>
/// <param name="Queries">Queries in the task: one frame each.</param>
/// <param name="CreatedProject">Whether this push created the CVAT project.</param>
/// <param name="CreatedTask">Whether this push created the task (false: it existed and was completed where a step was missing).</param>
/// <param name="ShapesAdded">Shapes this push added (a point and a region mask per query; 0 when they were there).</param>
/// <param name="WebhookCreated">Whether this push registered the webhook (false: one with the same target exists).</param>
/// <param name="WebhookUrl">The engine URL the webhook delivers to.</param>
public sealed record CvatPushDto(
    [property: Required] int Round,
    [property: Required] long CvatProjectId,
    [property: Required] long TaskId,
    [property: Required] string TaskUrl,
    [property: Required] IReadOnlyList<long> JobIds,
    [property: Required] int Queries,
    [property: Required] bool CreatedProject,
    [property: Required] bool CreatedTask,
    [property: Required] int ShapesAdded,
    [property: Required] bool WebhookCreated,
    [property: Required] string WebhookUrl);

/// <summary>What a CVAT webhook delivery did.</summary>
/// <param name="Status"><c>ingested</c> (a completed job's answers were read) or <c>ignored</c> (another event, or a job that is not completed).</param>
/// <param name="Event">CVAT's event name (<c>update:job</c>, <c>ping</c>, …).</param>
/// <param name="Reason">Why an event was ignored.</param>
/// <param name="JobId">The job.</param>
/// <param name="Round">The round its task belongs to.</param>
/// <param name="Stored">Queries answered for the first time.</param>
/// <param name="Revised">Answers replaced by this completion (the job was reopened and completed again).</param>
/// <param name="Unchanged">Answers already stored from this same completion (a redelivery).</param>
/// <param name="Conflicts">Queries whose answer could not be stored, each with the reason (answered elsewhere, leased to another annotator).</param>
/// <param name="Remaining">Unanswered queries left in the round.</param>
/// <param name="RoundClosed">Whether this delivery answered the round's last query.</param>
/// <param name="NextRound">The round this delivery started training (when it closed the last one and <c>Cvat:StartNextRound</c> is on).</param>
/// <param name="TrainingJobId">The next round's training job (<c>GET /jobs/{id}</c>); push it to CVAT when it has succeeded.</param>
public sealed record CvatWebhookReceiptDto(
    [property: Required] string Status,
    [property: Required] string Event,
    string? Reason,
    long? JobId,
    int? Round,
    [property: Required] int Stored,
    [property: Required] int Revised,
    [property: Required] int Unchanged,
    [property: Required] IReadOnlyList<CvatConflictDto> Conflicts,
    int? Remaining,
    [property: Required] bool RoundClosed,
    int? NextRound,
    long? TrainingJobId);

/// <summary>A query of a completed job whose answer was not stored.</summary>
/// <param name="QueryId">The query.</param>
/// <param name="Detail">Why.</param>
public sealed record CvatConflictDto([property: Required] long QueryId, [property: Required] string Detail);
