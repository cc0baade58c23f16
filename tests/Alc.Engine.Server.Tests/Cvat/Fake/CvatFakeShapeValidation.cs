using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Alc.Engine.Server.Tests.Cvat.Fake;

/// <summary>What an annotation write may refer to: the job's frames and the labels of its task (its project's, when it has one).</summary>
/// <param name="JobId">The job.</param>
/// <param name="StartFrame">Its first frame.</param>
/// <param name="StopFrame">Its last frame (inclusive).</param>
/// <param name="Labels">The labels shapes may use.</param>
/// <param name="Frames">The task's frames, by frame number.</param>
internal sealed record CvatFakeJobScope(long JobId, int StartFrame, int StopFrame, IReadOnlyList<FakeLabel> Labels, IReadOnlyList<CvatFakeFrame> Frames);

/// <summary>An annotation write's objects, checked and written in CVAT's stored form (key order of its FromDB serializers).</summary>
/// <param name="Tags">The tags.</param>
/// <param name="Shapes">The shapes.</param>
internal sealed record CvatFakeAnnotations(IReadOnlyList<JsonObject> Tags, IReadOnlyList<JsonObject> Shapes);

/// <summary>
/// Reads the body of <c>PUT</c>/<c>PATCH /api/jobs/{id}/annotations</c> in two passes. First as CVAT's
/// LabeledDataSerializer, LabeledShapeSerializer and LabeledImageSerializer do (field errors DRF-shaped, one entry per
/// item): shapes need <c>type</c> (one of CVAT's ShapeType), <c>frame</c> and <c>label_id</c>; <c>group</c>,
/// <c>source</c> (default <c>manual</c>), <c>occluded</c>, <c>outside</c>, <c>z_order</c>, <c>rotation</c> (0..360),
/// <c>points</c> (JSON numbers only, stored as floats) and <c>attributes</c> (<c>{spec_id, value}</c>, where a non-string
/// value becomes Python's <c>str()</c> of it, so <c>true</c> turns into <c>"True"</c>) have CVAT's defaults. Then the
/// meaning, answered as a list of messages like CVAT's own ValidationError: <c>label_id `N` is invalid</c> and
/// <c>spec_id `N` is invalid</c> exactly as <c>cvat/apps/dataset_manager/task.py</c> words them, and, where CVAT's server
/// stores without checking, what cvat-core (<c>object-utils.ts</c> checkNumberOfPoints) and CVAT's exporters rely on:
/// a frame inside the job, a shape type the label's type allows, point counts per type, and for a mask ≥ 6 values whose
/// last four are its inclusive integer box <c>[left, top, right, bottom]</c> inside the frame's image and whose run
/// lengths (background first, alternating) are non-negative integers summing to the box's area. Points outside the
/// image are stored, as CVAT stores them. Tracks and skeleton elements are not modeled and are refused.
/// </summary>
internal static class CvatFakeShapeValidation
{
    /// <summary>CVAT's ShapeType choices.</summary>
    public static readonly IReadOnlyList<string> ShapeTypes = ["rectangle", "polygon", "polyline", "points", "ellipse", "cuboid", "mask", "skeleton"];

    /// <summary>CVAT's SourceType choices.</summary>
    public static readonly IReadOnlyList<string> Sources = ["auto", "semi-auto", "manual", "file", "consensus"];

    /// <summary>How a write treats ids: create assigns them, update and delete need them, put keeps known ones.</summary>
    public enum Ids
    {
        /// <summary>Ids must be absent or null; the store assigns them.</summary>
        Forbidden,

        /// <summary>Every object needs its id.</summary>
        Required,

        /// <summary>Ids may be given (kept) or left out (assigned).</summary>
        Optional,
    }

