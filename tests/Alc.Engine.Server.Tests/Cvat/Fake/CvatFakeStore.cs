using System.Text.Json.Nodes;

namespace Alc.Engine.Server.Tests.Cvat.Fake;

/// <summary>
/// The contract fake's database, behind one lock: users, projects, tasks (with their frames), labels and attribute
/// specs, jobs with their annotations, webhooks and background requests. Ids count from 1 per kind, as a fresh CVAT
/// gives them (labels, attribute specs and annotation objects share one counter each across projects and jobs, as
/// CVAT's tables do). Every read hands out fresh JSON in the shape CVAT's read serializers give it — the same objects
/// the REST answers and webhook payloads carry, re-parsed from their rendering as a client would hold them — so a test
/// never sees a row change under it and can compare a webhook's <c>job</c> with <see cref="Job"/> directly. This file holds the users, projects, tasks and labels; the other parts
/// of the class hold data uploads, jobs, annotations and webhooks.
/// </summary>
internal sealed partial class CvatFakeStore
{
    /// <summary>The username of the user the API token belongs to.</summary>
    public const string TokenUsername = "alc-engine";

    private static readonly string[] Palette =
        ["#33ddff", "#fa3253", "#34d1b7", "#ff007c", "#ff6037", "#ddff33", "#24b353", "#b83df5", "#66ff66", "#32b7fa", "#ffcc33", "#83e070"];

    private readonly Lock gate = new();
    private readonly CvatFakeClock clock = new();
    private readonly List<FakeUser> users = [new FakeUser(1, TokenUsername)];
    private readonly SortedDictionary<long, FakeProject> projects = [];
    private readonly SortedDictionary<long, FakeTask> tasks = [];
    private readonly List<FakeLabel> labels = [];
    private long lastProject;
    private long lastTask;
    private long lastLabel;
    private long lastAttribute;

    /// <summary>The address every <c>url</c> field starts with, <c>http://127.0.0.1:{port}/</c>; set when the fake has started.</summary>
    public Uri BaseUrl { get; internal set; } = new("http://127.0.0.1/");

    /// <summary>The API token's user.</summary>
    public FakeUser TokenUser => users[0];

    /// <summary>Every project, by id.</summary>
    public IReadOnlyList<JsonObject> Projects() => Locked(() => projects.Values.Select(ProjectJson).ToList());

    /// <summary>The project, or null.</summary>
    public JsonObject? Project(long id) => Locked(() => projects.TryGetValue(id, out var p) ? ProjectJson(p) : null);

    /// <summary>Every task, by id.</summary>
    public IReadOnlyList<JsonObject> Tasks() => Locked(() => tasks.Values.Select(TaskJson).ToList());

    /// <summary>The task, or null.</summary>
    public JsonObject? Task(long id) => Locked(() => tasks.TryGetValue(id, out var t) ? TaskJson(t) : null);

    /// <summary>A task's frames in frame order (empty until its upload finished).</summary>
    public IReadOnlyList<CvatFakeFrame> Frames(long taskId) => Locked(() => tasks.TryGetValue(taskId, out var t) ? t.Frames.ToList() : []);

    /// <summary>Every label, by id.</summary>
    public IReadOnlyList<JsonObject> Labels() => Locked(() => labels.Select(LabelJson).ToList());

    /// <summary>The labels filtered as <c>GET /api/labels</c> filters them: a task's are its project's when it has one, a job's are its task's.</summary>
    public IReadOnlyList<JsonObject>? LabelsFor(long? projectId, long? taskId, long? jobId) => Locked<IReadOnlyList<JsonObject>?>(() =>
    {
        IEnumerable<FakeLabel> selected = labels;
        if (jobId is long j)
        {
            if (!jobs.TryGetValue(j, out var job))
            {
                return [];
            }

            taskId ??= job.TaskId;
            if (taskId != job.TaskId)
            {
                return [];
            }
        }

        if (taskId is long t)
        {
            selected = tasks.TryGetValue(t, out var task) ? LabelsOf(task) : [];
        }

        if (projectId is long p)
        {
            selected = selected.Where(l => l.ProjectId == p);
        }

        return selected.Select(LabelJson).ToList();
    });

