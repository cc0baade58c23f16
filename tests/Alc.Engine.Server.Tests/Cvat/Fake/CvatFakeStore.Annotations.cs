using System.Globalization;
using System.Text.Json.Nodes;

namespace Alc.Engine.Server.Tests.Cvat.Fake;

/// <summary>
/// A job's annotations. Reads follow CVAT's JobAnnotation.init_from_db: tags and shapes ordered by frame (then id), each
/// object's attributes completed with the defaults of its label's specs it does not carry (<c>_extend_attributes</c>),
/// no tracks. Writes follow its create/update/delete/put: create assigns ids, update replaces objects by id, delete
/// removes by id (unknown ids skipped, as CVAT skips them), put replaces everything; each write that carries objects
/// touches the job, task and project. Unlike CVAT, which recreates an object whose id it does not have on update (and
/// put), the fake refuses unknown ids there, and it counts a
/// <c>version</c> up on every write (CVAT answers 0 or echoes the request's; nothing may rely on it). The annotator
/// edits below change the stored objects directly, as the annotation view's saves would.
/// </summary>
internal sealed partial class CvatFakeStore
{
    private long lastObject;

    /// <summary><c>GET /api/jobs/{id}/annotations</c>, or null when the job does not exist.</summary>
    public JsonObject? Annotations(long jobId) => Locked(() => jobs.TryGetValue(jobId, out var job) ? AnnotationsJson(job) : null);

    /// <summary>One stored shape as <c>GET …/annotations</c> shows it, or null.</summary>
    public JsonObject? Shape(long jobId, long shapeId) => Locked(() =>
        jobs.TryGetValue(jobId, out var job) && job.Shapes.FirstOrDefault(s => (long)s["id"]! == shapeId) is { } shape
            ? Extended(shape, LabelsOf(tasks[job.TaskId]).ToList())
            : null);

    /// <summary>
    /// Writes checked objects with <paramref name="action"/> (<c>create</c>, <c>update</c>, <c>delete</c>, or null for
    /// put). Answers the objects as written (with their ids), or null with the problem (unknown ids) in <paramref name="problems"/>.
    /// </summary>
    public JsonObject? WriteAnnotations(long jobId, string? action, CvatFakeAnnotations input, out IReadOnlyList<string> problems)
    {
        lock (gate)
        {
            var job = jobs[jobId];
            // CVAT's delete skips ids it does not have ("all requested objects are absent in DB after the method").
            problems = action is "update" or null ? UnknownIds(job, input, action) : [];
            if (problems.Count > 0)
            {
                return null;
            }

            var tags = input.Tags.Select(t => t.DeepClone().AsObject()).ToList();
            var shapes = input.Shapes.Select(s => s.DeepClone().AsObject()).ToList();
            switch (action)
            {
                case "create":
                    Assign(tags);
                    Assign(shapes);
                    job.Tags.AddRange(tags);
                    job.Shapes.AddRange(shapes);
                    break;
                case "update":
                    Replace(job.Tags, tags);
                    Replace(job.Shapes, shapes);
                    break;
                case "delete":
                    job.Tags.RemoveAll(t => tags.Any(d => (long)d["id"]! == (long)t["id"]!));
                    job.Shapes.RemoveAll(s => shapes.Any(d => (long)d["id"]! == (long)s["id"]!));
                    break;
                default:
                    Assign(tags);
                    Assign(shapes);
                    job.Tags.Clear();
                    job.Tags.AddRange(tags);
                    job.Shapes.Clear();
                    job.Shapes.AddRange(shapes);
                    break;
            }

            job.Version++;
            if (tags.Count + shapes.Count > 0 || action is null)
            {
                TouchLocked(job);
            }

            return Published(new JsonObject
            {
                ["version"] = job.Version,
                ["tags"] = new JsonArray([.. tags.Select(t => (JsonNode?)t.DeepClone())]),
                ["shapes"] = new JsonArray([.. shapes.Select(s => (JsonNode?)s.DeepClone())]),
                ["tracks"] = new JsonArray(),
            });
        }
    }