    /// <summary>
    /// Reads and checks a write. Returns the objects, or null with the 400 body in <paramref name="errors"/>.
    /// With <paramref name="checkMeaning"/> false (deletes) only the serializer pass and the ids are checked.
    /// </summary>
    public static CvatFakeAnnotations? Read(JsonObject body, CvatFakeJobScope scope, Ids ids, bool checkMeaning, out JsonNode? errors)
    {
        var fields = new CvatFakeFields(body);
        fields.Integer("version", required: false);
        var tags = ReadList(fields, "tags", ReadTag);
        var shapes = ReadList(fields, "shapes", ReadShape);
        var tracks = fields.List("tracks", required: false);
        if (!fields.Valid)
        {
            errors = fields.Errors;
            return null;
        }

        var problems = new List<string>();
        if (tracks is { Count: > 0 })
        {
            problems.Add("tracks: the contract fake does not model tracks; send tags and shapes");
        }

        CheckIds(tags!, "tags", ids, problems);
        CheckIds(shapes!, "shapes", ids, problems);
        if (checkMeaning)
        {
            for (int i = 0; i < tags!.Count; i++)
            {
                CheckTag(tags[i], $"tags[{i}]", scope, problems);
            }

            for (int i = 0; i < shapes!.Count; i++)
            {
                CheckShape(shapes[i], $"shapes[{i}]", scope, problems);
            }
        }

        errors = problems.Count > 0 ? new JsonArray([.. problems.Select(p => (JsonNode?)p)]) : null;
        return errors is null ? new CvatFakeAnnotations(tags!, shapes!) : null;
    }

    /// <summary>The attribute values of <paramref name="label"/>'s specs at their defaults, in spec order.</summary>
    public static JsonArray Defaults(FakeLabel label) =>
        [.. label.Attributes.Select(a => (JsonNode?)new JsonObject { ["spec_id"] = a.Id, ["value"] = a.Spec.DefaultValue })];

    private static List<JsonObject>? ReadList(CvatFakeFields fields, string field, Func<JsonNode?, (JsonObject? Row, JsonObject Errors)> read)
    {
        var list = fields.List(field, required: false);
        if (list is null)
        {
            return fields.Has(field) ? null : [];
        }

        var rows = new List<JsonObject>();
        var errors = new JsonArray();
        bool failed = false;
        foreach (var item in list)
        {
            var (row, itemErrors) = read(item);
            errors.Add(itemErrors);
            failed |= itemErrors.Count > 0;
            if (row is not null)
            {
                rows.Add(row);
            }
        }

        if (failed)
        {
            fields.Nest(field, errors);
            return null;
        }

        return rows;
    }

    private static (JsonObject? Row, JsonObject Errors) ReadTag(JsonNode? item)
    {
        if (item is not JsonObject body)
        {
            return (null, CvatFakeFields.NotADictionary(item));
        }

        var fields = new CvatFakeFields(body);
        var row = Common(fields);
        var attributes = Attributes(fields);
        if (!fields.Valid)
        {
            return (null, fields.Errors);
        }

        row["attributes"] = attributes;
        return (row, fields.Errors);
    }

    private static (JsonObject? Row, JsonObject Errors) ReadShape(JsonNode? item)
    {
        if (item is not JsonObject body)
        {
            return (null, CvatFakeFields.NotADictionary(item));
        }

        var fields = new CvatFakeFields(body);
        var common = Common(fields);
        string? type = fields.Choice("type", ShapeTypes);
        bool occluded = fields.Boolean("occluded", required: false) ?? false;
        bool outside = fields.Boolean("outside", required: false) ?? false;
        long zOrder = fields.Integer("z_order", required: false) ?? 0;
        double rotation = fields.Float("rotation", required: false, min: 0, max: 360) ?? 0;
        var points = Points(fields);
        var attributes = Attributes(fields);
        var elements = fields.List("elements", required: false);
        if (!fields.Valid)
        {
            return (null, fields.Errors);
        }

        var row = new JsonObject
        {
            ["id"] = common["id"]?.DeepClone(),
            ["label_id"] = common["label_id"]!.DeepClone(),
            ["type"] = type,
            ["frame"] = common["frame"]!.DeepClone(),
            ["group"] = common["group"]?.DeepClone(),
            ["source"] = common["source"]!.DeepClone(),
            ["occluded"] = occluded,
            ["outside"] = outside,
            ["z_order"] = zOrder,
            ["rotation"] = rotation,
            ["points"] = points,
            ["attributes"] = attributes,
            ["elements"] = elements is { Count: > 0 } ? elements.DeepClone() : new JsonArray(),
        };
        return (row, fields.Errors);
    }

    // AnnotationSerializer: id, frame, label_id, group, source, in the FromDB key order of a tag.
    private static JsonObject Common(CvatFakeFields fields)
    {
        long? id = fields.Integer("id", required: false, allowNull: true);
        long? frame = fields.Integer("frame", min: 0);
        long? labelId = fields.Integer("label_id", min: 0);
        long? group = fields.Integer("group", required: false, allowNull: true, min: 0);
        string source = fields.Has("source") ? fields.Choice("source", Sources) ?? "manual" : "manual";
        return new JsonObject { ["id"] = id, ["label_id"] = labelId, ["frame"] = frame, ["group"] = group, ["source"] = source };
    }

