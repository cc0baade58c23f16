using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alc.Campaigns.Leases;
using Alc.Campaigns.Projects;
using Alc.Engine.Server.Apis;
using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Problems;
using Alc.Integrations.Cvat.Masks;
using Alc.Integrations.Cvat.Rest;
using Alc.Integrations.Cvat.Tasks;
using Alc.Storage;
using Alc.Storage.Datasets;
using Alc.Storage.Projects;
using Alc.Storage.Queries;

namespace Alc.Engine.Server.Integrations.Cvat;

/// <summary>
/// Puts a project's querying round into CVAT: the engine project's CVAT project (its classes as labels, plus the region
/// layer's label), a task for the round with one frame per unanswered query (the query's whole image, so coordinates and
/// context are the engine's), a point and a region mask on each frame, and the project's <c>update:job</c> webhook.
/// Every step first looks for what an earlier push made, so a push interrupted at any step is finished by the next one
/// and a repeated push creates nothing.
/// </summary>
internal sealed class CvatPush(CvatConnection connection, ProjectRepository projects, DatasetRepository datasets, LeaseBook leases, QueryRepository queries,
    CampaignStates states, BlobStore blobs)
{
    // Two pushes of one project at once would both create the task.
    private readonly ConcurrentDictionary<long, SemaphoreSlim> _gates = new();

    /// <summary>Runs the push.</summary>
    /// <param name="projectId">The engine project.</param>
    /// <param name="engineUrl">The engine's URL as CVAT reaches it (no trailing slash).</param>
    /// <param name="cancellationToken">Cancels the push between steps.</param>
    /// <exception cref="ApiProblemException">409 when CVAT is not configured, no round is querying, or the CVAT project lacks labels.</exception>
    /// <exception cref="CvatException">CVAT refused a call or could not be reached (502).</exception>
    public async Task<CvatPushDto> RunAsync(long projectId, string engineUrl, CancellationToken cancellationToken)
    {
        var cvat = connection.Client();
        if (connection.Options.WebhookSecret.Length == 0)
        {
            throw ApiProblemException.Conflict("Set ALC_CVAT__WEBHOOKSECRET before pushing: the engine only accepts webhook deliveries CVAT signed with it.");
        }

        var gate = _gates.GetOrAdd(projectId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await PushAsync(cvat, projectId, engineUrl, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<CvatPushDto> PushAsync(CvatClient cvat, long projectId, string engineUrl, CancellationToken cancellationToken)
    {
        var project = Resolve.Project(projects, projectId);
        var round = leases.QueryingRound(projectId) ?? throw ApiProblemException.Conflict(
            $"Project {projectId} has no querying round: start one (POST /projects/{projectId}/rounds) and push when its job has succeeded.");
        var names = datasets.Classes(project.DatasetId).Select(c => c.Name).ToList();
        if (names.FirstOrDefault(CorrectionLabels.Reserved.Contains) is { } clash)
        {
            throw ApiProblemException.Conflict($"The dataset has a class named \"{clash}\", a label the CVAT bridge reserves; rename the class.");
        }

        var rows = queries.ForRound(round.Id).ToDictionary(q => q.Id);
        var cvatProject = await cvat.FindProjectAsync(QueryFrames.ProjectName(projectId), cancellationToken);
        bool createdProject = cvatProject is null;
        cvatProject ??= await cvat.CreateProjectAsync(QueryFrames.ProjectName(projectId), CorrectionLabels.Specs(names), cancellationToken);
        var labels = await cvat.LabelsAsync("project_id", cvatProject.Id, cancellationToken);
        if (CorrectionLabels.Missing(names, labels) is { Count: > 0 } missing)
        {
            throw ApiProblemException.Conflict($"CVAT project {cvatProject.Id} ({cvatProject.Name}) lacks the labels {string.Join(", ", missing.Select(m => $"\"{m}\""))}: " +
                "add them (with the query text and unsure checkbox attributes), or delete the CVAT project and push again.");
        }

        string taskName = QueryFrames.TaskName(projectId, round.Number);
        var task = await cvat.FindTaskAsync(cvatProject.Id, taskName, cancellationToken);
        bool createdTask = task is null;
        task ??= await cvat.CreateTaskAsync(cvatProject.Id, taskName, cancellationToken);
        if (task.Size == 0)
        {
            var book = leases.For(round);
            var asked = rows.Values.Where(q => !q.Answered && book.Find(q.Id) is not null).OrderBy(q => q.Id).ToList();
            if (asked.Count == 0)
            {
                throw ApiProblemException.Conflict($"Round {round.Number} of project {projectId} has no unanswered query to push.");
            }

            await cvat.UploadAsync(task.Id, [.. asked.Select(Frame)], connection.Options.ImageQuality,
                TimeSpan.FromSeconds(connection.Options.UploadTimeoutSeconds), cancellationToken);
        }

        var state = states.Get(projectId);
        var jobIds = new List<long>();
        int frames = 0, added = 0;
        foreach (var job in await cvat.JobsAsync(task.Id, cancellationToken))
        {
            long jobId = job.GetProperty("id").GetInt64();
            jobIds.Add(jobId);
            var jobFrames = await cvat.FramesAsync(jobId, cancellationToken);
            frames += jobFrames.Count;
            var annotations = await cvat.AnnotationsAsync(jobId, cancellationToken);
            if (annotations.GetProperty("shapes").GetArrayLength() > 0 || annotations.GetProperty("tracks").GetArrayLength() > 0)
            {
                continue;
            }

            var shapes = new JsonArray();
            foreach (var frame in jobFrames)
            {
                if (QueryFrames.QueryOf(frame.Name) is long id && rows.TryGetValue(id, out var query))
                {
                    foreach (var shape in Shapes(frame, query, state, labels))
                    {
                        shapes.Add(shape);
                    }
                }
            }

            if (shapes.Count > 0)
            {
                await cvat.CreateShapesAsync(jobId, shapes, cancellationToken);
                added += shapes.Count;
            }
        }

        string target = $"{engineUrl}{CvatApi.PrefixOf(projectId)}/webhook";
        bool webhook = !(await cvat.WebhooksAsync(cvatProject.Id, cancellationToken)).Any(h => h.TryGetProperty("target_url", out var url)
            && url.ValueKind == JsonValueKind.String && string.Equals(url.GetString()!.TrimEnd('/'), target, StringComparison.Ordinal));
        if (webhook)
        {
            await cvat.CreateWebhookAsync(cvatProject.Id, target, connection.Options.WebhookSecret, cancellationToken);
        }

        return new CvatPushDto(round.Number, cvatProject.Id, task.Id, $"{cvat.BaseUrl}tasks/{task.Id}", jobIds, frames, createdProject, createdTask, added, webhook, target);
    }

    // The query's image as stored (PNG or JPEG), named after the query.
    private CvatUpload Frame(QueryRow query)
    {
        var project = projects.Get(query.ProjectId)!;
        var image = datasets.Image(project.DatasetId, query.ImageId) ?? throw ApiProblemException.NotFound($"Image {query.ImageId}");
        byte[] photo = blobs.Get(image.ImageBlob);
        string extension = PhotoResponse.Extension(photo);
        return new CvatUpload(QueryFrames.Name(query.Id, extension), photo);
    }

    // The point with the shown label, and the region mask under it (none when the region is empty).
    private IEnumerable<JsonObject> Shapes(CvatFrame frame, QueryRow query, CampaignState state, IReadOnlyList<CvatLabel> labels)
    {
        var image = state.ById[query.ImageId];
        string shown = query.ShownLabel < state.Classes.Count ? state.Classes[query.ShownLabel].Name : CorrectionLabels.Unlabelled;
        yield return QueryShapes.Point(frame.Number, labels.First(l => l.Name == shown), query.Pixel % image.Width, query.Pixel / image.Width, query.Id);
        var covers = QueryCoverage.Mask(query, state, blobs);
        if (CvatMaskRle.Encode([.. covers.Select(c => c != 0)], image.Width, image.Height) is { } rle)
        {
            yield return QueryShapes.Region(frame.Number, labels.First(l => l.Name == CorrectionLabels.Region), rle);
        }
    }
}