    /// <summary>
    /// The annotator gives a shape another label; its attributes become the new label's defaults, as CVAT's UI resets
    /// them. The UI offers only labels whose type takes the shape (<c>any</c> or the shape's type); others throw.
    /// </summary>
    public void SetShapeLabel(long jobId, long shapeId, string labelName) => Edit(jobId, shapeId, (shape, jobLabels) =>
    {
        var label = jobLabels.FirstOrDefault(l => l.Name == labelName)
            ?? throw new KeyNotFoundException($"Job {jobId} has no label '{labelName}'.");
        if (label.Type != "any" && label.Type != (string)shape["type"]!)
        {
            throw new ArgumentException($"Label '{labelName}' has type {label.Type}; CVAT's UI does not offer it for a {shape["type"]} shape.", nameof(labelName));
        }

        shape["label_id"] = label.Id;
        shape["attributes"] = CvatFakeShapeValidation.Defaults(label);
    });

    /// <summary>The annotator sets one attribute of a shape, by the attribute's name; the value must be one the spec accepts.</summary>
    public void SetAttribute(long jobId, long shapeId, string attributeName, string value) => Edit(jobId, shapeId, (shape, jobLabels) =>
    {
        var label = jobLabels.First(l => l.Id == (long)shape["label_id"]!);
        var spec = label.Attributes.FirstOrDefault(a => a.Spec.Name == attributeName)
            ?? throw new KeyNotFoundException($"Label '{label.Name}' has no attribute '{attributeName}'.");
        if (!CvatFakeAttributeValues.Accepts(spec.Spec.InputType, spec.Spec.Values, value))
        {
            throw new ArgumentException($"'{value}' is not a valid value for the {spec.Spec.InputType} attribute '{attributeName}'.", nameof(value));
        }

        var attributes = shape["attributes"]!.AsArray();
        if (attributes.FirstOrDefault(a => (long)a!["spec_id"]! == spec.Id) is JsonObject existing)
        {
            existing["value"] = value;
        }
        else
        {
            attributes.Add(new JsonObject { ["spec_id"] = spec.Id, ["value"] = value });
        }
    });

    /// <summary>The annotator deletes a shape.</summary>
    public void DeleteShape(long jobId, long shapeId) => Locked(() =>
    {
        var job = EditedJob(jobId);
        if (job.Shapes.RemoveAll(s => (long)s["id"]! == shapeId) == 0)
        {
            throw new KeyNotFoundException(string.Create(CultureInfo.InvariantCulture, $"Job {jobId} has no shape {shapeId}."));
        }

        Saved(job);
        return true;
    });

    /// <summary>The annotator drags a shape's first point to (<paramref name="x"/>, <paramref name="y"/>), inside the image or not (not for masks, whose values are runs).</summary>
    public void MoveShape(long jobId, long shapeId, double x, double y) => Edit(jobId, shapeId, (shape, _) =>
    {
        if ((string)shape["type"]! == "mask")
        {
            throw new ArgumentException("A mask has no points to drag.", nameof(shapeId));
        }

        var points = shape["points"]!.AsArray();
        points[0] = x;
        points[1] = y;
    });

    /// <summary>The annotator clicks a new point on <paramref name="frame"/> with <paramref name="labelName"/>; answers its id.</summary>
    public long AddPoint(long jobId, int frame, string labelName, double x, double y) => Locked(() =>
    {
        var job = EditedJob(jobId);
        if (frame < job.StartFrame || frame > job.StopFrame)
        {
            throw new ArgumentOutOfRangeException(nameof(frame), frame, $"Job {jobId} has frames {job.StartFrame}..{job.StopFrame}.");
        }

        var label = LabelsOf(tasks[job.TaskId]).FirstOrDefault(l => l.Name == labelName)
            ?? throw new KeyNotFoundException($"Job {jobId} has no label '{labelName}'.");
        long id = ++lastObject;
        job.Shapes.Add(new JsonObject
        {
            ["id"] = id,
            ["label_id"] = label.Id,
            ["type"] = "points",
            ["frame"] = (long)frame,
            ["group"] = 0L,
            ["source"] = "manual",
            ["occluded"] = false,
            ["outside"] = false,
            ["z_order"] = 0L,
            ["rotation"] = 0.0,
            ["points"] = new JsonArray(x, y),
            ["attributes"] = CvatFakeShapeValidation.Defaults(label),
            ["elements"] = new JsonArray(),
        });
        Saved(job);
        return id;
    });