    // OptimizedFloatListField: ints and floats only (not bools, not strings), stored as floats.
    private static JsonArray Points(CvatFakeFields fields)
    {
        var points = new JsonArray();
        if (fields.List("points", required: false) is not { } given)
        {
            return points;
        }

        var bad = new JsonObject();
        for (int i = 0; i < given.Count; i++)
        {
            if (given[i] is JsonValue v && CvatFakeFields.TryNumber(v, out double number))
            {
                points.Add(number);
            }
            else
            {
                bad[i.ToString(CultureInfo.InvariantCulture)] = new JsonArray("Value must be a float or an integer");
            }
        }

        if (bad.Count > 0)
        {
            fields.Nest("points", bad);
        }

        return points;
    }

    // AttributeValSerializer: spec_id an integer, value str()'d then a CharField of at most 4096 characters.
    private static JsonArray Attributes(CvatFakeFields fields)
    {
        var attributes = new JsonArray();
        if (fields.List("attributes", required: false) is not { } given)
        {
            return attributes;
        }

        var errors = new JsonArray();
        bool failed = false;
        foreach (var item in given)
        {
            if (item is not JsonObject body)
            {
                errors.Add(CvatFakeFields.NotADictionary(item));
                failed = true;
                continue;
            }

            var attribute = new CvatFakeFields(body);
            long? specId = attribute.Integer("spec_id");
            string? value = null;
            if (!body.TryGetPropertyValue("value", out var raw))
            {
                attribute.Fail("value", "This field is required.");
            }
            else
            {
                value = PythonStr(raw);
                if (value.Length > 4096)
                {
                    attribute.Fail("value", "Ensure this field has no more than 4096 characters.");
                }
            }

            errors.Add(attribute.Errors);
            failed |= !attribute.Valid;
            if (attribute.Valid)
            {
                attributes.Add(new JsonObject { ["spec_id"] = specId, ["value"] = value });
            }
        }

        if (failed)
        {
            fields.Nest("attributes", errors);
        }

        return attributes;
    }

    // Python's str() of a JSON value, as AttributeValSerializer.to_internal_value applies it.
    private static string PythonStr(JsonNode? node) => node switch
    {
        null => "None",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "True",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "False",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => PythonJson.Dumps(v),
        _ => PythonJson.Dumps(node).Replace("\"", "'", StringComparison.Ordinal),
    };

