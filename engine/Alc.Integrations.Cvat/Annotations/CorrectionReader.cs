using System.Globalization;
using System.Text.Json;
using Alc.Integrations.Cvat.Rest;
using Alc.Integrations.Cvat.Tasks;

namespace Alc.Integrations.Cvat.Annotations;

/// <summary>
/// Reads a completed correction job's annotations into one answer per query frame: no point left → unsure; the unsure box
/// ticked → unsure; the point's label is the shown one → confirm; another class → correct to it. Masks (the region
/// layer, or anything painted), tags and tracks are not answers and are ignored. Everything is checked before anything
/// is returned, so one bad frame refuses the whole job.
/// </summary>
public static class CorrectionReader
{
    /// <summary>Reads the answers of every frame of the job.</summary>
    /// <param name="annotations">The job's annotations (<c>{version, tags, shapes, tracks}</c>).</param>
    /// <param name="frames">The job's frames.</param>
    /// <param name="labels">The task's labels.</param>
    /// <param name="classNames">The dataset's class names.</param>
    /// <param name="shownLabel">The label a query's point was shown with (a class name or <see cref="CorrectionLabels.Unlabelled"/>); null for a query the engine does not know.</param>
    /// <exception cref="CvatFormatException">
    /// A frame that is no query's, a query the engine does not know, a shape on a frame outside the job, a label that is
    /// not the task's or not a class, a point off its image, two points on one frame, or a query attribute naming another query.
    /// </exception>
    public static IReadOnlyList<CorrectionAnswer> Read(JsonElement annotations, IReadOnlyList<CvatFrame> frames, IReadOnlyList<CvatLabel> labels,
        IReadOnlyCollection<string> classNames, Func<long, string?> shownLabel)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(shownLabel);
        var byNumber = new Dictionary<int, (CvatFrame Frame, long Query, string Shown)>();
        foreach (var frame in frames)
        {
            long query = QueryFrames.QueryOf(frame.Name) ?? throw new CvatFormatException($"Frame {frame.Number} ({frame.Name}) is not a correction frame (query-<id>.png).");
            string shown = shownLabel(query) ?? throw new CvatFormatException($"Frame {frame.Number} asks query {query}, which is not a query of this round.");
            byNumber[frame.Number] = (frame, query, shown);
        }

        var labelById = labels.ToDictionary(l => l.Id);
        var points = new Dictionary<int, (long ShapeId, CvatLabel Label, JsonElement Shape)>();
        if (annotations.ValueKind != JsonValueKind.Object || !annotations.TryGetProperty("shapes", out var shapes) || shapes.ValueKind != JsonValueKind.Array)
        {
            throw new CvatFormatException("The job's annotations have no shapes array.");
        }

        foreach (var shape in shapes.EnumerateArray())
        {
            long id = Number(shape, "id");
            int frameNumber = checked((int)Number(shape, "frame"));
            long labelId = Number(shape, "label_id");
            var label = labelById.GetValueOrDefault(labelId) ?? throw new CvatFormatException($"Shape {id} has label id {labelId}, which is not a label of the task.");
            if (!byNumber.TryGetValue(frameNumber, out var frame))
            {
                throw new CvatFormatException($"Shape {id} is on frame {frameNumber}, which is not a frame of the job.");
            }

            if (Text(shape, "type") != "points")
            {
                continue;
            }

            if (label.Name != CorrectionLabels.Unlabelled && !classNames.Contains(label.Name))
            {
                throw new CvatFormatException($"The point on frame {frameNumber} (query {frame.Query}) has label \"{label.Name}\", which is not a class.");
            }

            var (x, y) = FirstPoint(shape, id);
            if (!(x >= 0 && y >= 0 && x < frame.Frame.Width && y < frame.Frame.Height))
            {
                throw new CvatFormatException($"The point of query {frame.Query} (shape {id}, frame {frameNumber}) was moved off the image to " +
                    $"({x.ToString(CultureInfo.InvariantCulture)}, {y.ToString(CultureInfo.InvariantCulture)}); the image is {frame.Frame.Width}×{frame.Frame.Height}.");
            }

            if (points.TryGetValue(frameNumber, out var other))
            {
                throw new CvatFormatException($"Frame {frameNumber} (query {frame.Query}) has two points (shapes {other.ShapeId} and {id}); keep the one that answers the query.");
            }

            points[frameNumber] = (id, label, shape);
        }

        var answers = new List<CorrectionAnswer>();
        foreach (var (number, frame) in byNumber.OrderBy(f => f.Key))
        {
            if (!points.TryGetValue(number, out var point))
            {
                answers.Add(new CorrectionAnswer(frame.Query, number, null, CorrectionKind.Unsure, null));
                continue;
            }

            var attributes = Attributes(point.Shape, point.Label);
            if (attributes.GetValueOrDefault(CorrectionLabels.QueryAttribute) is { Length: > 0 } named && named != frame.Query.ToString(CultureInfo.InvariantCulture))
            {
                throw new CvatFormatException($"The point on frame {number} says query {named}, but the frame asks query {frame.Query}.");
            }

            var kind = attributes.GetValueOrDefault(CorrectionLabels.UnsureAttribute) == "true" ? CorrectionKind.Unsure
                : point.Label.Name == frame.Shown ? CorrectionKind.Confirm
                : point.Label.Name == CorrectionLabels.Unlabelled ? CorrectionKind.Unsure
                : CorrectionKind.Correct;
            answers.Add(new CorrectionAnswer(frame.Query, number, point.ShapeId, kind, kind == CorrectionKind.Correct ? point.Label.Name : null));
        }

        return answers;
    }

    // Attribute values by name; a spec of another label (CVAT refuses those) is not read.
    private static Dictionary<string, string> Attributes(JsonElement shape, CvatLabel label)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!shape.TryGetProperty("attributes", out var attributes) || attributes.ValueKind != JsonValueKind.Array)
        {
            return values;
        }

        foreach (var attribute in attributes.EnumerateArray())
        {
            if (attribute.ValueKind == JsonValueKind.Object && attribute.TryGetProperty("spec_id", out var spec) && spec.TryGetInt64(out long specId)
                && label.Attributes.FirstOrDefault(a => a.Id == specId) is { } known && attribute.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
            {
                values[known.Name] = value.GetString()!;
            }
        }

        return values;
    }

    private static (double X, double Y) FirstPoint(JsonElement shape, long id)
    {
        if (!shape.TryGetProperty("points", out var points) || points.ValueKind != JsonValueKind.Array || points.GetArrayLength() < 2
            || points[0].ValueKind != JsonValueKind.Number || points[1].ValueKind != JsonValueKind.Number)
        {
            throw new CvatFormatException($"Points shape {id} has no x, y.");
        }

        return (points[0].GetDouble(), points[1].GetDouble());
    }

    private static long Number(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long n)
            ? n
            : throw new CvatFormatException($"A shape has no integer \"{name}\".");

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new CvatFormatException($"A shape has no text \"{name}\".");
}
