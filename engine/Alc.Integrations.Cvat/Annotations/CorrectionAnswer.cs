namespace Alc.Integrations.Cvat.Annotations;

/// <summary>What an annotator's edit of a query's frame says.</summary>
public enum CorrectionKind
{
    /// <summary>The point kept its shown label: the label is right.</summary>
    Confirm,

    /// <summary>The point's label was changed to another class.</summary>
    Correct,

    /// <summary>The point was deleted, or its unsure box ticked.</summary>
    Unsure,
}

/// <summary>One query's answer as read from a completed job.</summary>
/// <param name="QueryId">The query (from the frame's name).</param>
/// <param name="Frame">Its frame number.</param>
/// <param name="ShapeId">The point's shape id, or null when the point was deleted.</param>
/// <param name="Kind">The verdict.</param>
/// <param name="Label">The class name a <see cref="CorrectionKind.Correct"/> answer gives; null otherwise.</param>
public sealed record CorrectionAnswer(long QueryId, int Frame, long? ShapeId, CorrectionKind Kind, string? Label);