    private static void CheckIds(List<JsonObject> rows, string field, Ids ids, List<string> problems)
    {
        var seen = new HashSet<long>();
        for (int i = 0; i < rows.Count; i++)
        {
            long? id = (long?)rows[i]["id"];
            if (ids == Ids.Forbidden && id is not null)
            {
                problems.Add($"{field}[{i}].id: action=create assigns ids; leave it out");
            }
            else if (ids == Ids.Required && id is null)
            {
                problems.Add($"{field}[{i}].id: this action needs the object's id");
            }
            else if (id is long known && !seen.Add(known))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{field}[{i}].id: {known} appears twice"));
            }
        }
    }

    private static FakeLabel? Label(JsonObject row, CvatFakeJobScope scope, List<string> problems)
    {
        long labelId = (long)row["label_id"]!;
        var label = scope.Labels.FirstOrDefault(l => l.Id == labelId);
        if (label is null)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"label_id `{labelId}` is invalid"));
        }

        return label;
    }

    private static void CheckFrame(JsonObject row, string at, CvatFakeJobScope scope, List<string> problems)
    {
        long frame = (long)row["frame"]!;
        if (frame < scope.StartFrame || frame > scope.StopFrame)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{at}.frame: {frame} is outside the job's frames {scope.StartFrame}..{scope.StopFrame}"));
        }
    }

    private static void CheckTag(JsonObject tag, string at, CvatFakeJobScope scope, List<string> problems)
    {
        CheckFrame(tag, at, scope, problems);
        if (Label(tag, scope, problems) is { } label)
        {
            if (label.Type is not ("any" or "tag"))
            {
                problems.Add($"{at}.label_id: label '{label.Name}' has type {label.Type}, which does not take tags");
            }

            CheckAttributes(tag, at, label, problems);
        }
    }

    private static void CheckShape(JsonObject shape, string at, CvatFakeJobScope scope, List<string> problems)
    {
        string type = (string)shape["type"]!;
        CheckFrame(shape, at, scope, problems);
        if (Label(shape, scope, problems) is { } label)
        {
            if (label.Type != "any" && label.Type != type)
            {
                problems.Add($"{at}.type: label '{label.Name}' has type {label.Type}, so it cannot be a {type} shape");
            }

            CheckAttributes(shape, at, label, problems);
        }

        if (shape["elements"]!.AsArray().Count > 0 || type == "skeleton")
        {
            problems.Add($"{at}.elements: the contract fake does not model skeletons or their elements");
            return;
        }

        var points = shape["points"]!.AsArray().Select(p => (double)p!).ToArray();
        if (type == "mask")
        {
            long frame = (long)shape["frame"]!;
            var image = frame >= 0 && frame < scope.Frames.Count ? scope.Frames[(int)frame] : null;
            if (MaskProblem(points, image) is string problem)
            {
                problems.Add($"{at}.points: {problem}");
            }

            return;
        }

        if (PointCountProblem(type, points.Length) is string countProblem)
        {
            problems.Add($"{at}.points: {countProblem}");
        }
    }

    private static string? PointCountProblem(string type, int count)
    {
        if (count % 2 != 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{count} values are not a list of x, y pairs");
        }

        int pairs = count / 2;
        return type switch
        {
            "rectangle" when pairs != 2 => string.Create(CultureInfo.InvariantCulture, $"Rectangle must have 2 points, but got {pairs}"),
            "ellipse" when pairs != 2 => string.Create(CultureInfo.InvariantCulture, $"Ellipse must have 1 point, rx and ry, but got {pairs} pairs"),
            "polygon" when pairs < 3 => string.Create(CultureInfo.InvariantCulture, $"Polygon must have at least 3 points, but got {pairs}"),
            "polyline" when pairs < 2 => string.Create(CultureInfo.InvariantCulture, $"Polyline must have at least 2 points, but got {pairs}"),
            "points" when pairs < 1 => "Points must have at least 1 points, but got 0",
            "cuboid" when pairs != 8 => string.Create(CultureInfo.InvariantCulture, $"Cuboid must have 8 points, but got {pairs}"),
            _ => null,
        };
    }

    // CVAT's mask encoding: run lengths over the box, row by row, background first and alternating, then left, top, right, bottom (inclusive).
    private static string? MaskProblem(double[] points, CvatFakeFrame? image)
    {
        if (points.Length < 6)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Mask must not be empty: {points.Length} values, but a mask needs at least one run of each kind and its box (6)");
        }

        var box = points[^4..];
        if (box.Any(v => !double.IsInteger(v)))
        {
            return "the box (the last four values) must be integers";
        }

        var (left, top, right, bottom) = ((long)box[0], (long)box[1], (long)box[2], (long)box[3]);
        if (left > right || top > bottom)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the box [{left}, {top}, {right}, {bottom}] has left > right or top > bottom");
        }

        if (image is not null && (left < 0 || top < 0 || right >= image.Width || bottom >= image.Height))
        {
            return string.Create(CultureInfo.InvariantCulture, $"the box [{left}, {top}, {right}, {bottom}] is not inside the {image.Width}x{image.Height} image");
        }

        var runs = points[..^4];
        if (runs.Any(r => r < 0 || !double.IsInteger(r)))
        {
            return "run lengths must be non-negative integers";
        }

        long area = (right - left + 1) * (bottom - top + 1);
        long sum = (long)runs.Sum();
        return sum == area
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"run lengths sum to {sum}, but the box [{left}, {top}, {right}, {bottom}] holds {right - left + 1}x{bottom - top + 1} = {area} pixels");
    }

    private static void CheckAttributes(JsonObject row, string at, FakeLabel label, List<string> problems)
    {
        var seen = new HashSet<long>();
        foreach (var attribute in row["attributes"]!.AsArray())
        {
            long specId = (long)attribute!["spec_id"]!;
            string value = (string)attribute["value"]!;
            var spec = label.Attributes.FirstOrDefault(a => a.Id == specId);
            if (spec is null)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"spec_id `{specId}` is invalid"));
            }
            else if (!seen.Add(specId))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{at}.attributes: spec_id {specId} is given twice"));
            }
            else if (!CvatFakeAttributeValues.Accepts(spec.Spec.InputType, spec.Spec.Values, value))
            {
                problems.Add($"{at}.attributes: '{value}' is not a valid value for the {spec.Spec.InputType} attribute '{spec.Spec.Name}'");
            }
        }
    }
}