    private JsonObject AnnotationsJson(FakeJob job)
    {
        var jobLabels = LabelsOf(tasks[job.TaskId]).ToList();
        return new JsonObject
        {
            ["version"] = job.Version,
            ["tags"] = new JsonArray([.. ByFrame(job.Tags).Select(t => (JsonNode?)Extended(t, jobLabels))]),
            ["shapes"] = new JsonArray([.. ByFrame(job.Shapes).Select(s => (JsonNode?)Extended(s, jobLabels))]),
            ["tracks"] = new JsonArray(),
        };
    }

    private static IEnumerable<JsonObject> ByFrame(List<JsonObject> rows) => rows.OrderBy(r => (long)r["frame"]!).ThenBy(r => (long)r["id"]!);

    private static JsonObject Extended(JsonObject row, IReadOnlyList<FakeLabel> jobLabels)
    {
        var copy = row.DeepClone().AsObject();
        var label = jobLabels.First(l => l.Id == (long)row["label_id"]!);
        var attributes = copy["attributes"]!.AsArray();
        foreach (var spec in label.Attributes.Where(a => !attributes.Any(v => (long)v!["spec_id"]! == a.Id)))
        {
            attributes.Add(new JsonObject { ["spec_id"] = spec.Id, ["value"] = spec.Spec.DefaultValue });
        }

        return copy;
    }

    private static List<string> UnknownIds(FakeJob job, CvatFakeAnnotations input, string? action)
    {
        var problems = new List<string>();
        Check(input.Tags, job.Tags, "tags");
        Check(input.Shapes, job.Shapes, "shapes");
        return problems;

        void Check(IReadOnlyList<JsonObject> given, List<JsonObject> stored, string field)
        {
            for (int i = 0; i < given.Count; i++)
            {
                if ((long?)given[i]["id"] is long id && !stored.Any(s => (long)s["id"]! == id))
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"{field}[{i}].id: job {job.Id} has no object {id} to {action ?? "keep"}"));
                }
            }
        }
    }

    private void Assign(List<JsonObject> rows)
    {
        foreach (var row in rows.Where(r => r["id"] is null))
        {
            row["id"] = ++lastObject;
        }
    }

    private static void Replace(List<JsonObject> stored, List<JsonObject> updated)
    {
        foreach (var row in updated)
        {
            int at = stored.FindIndex(s => (long)s["id"]! == (long)row["id"]!);
            stored[at] = row.DeepClone().AsObject();
        }
    }

    private void Edit(long jobId, long shapeId, Action<JsonObject, IReadOnlyList<FakeLabel>> edit) => Locked(() =>
    {
        var job = EditedJob(jobId);
        var shape = job.Shapes.FirstOrDefault(s => (long)s["id"]! == shapeId)
            ?? throw new KeyNotFoundException(string.Create(CultureInfo.InvariantCulture, $"Job {jobId} has no shape {shapeId}."));
        edit(shape, LabelsOf(tasks[job.TaskId]).ToList());
        Saved(job);
        return true;
    });

    private FakeJob EditedJob(long jobId) =>
        jobs.TryGetValue(jobId, out var job) ? job : throw new KeyNotFoundException(string.Create(CultureInfo.InvariantCulture, $"No job {jobId}."));

    private void Saved(FakeJob job)
    {
        job.Version++;
        TouchLocked(job);
    }
}