    /// <summary>The user with <paramref name="username"/>, created on first use (an annotator logging in).</summary>
    public FakeUser User(string username) => Locked(() => UserLocked(username));

    /// <summary>Stores a project with its labels; answers it as <c>GET /api/projects/{id}</c> does.</summary>
    public JsonObject AddProject(string name, IReadOnlyList<CvatFakeLabelSpec> specs) => Locked(() =>
    {
        string now = clock.Next();
        var project = new FakeProject { Id = ++lastProject, Name = name, OwnerId = TokenUser.Id, Created = now, Updated = now };
        projects[project.Id] = project;
        AddLabels(specs, project.Id, null);
        return ProjectJson(project);
    });

    /// <summary>Stores a task (in <paramref name="projectId"/>, or with its own labels); null when the project does not exist.</summary>
    public JsonObject? AddTask(string name, long? projectId, IReadOnlyList<CvatFakeLabelSpec> specs) => Locked(() =>
    {
        if (projectId is long p && !projects.ContainsKey(p))
        {
            return null;
        }

        string now = clock.Next();
        var task = new FakeTask { Id = ++lastTask, Name = name, ProjectId = projectId, OwnerId = TokenUser.Id, Created = now, Updated = now };
        tasks[task.Id] = task;
        AddLabels(specs, null, task.Id);
        return TaskJson(task);
    });

    // Runs under the lock, then hands JSON out as a client would hold it: re-parsed from its DRF rendering, so numbers
    // read with any numeric cast and floats stay floats.
    private T Locked<T>(Func<T> read)
    {
        T result;
        lock (gate)
        {
            result = read();
        }

        return result switch
        {
            JsonObject row => (T)(object)Published(row),
            IReadOnlyList<JsonObject> rows => (T)(object)rows.Select(Published).ToList(),
            CvatFakeJobSave save => (T)(object)(save with { Before = Published(save.Before), After = Published(save.After), Sender = Published(save.Sender) }),
            _ => result,
        };
    }

    private static JsonObject Published(JsonObject row) => JsonNode.Parse(PythonJson.DumpsCompact(row))!.AsObject();

    private FakeUser UserLocked(string username)
    {
        var user = users.FirstOrDefault(u => u.Username == username);
        if (user is null)
        {
            user = new FakeUser(users.Count + 1, username);
            users.Add(user);
        }

        return user;
    }

    private void AddLabels(IReadOnlyList<CvatFakeLabelSpec> specs, long? projectId, long? taskId)
    {
        int used = labels.Count(l => l.ProjectId == projectId && l.TaskId == taskId);
        foreach (var spec in specs)
        {
            var attributes = spec.Attributes.Select(a => new FakeAttribute(++lastAttribute, a)).ToList();
            string color = spec.Color ?? Palette[used++ % Palette.Length];
            labels.Add(new FakeLabel(++lastLabel, spec.Name, color, spec.Type, projectId, taskId, attributes));
        }
    }

    private IEnumerable<FakeLabel> LabelsOf(FakeTask task) =>
        task.ProjectId is long p ? labels.Where(l => l.ProjectId == p) : labels.Where(l => l.TaskId == task.Id);

    private string Url(string path) => new Uri(BaseUrl, path).ToString();

    private JsonObject UserJson(FakeUser user) => new()
    {
        ["url"] = Url($"api/users/{user.Id}"),
        ["id"] = user.Id,
        ["username"] = user.Username,
        ["first_name"] = "",
        ["last_name"] = "",
    };

