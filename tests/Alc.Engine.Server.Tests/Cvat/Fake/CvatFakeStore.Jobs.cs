using System.Text.Json.Nodes;

namespace Alc.Engine.Server.Tests.Cvat.Fake;

/// <summary>A job save and whom CVAT would tell: the job before and after (as JobReadSerializer shows it), the user who saved it, and the webhooks subscribed.</summary>
/// <param name="Before">The job before the save.</param>
/// <param name="After">The job after it.</param>
/// <param name="Sender">The saving user, as BasicUserSerializer shows one.</param>
/// <param name="Webhooks">The active webhooks of the job's project subscribed to <c>update:job</c>, by id.</param>
internal sealed record CvatFakeJobSave(JsonObject Before, JsonObject After, JsonObject Sender, IReadOnlyList<CvatFakeHook> Webhooks);

/// <summary>
/// Jobs: their JSON (CVAT 2.x JobReadSerializer's fields, in its order) and their saves. A state or stage change
/// follows JobWriteSerializer.update: a stage change without a state resets the state to <c>new</c>, and the status
/// follows (stage annotation → annotation; acceptance and completed → completed; otherwise validation). Every save
/// stamps <c>updated_date</c>, as Django's <c>auto_now</c> does, which is why a job's <c>update:job</c> always lists
/// <c>updated_date</c> among the changed fields.
/// </summary>
internal sealed partial class CvatFakeStore
{
    /// <summary>The job states.</summary>
    public static readonly IReadOnlyList<string> JobStates = ["new", "in progress", "rejected", "completed"];

    /// <summary>The job stages.</summary>
    public static readonly IReadOnlyList<string> JobStages = ["annotation", "validation", "acceptance"];

    private readonly SortedDictionary<long, FakeJob> jobs = [];
    private long lastJob;

    /// <summary>Every job, by id.</summary>
    public IReadOnlyList<JsonObject> Jobs() => Locked(() => jobs.Values.Select(JobJson).ToList());

    /// <summary>The job as <c>GET /api/jobs/{id}</c> shows it, or null.</summary>
    public JsonObject? Job(long id) => Locked(() => jobs.TryGetValue(id, out var job) ? JobJson(job) : null);

    /// <summary>
    /// Saves a job's <paramref name="state"/> and/or <paramref name="stage"/> (null: unchanged) as
    /// <paramref name="username"/>; null when the job does not exist.
    /// </summary>
    public CvatFakeJobSave? SaveJob(long jobId, string? state, string? stage, string username) => Locked(() =>
    {
        if (!jobs.TryGetValue(jobId, out var job))
        {
            return null;
        }

        var before = JobJson(job);
        if (state is not null || stage is not null)
        {
            string newStage = stage ?? job.Stage;
            string newState = state ?? (newStage != job.Stage ? "new" : job.State);
            job.Status = newStage == "annotation" ? "annotation" : newStage == "acceptance" && newState == "completed" ? "completed" : "validation";
            job.Stage = newStage;
            job.State = newState;
        }

        job.Updated = clock.Next();
        return new CvatFakeJobSave(before, JobJson(job), UserJson(UserLocked(username)), HooksFor(tasks[job.TaskId].ProjectId, CvatWebhookEvents.UpdateJob));
    });

    /// <summary>What an annotation write to the job may refer to; null when the job does not exist.</summary>
    public CvatFakeJobScope? Scope(long jobId) => Locked(() =>
    {
        if (!jobs.TryGetValue(jobId, out var job))
        {
            return null;
        }

        var task = tasks[job.TaskId];
        return new CvatFakeJobScope(job.Id, job.StartFrame, job.StopFrame, LabelsOf(task).ToList(), task.Frames.ToList());
    });

    // CVAT 2.x JobReadSerializer.
    private JsonObject JobJson(FakeJob job)
    {
        var task = tasks[job.TaskId];
        return new JsonObject
        {
            ["url"] = Url($"api/jobs/{job.Id}"),
            ["id"] = job.Id,
            ["task_id"] = job.TaskId,
            ["project_id"] = task.ProjectId,
            ["assignee"] = null,
            ["guide_id"] = null,
            ["dimension"] = "2d",
            ["bug_tracker"] = null,
            ["status"] = job.Status,
            ["stage"] = job.Stage,
            ["state"] = job.State,
            ["mode"] = "annotation",
            ["frame_count"] = job.StopFrame - job.StartFrame + 1,
            ["start_frame"] = job.StartFrame,
            ["stop_frame"] = job.StopFrame,
            ["data_chunk_size"] = ChunkSize,
            ["data_compressed_chunk_type"] = "imageset",
            ["created_date"] = job.Created,
            ["updated_date"] = job.Updated,
            ["issues"] = new JsonObject { ["url"] = Url($"api/issues?job_id={job.Id}"), ["count"] = 0 },
            ["labels"] = new JsonObject { ["url"] = Url($"api/labels?job_id={job.Id}") },
            ["type"] = "annotation",
            ["organization"] = null,
            ["target_storage"] = null,
            ["source_storage"] = null,
        };
    }

    // CVAT's JobAnnotation._set_updated_date: an annotation write touches the job, its task and its project.
    private void TouchLocked(FakeJob job)
    {
        string now = clock.Next();
        job.Updated = now;
        var task = tasks[job.TaskId];
        task.Updated = now;
        if (task.ProjectId is long p)
        {
            projects[p].Updated = now;
        }
    }
}
