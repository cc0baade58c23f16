using System.Text.Json.Nodes;

namespace Alc.Engine.Server.Tests.Cvat.Fake;

/// <summary>One frame of a task's data: the uploaded file's name (without any directory, as Django keeps it), the size its header declares, and its bytes.</summary>
/// <param name="Name">The file name, e.g. <c>img_001.png</c>.</param>
/// <param name="Width">The width in pixels.</param>
/// <param name="Height">The height in pixels.</param>
/// <param name="Bytes">The uploaded bytes.</param>
internal sealed record CvatFakeFrame(string Name, int Width, int Height, byte[] Bytes);

/// <summary>A user, shown as CVAT's BasicUserSerializer shows one (url, id, username, first and last name).</summary>
/// <param name="Id">The user id.</param>
/// <param name="Username">The username.</param>
internal sealed record FakeUser(long Id, string Username);

/// <summary>An attribute spec of a label, with the id the fake gave it.</summary>
/// <param name="Id">The spec id (the <c>spec_id</c> annotations refer to).</param>
/// <param name="Spec">The spec as it was created.</param>
internal sealed record FakeAttribute(long Id, CvatFakeAttributeSpec Spec);

/// <summary>A label of a project or of a task outside a project; immutable once created.</summary>
/// <param name="Id">The label id.</param>
/// <param name="Name">The name.</param>
/// <param name="Color">The hex color.</param>
/// <param name="Type">The label type (<c>any</c>, <c>points</c>, <c>mask</c>, …).</param>
/// <param name="ProjectId">The project it belongs to, or null.</param>
/// <param name="TaskId">The task it belongs to, or null.</param>
/// <param name="Attributes">Its attribute specs.</param>
internal sealed record FakeLabel(long Id, string Name, string Color, string Type, long? ProjectId, long? TaskId, IReadOnlyList<FakeAttribute> Attributes);

/// <summary>A project row.</summary>
internal sealed class FakeProject
{
    /// <summary>The id.</summary>
    public required long Id { get; init; }

    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>Who created it.</summary>
    public required long OwnerId { get; init; }

    /// <summary>The creation stamp.</summary>
    public required string Created { get; init; }

    /// <summary>The last change stamp (annotation saves in its jobs touch it, as CVAT's <c>touch()</c> does).</summary>
    public required string Updated { get; set; }
}

/// <summary>A task row; its data and job appear when the upload's request is polled to its end.</summary>
internal sealed class FakeTask
{
    /// <summary>The id.</summary>
    public required long Id { get; init; }

    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>The project, or null.</summary>
    public required long? ProjectId { get; init; }

    /// <summary>Who created it.</summary>
    public required long OwnerId { get; init; }

    /// <summary>The creation stamp.</summary>
    public required string Created { get; init; }

    /// <summary>The last change stamp.</summary>
    public required string Updated { get; set; }

    /// <summary>The request id of the data upload that runs or finished (null before any, and again after a failed one).</summary>
    public string? UploadRequest { get; set; }

    /// <summary>The data id, once the upload finished.</summary>
    public long? DataId { get; set; }

    /// <summary>The upload's image quality.</summary>
    public int ImageQuality { get; set; }

    /// <summary>The frames, in frame order, once the upload finished.</summary>
    public List<CvatFakeFrame> Frames { get; } = [];
}

/// <summary>A job row with its annotations (tags and shapes as CVAT's <c>…SerializerFromDB</c> write them).</summary>
internal sealed class FakeJob
{
    /// <summary>The id.</summary>
    public required long Id { get; init; }

    /// <summary>The task.</summary>
    public required long TaskId { get; init; }

    /// <summary>The first frame.</summary>
    public required int StartFrame { get; init; }

    /// <summary>The last frame (inclusive).</summary>
    public required int StopFrame { get; init; }

    /// <summary>The creation stamp.</summary>
    public required string Created { get; init; }

    /// <summary>The last change stamp.</summary>
    public required string Updated { get; set; }

    /// <summary><c>new</c>, <c>in progress</c>, <c>rejected</c> or <c>completed</c>.</summary>
    public string State { get; set; } = "new";

    /// <summary><c>annotation</c>, <c>validation</c> or <c>acceptance</c>.</summary>
    public string Stage { get; set; } = "annotation";

    /// <summary>Derived from stage and state as CVAT's JobWriteSerializer derives it.</summary>
    public string Status { get; set; } = "annotation";

    /// <summary>The fake's annotation version: one more on every write (real CVAT answers 0 or echoes the request's).</summary>
    public long Version { get; set; }

    /// <summary>The tags.</summary>
    public List<JsonObject> Tags { get; } = [];

    /// <summary>The shapes.</summary>
    public List<JsonObject> Shapes { get; } = [];
}

/// <summary>A webhook row, secret included.</summary>
internal sealed class FakeWebhook
{
    /// <summary>The id.</summary>
    public required long Id { get; init; }

    /// <summary>Where deliveries go.</summary>
    public required Uri TargetUrl { get; init; }

    /// <summary>The description.</summary>
    public required string Description { get; init; }

    /// <summary><c>project</c> (the fake has no organizations).</summary>
    public required string Type { get; init; }

    /// <summary>The project.</summary>
    public required long ProjectId { get; init; }

    /// <summary>The subscribed events, sorted as CVAT's EventTypesSerializer answers them.</summary>
    public required IReadOnlyList<string> Events { get; init; }

    /// <summary>The HMAC secret, empty for none.</summary>
    public required string Secret { get; init; }

    /// <summary>Whether it delivers.</summary>
    public required bool IsActive { get; init; }

    /// <summary>Whether CVAT would verify the target's certificate.</summary>
    public required bool EnableSsl { get; init; }

    /// <summary>Who created it.</summary>
    public required long OwnerId { get; init; }

    /// <summary>The creation stamp.</summary>
    public required string Created { get; init; }

    /// <summary>The last delivery's status, or null before any.</summary>
    public int? LastStatus { get; set; }

    /// <summary>The last delivery's stamp, or null before any.</summary>
    public string? LastDeliveryDate { get; set; }
}

/// <summary>A background request (only task data uploads): what it will produce and how often it was polled.</summary>
internal sealed class FakeRequest
{
    /// <summary>The rq id, e.g. <c>action=create&amp;target=task&amp;target_id=3</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The task.</summary>
    public required long TaskId { get; init; }

    /// <summary>The task's project, or null.</summary>
    public required long? ProjectId { get; init; }

    /// <summary>Who posted it.</summary>
    public required long OwnerId { get; init; }

    /// <summary>The enqueue stamp.</summary>
    public required string Created { get; init; }

    /// <summary>The frames it will attach, sorted, when it succeeds.</summary>
    public required IReadOnlyList<CvatFakeFrame> Frames { get; init; }

    /// <summary>Why it will fail, or null.</summary>
    public required string? Failure { get; init; }

    /// <summary>How many times it was read.</summary>
    public int Polls { get; set; }

    /// <summary><c>queued</c>, <c>started</c>, <c>finished</c> or <c>failed</c>.</summary>
    public string Status { get; set; } = "queued";

    /// <summary>The start stamp.</summary>
    public string? Started { get; set; }

    /// <summary>The end stamp.</summary>
    public string? Finished { get; set; }
}
