using System.Globalization;
using System.Text.Json.Nodes;

namespace Alc.Engine.Server.Tests.Cvat.Fake;

/// <summary>
/// Task data: <c>POST /api/tasks/{id}/data</c> becomes a background request (<c>GET /api/requests/{rq_id}</c>) that
/// reads <c>started</c> on its first poll and <c>finished</c> or <c>failed</c> from the second on; only when it has
/// finished does the task get its frames and its one job covering them all (stage <c>annotation</c>, state
/// <c>new</c>), so a client that does not poll sees no data. A task takes data once: while its upload runs and after it
/// finished, more is refused; after a failed one it may be retried, as CVAT refuses only once the data has frames. The rq id follows CVAT's current RequestId format
/// (<c>action=create&amp;target=task&amp;target_id=N</c>), which a client must percent-encode in the path.
/// </summary>
internal sealed partial class CvatFakeStore
{
    /// <summary>The chunk size the fake reports (CVAT derives one from the image resolution).</summary>
    public const int ChunkSize = 36;

    private readonly Dictionary<string, FakeRequest> requests = new(StringComparer.Ordinal);
    private long lastData;

    /// <summary>Every request, in the order they were made, as <c>GET /api/requests/{id}</c> shows it (without polling it).</summary>
    public IReadOnlyList<JsonObject> Requests() => Locked(() => requests.Values.Select(RequestJson).ToList());

    /// <summary>Why <paramref name="taskId"/> cannot take data (an upload runs or finished): null when it can, <c>"missing"</c> when there is no such task, else CVAT's message.</summary>
    public string? DataRefusal(long taskId) => Locked(() =>
        !tasks.TryGetValue(taskId, out var task) ? "missing" : task.UploadRequest is not null ? "Adding more data is not supported" : null);

    /// <summary>
    /// Queues the upload of <paramref name="files"/> (name, bytes) to a task that can take data, sorted by
    /// <paramref name="sortingMethod"/> (<c>lexicographical</c>: by name, ordinal as Python's <c>sorted</c>;
    /// <c>predefined</c>: as given). A file whose header is not PNG or JPEG makes the request fail. Answers the rq id.
    /// </summary>
    public string StartUpload(long taskId, int imageQuality, string sortingMethod, IReadOnlyList<(string Name, byte[] Bytes)> files) => Locked(() =>
    {
        var task = tasks[taskId];
        var frames = new List<CvatFakeFrame>();
        string? failure = null;
        foreach (var (name, bytes) in files)
        {
            if (FakeImageHeader.Read(bytes) is not var (width, height))
            {
                failure ??= $"Unsupported media: '{name}' is not a PNG or JPEG image (the contract fake reads PNG IHDR and JPEG SOF headers)";
                continue;
            }

            frames.Add(new CvatFakeFrame(name, width, height, bytes));
        }

        if (sortingMethod == "lexicographical")
        {
            frames.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        }

        string id = string.Create(CultureInfo.InvariantCulture, $"action=create&target=task&target_id={taskId}");
        task.UploadRequest = id;
        task.ImageQuality = imageQuality;
        requests[id] = new FakeRequest
        {
            Id = id,
            TaskId = taskId,
            ProjectId = task.ProjectId,
            OwnerId = TokenUser.Id,
            Created = clock.Next(),
            Frames = failure is null ? frames : [],
            Failure = failure,
        };
        return id;
    });

    /// <summary>Reads a request as a client polling it does, advancing it (started, then finished or failed); null when unknown.</summary>
    public JsonObject? Poll(string id) => Locked(() =>
    {
        if (!requests.TryGetValue(id, out var request))
        {
            return null;
        }

        request.Polls++;
        if (request.Polls == 1)
        {
            request.Status = "started";
            request.Started = clock.Next();
        }
        else if (request.Status == "started")
        {
            request.Finished = clock.Next();
            request.Status = request.Failure is null ? "finished" : "failed";
            if (request.Failure is null)
            {
                AttachData(tasks[request.TaskId], request.Frames);
            }
            else
            {
                // CVAT refuses more data only once the task's data has frames (size != 0): a failed upload may be retried.
                tasks[request.TaskId].UploadRequest = null;
            }
        }

        return RequestJson(request);
    });

    /// <summary><c>GET /api/tasks/{id}/data/meta</c>; null when the task does not exist or has no data yet.</summary>
    public JsonObject? TaskMeta(long taskId) => Locked(() =>
        tasks.TryGetValue(taskId, out var task) && task.DataId is not null ? Meta(task, 0, task.Frames.Count - 1) : null);

    /// <summary><c>GET /api/jobs/{id}/data/meta</c>: the task's meta narrowed to the job's frames; null when the job does not exist.</summary>
    public JsonObject? JobMeta(long jobId) => Locked(() =>
        jobs.TryGetValue(jobId, out var job) ? Meta(tasks[job.TaskId], job.StartFrame, job.StopFrame) : null);

    private void AttachData(FakeTask task, IReadOnlyList<CvatFakeFrame> frames)
    {
        task.Frames.AddRange(frames);
        task.DataId = ++lastData;
        string now = clock.Next();
        task.Updated = now;
        var job = new FakeJob { Id = ++lastJob, TaskId = task.Id, StartFrame = 0, StopFrame = frames.Count - 1, Created = now, Updated = now };
        jobs[job.Id] = job;
    }

    // DataMetaReadSerializer; FrameMetaSerializer adds has_related_context for clients of CVAT 2.3.
    private static JsonObject Meta(FakeTask task, int start, int stop) => new()
    {
        ["chunk_size"] = ChunkSize,
        ["size"] = stop - start + 1,
        ["image_quality"] = task.ImageQuality,
        ["start_frame"] = start,
        ["stop_frame"] = stop,
        ["frame_filter"] = "",
        ["frames"] = new JsonArray([.. task.Frames.Skip(start).Take(stop - start + 1).Select(f => (JsonNode?)new JsonObject
        {
            ["width"] = f.Width,
            ["height"] = f.Height,
            ["name"] = f.Name,
            ["related_files"] = 0,
            ["has_related_context"] = false,
        })]),
        ["deleted_frames"] = new JsonArray(),
        ["included_frames"] = null,
    };

    // RequestSerializer of CVAT's requests API.
    private JsonObject RequestJson(FakeRequest request) => new()
    {
        ["id"] = request.Id,
        ["status"] = request.Status,
        ["message"] = request.Status == "failed" ? request.Failure : "",
        ["operation"] = new JsonObject
        {
            ["target"] = "task",
            ["type"] = "create:task",
            ["project_id"] = request.ProjectId,
            ["task_id"] = request.TaskId,
            ["job_id"] = null,
            ["format"] = null,
            ["function_id"] = null,
        },
        ["progress"] = request.Status == "finished" ? 1.0 : 0.0,
        ["created_date"] = request.Created,
        ["started_date"] = request.Started,
        ["finished_date"] = request.Finished,
        ["expiry_date"] = null,
        ["owner"] = new JsonObject { ["id"] = request.OwnerId, ["username"] = users.First(u => u.Id == request.OwnerId).Username },
        ["result_url"] = null,
        ["result_id"] = null,
    };
}
