using System.Text.Json.Nodes;

namespace Alc.Client.Tests.LabelStudio;

/// <summary>
/// The contract fake's database: projects, their tasks (with predictions and annotations), webhooks and ML backends as
/// the JSON rows Label Studio serializes, with ids counted from 1 per kind as a fresh Label Studio gives them.
/// Every read hands out deep copies, so a test never sees a row change under it.
/// </summary>
internal sealed class LabelStudioStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<long, JsonObject> projects = [];
    private readonly Dictionary<long, List<JsonObject>> tasks = [];
    private readonly List<JsonObject> webhooks = [];
    private readonly List<JsonObject> mlBackends = [];
    private long lastTask;
    private long lastPrediction;

    /// <summary>Every project.</summary>
    public IReadOnlyList<JsonObject> Projects() => Locked(() => projects.Values.Select(Copy).ToList());

    /// <summary>The project, or null.</summary>
    public JsonObject? Project(long id) => Locked(() => projects.TryGetValue(id, out var p) ? Copy(p) : null);

    /// <summary>The tasks of a project, in import order.</summary>
    public IReadOnlyList<JsonObject> Tasks(long project) => Locked(() => tasks.GetValueOrDefault(project, []).Select(Copy).ToList());

    /// <summary>Every webhook, as stored.</summary>
    public IReadOnlyList<JsonObject> Webhooks() => Locked(() => webhooks.Select(Copy).ToList());

    /// <summary>Every ML backend, as stored (with its password, which Label Studio's answers leave out).</summary>
    public IReadOnlyList<JsonObject> MlBackends() => Locked(() => mlBackends.Select(Copy).ToList());

    /// <summary>Stores a project from its validated fields and answers the row.</summary>
    public JsonObject AddProject(JsonObject fields) => Locked(() =>
    {
        var row = Copy(fields);
        row["id"] = projects.Count + 1L;
        row["created_at"] = DateTimeOffset.UtcNow.ToString("O");
        projects[(long)row["id"]!] = row;
        tasks[(long)row["id"]!] = [];
        return Counted(row);
    });

    /// <summary>Overwrites the given fields of a project; null when it does not exist.</summary>
    public JsonObject? UpdateProject(long id, JsonObject fields) => Locked(() =>
    {
        if (!projects.TryGetValue(id, out var row))
        {
            return null;
        }

        foreach (var (key, value) in fields)
        {
            row[key] = value?.DeepClone();
        }

        return Counted(row);
    });

    /// <summary>Appends validated tasks (<c>{data, predictions?, annotations?}</c>) to a project, giving them ids; answers how many predictions came with them.</summary>
    public int AddTasks(long project, IEnumerable<JsonObject> imported) => Locked(() =>
    {
        int predictions = 0;
        foreach (var task in imported)
        {
            long id = ++lastTask;
            var stored = new JsonObject
            {
                ["id"] = id,
                ["project"] = project,
                ["data"] = task["data"]!.DeepClone(),
                ["annotations"] = task["annotations"]?.DeepClone() ?? new JsonArray(),
                ["predictions"] = new JsonArray(),
            };
            foreach (var prediction in task["predictions"]?.AsArray() ?? [])
            {
                var p = prediction!.DeepClone().AsObject();
                p["id"] = ++lastPrediction;
                p["task"] = id;
                stored["predictions"]!.AsArray().Add(p);
                predictions++;
            }

            tasks[project].Add(stored);
        }

        return predictions;
    });

    /// <summary>Stores a webhook and answers the row.</summary>
    public JsonObject AddWebhook(JsonObject fields) => Locked(() => Add(webhooks, fields));

    /// <summary>Stores an ML backend and answers the row.</summary>
    public JsonObject AddMlBackend(JsonObject fields) => Locked(() => Add(mlBackends, fields));

    private static JsonObject Add(List<JsonObject> rows, JsonObject fields)
    {
        var row = Copy(fields);
        row["id"] = rows.Count + 1L;
        row["created_at"] = DateTimeOffset.UtcNow.ToString("O");
        rows.Add(row);
        return Copy(row);
    }

    private JsonObject Counted(JsonObject row)
    {
        var answer = Copy(row);
        answer["task_number"] = tasks.GetValueOrDefault((long)row["id"]!, []).Count;
        return answer;
    }

    private static JsonObject Copy(JsonObject row) => row.DeepClone().AsObject();

    private T Locked<T>(Func<T> read)
    {
        lock (gate)
        {
            return read();
        }
    }
}