    private JsonObject ProjectJson(FakeProject project) => new()
    {
        ["url"] = Url($"api/projects/{project.Id}"),
        ["id"] = project.Id,
        ["name"] = project.Name,
        ["owner"] = UserJson(users.First(u => u.Id == project.OwnerId)),
        ["assignee"] = null,
        ["guide_id"] = null,
        ["bug_tracker"] = "",
        ["task_subsets"] = new JsonArray(),
        ["created_date"] = project.Created,
        ["updated_date"] = project.Updated,
        ["status"] = "annotation",
        ["dimension"] = tasks.Values.Any(t => t.ProjectId == project.Id) ? "2d" : null,
        ["organization"] = null,
        ["target_storage"] = null,
        ["source_storage"] = null,
        ["tasks"] = new JsonObject
        {
            ["count"] = tasks.Values.Count(t => t.ProjectId == project.Id),
            ["url"] = Url($"api/tasks?project_id={project.Id}"),
        },
        ["labels"] = new JsonObject { ["url"] = Url($"api/labels?project_id={project.Id}") },
    };

    // TaskReadSerializer; the data fields (size, image_quality, chunk sizes) are absent until the task has data, as DRF skips them.
    private JsonObject TaskJson(FakeTask task)
    {
        var taskJobs = jobs.Values.Where(j => j.TaskId == task.Id).ToList();
        bool hasData = task.DataId is not null;
        var json = new JsonObject
        {
            ["url"] = Url($"api/tasks/{task.Id}"),
            ["id"] = task.Id,
            ["name"] = task.Name,
            ["project_id"] = task.ProjectId,
            ["mode"] = hasData ? "annotation" : "",
            ["owner"] = UserJson(users.First(u => u.Id == task.OwnerId)),
            ["assignee"] = null,
            ["bug_tracker"] = "",
            ["created_date"] = task.Created,
            ["updated_date"] = task.Updated,
            ["overlap"] = hasData ? 0 : null,
            ["segment_size"] = task.Frames.Count,
            ["status"] = "annotation",
        };
        if (hasData)
        {
            json["data_chunk_size"] = ChunkSize;
            json["data_compressed_chunk_type"] = "imageset";
        }

        json["guide_id"] = null;
        if (hasData)
        {
            json["data_original_chunk_type"] = "imageset";
            json["size"] = task.Frames.Count;
            json["image_quality"] = task.ImageQuality;
            json["data"] = task.DataId;
        }

        json["dimension"] = "2d";
        json["subset"] = "";
        json["organization"] = null;
        json["target_storage"] = null;
        json["source_storage"] = null;
        json["jobs"] = new JsonObject
        {
            ["count"] = taskJobs.Count,
            ["completed"] = taskJobs.Count(j => j.Status == "completed"),
            ["validation"] = taskJobs.Count(j => j.Stage == "validation"),
            ["url"] = Url($"api/jobs?task_id={task.Id}"),
        };
        json["labels"] = new JsonObject { ["url"] = Url($"api/labels?task_id={task.Id}") };
        return json;
    }

    // LabelSerializer: project_id or task_id, whichever is set; no svg, sublabels or parent (not modeled).
    private static JsonObject LabelJson(FakeLabel label)
    {
        var json = new JsonObject
        {
            ["id"] = label.Id,
            ["name"] = label.Name,
            ["color"] = label.Color,
            ["attributes"] = new JsonArray([.. label.Attributes.Select(a => (JsonNode?)new JsonObject
            {
                ["id"] = a.Id,
                ["name"] = a.Spec.Name,
                ["mutable"] = a.Spec.Mutable,
                ["input_type"] = a.Spec.InputType,
                ["default_value"] = a.Spec.DefaultValue,
                ["values"] = new JsonArray([.. a.Spec.Values.Select(v => (JsonNode?)v)]),
            })]),
            ["type"] = label.Type,
            ["sublabels"] = new JsonArray(),
        };
        if (label.ProjectId is long p)
        {
            json["project_id"] = p;
        }

        if (label.TaskId is long t)
        {
            json["task_id"] = t;
        }

        json["parent_id"] = null;
        json["has_parent"] = false;
        return json;
    }
}
