namespace Alc.Integrations.Cvat.Rest;

/// <summary>A CVAT project or task, as far as the bridge needs it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="ProjectId">The project a task belongs to (null for a project, or a task outside projects).</param>
/// <param name="Size">A task's frame count (0 before its data is uploaded).</param>
public sealed record CvatResource(long Id, string Name, long? ProjectId, int Size);

/// <summary>A label of a CVAT project or task (<c>GET /api/labels</c>).</summary>
/// <param name="Id">The label id shapes refer to as <c>label_id</c>.</param>
/// <param name="Name">The label's name.</param>
/// <param name="Type">The shape type it allows (<c>any</c>, <c>points</c>, <c>mask</c>, …).</param>
/// <param name="Attributes">Its attribute specs.</param>
public sealed record CvatLabel(long Id, string Name, string Type, IReadOnlyList<CvatAttributeSpec> Attributes);

/// <summary>An attribute spec of a label; shapes carry values as <c>{spec_id, value}</c>.</summary>
/// <param name="Id">The spec id.</param>
/// <param name="Name">The attribute's name.</param>
/// <param name="InputType"><c>checkbox</c>, <c>text</c>, <c>number</c>, <c>radio</c> or <c>select</c>.</param>
/// <param name="DefaultValue">The value a new shape (or a shape whose label changes) gets.</param>
public sealed record CvatAttributeSpec(long Id, string Name, string InputType, string DefaultValue);

/// <summary>A frame of a job (<c>GET /api/jobs/{id}/data/meta</c>).</summary>
/// <param name="Number">The task-wide frame number shapes use as <c>frame</c>.</param>
/// <param name="Name">The uploaded file's name.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public sealed record CvatFrame(int Number, string Name, int Width, int Height);

/// <summary>A file uploaded as a frame of a task.</summary>
/// <param name="Name">The file name CVAT keeps as the frame's name.</param>
/// <param name="Content">The encoded image (PNG or JPEG).</param>
public sealed record CvatUpload(string Name, byte[] Content);
