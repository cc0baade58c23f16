using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Alc.Engine.Server.Tests.Cvat.Fake;

/// <summary>
/// Projects, tasks and labels. <c>POST /api/projects</c> takes ProjectWriteSerializer's <c>name</c> (required, at most
/// 256 characters) and <c>labels</c>; <c>POST /api/tasks</c> takes TaskWriteSerializer's <c>name</c>, <c>project_id</c>
/// and <c>labels</c>, where a task needs exactly one of labels or a project (CVAT's messages: <c>Label set or project_id
/// must be present</c>, <c>Project must have only one of Label set or project_id</c>, <c>The specified project #N does
/// not exist.</c>) and a task in a project uses the project's labels. <c>GET /api/labels</c> filters by
/// <c>project_id</c>, <c>task_id</c> (a task in a project lists the project's labels) and <c>job_id</c>.
/// </summary>
internal sealed partial class CvatFakeRoutes
{
    private void MapProjects(WebApplication app)
    {
        app.MapPost("/api/projects", (Func<HttpContext, Task<IResult>>)CreateProjectAsync);
        app.MapGet("/api/projects", (HttpContext context) =>
            TryFilter(context, "id", out long? id, out var error)
                ? CvatFakePagination.Page(context, NewestFirst(Where(Matching(context, store.Projects(), "name"), "id", id)))
                : error!);
        app.MapGet("/api/projects/{id:long}", (long id) => store.Project(id) is { } project ? CvatFakeErrors.Json(project) : CvatFakeErrors.NotFound());
        app.MapGet("/api/labels", (HttpContext context) =>
            TryFilter(context, "project_id", out long? projectId, out var error)
            && TryFilter(context, "task_id", out long? taskId, out error)
            && TryFilter(context, "job_id", out long? jobId, out error)
                ? CvatFakePagination.Page(context, store.LabelsFor(projectId, taskId, jobId)!)
                : error!);
        app.MapGet("/api/labels/{id:long}", (long id) =>
            store.Labels().FirstOrDefault(l => (long)l["id"]! == id) is { } label ? CvatFakeErrors.Json(label) : CvatFakeErrors.NotFound());
    }

    private void MapTasks(WebApplication app)
    {
        app.MapPost("/api/tasks", (Func<HttpContext, Task<IResult>>)CreateTaskAsync);
        app.MapGet("/api/tasks", (HttpContext context) =>
            TryFilter(context, "project_id", out long? projectId, out var error) && TryFilter(context, "id", out long? id, out error)
                ? CvatFakePagination.Page(context, NewestFirst(Where(Where(Matching(context, store.Tasks(), "name"), "project_id", projectId), "id", id)))
                : error!);
        app.MapGet("/api/tasks/{id:long}", (long id) => store.Task(id) is { } task ? CvatFakeErrors.Json(task) : CvatFakeErrors.NotFound());
    }

    private async Task<IResult> CreateProjectAsync(HttpContext context)
    {
        var (body, error) = await ReadObjectAsync(context);
        if (body is null)
        {
            return error!;
        }

        var fields = new CvatFakeFields(body);
        string? name = fields.String("name", maxLength: 256);
        var labels = CvatFakeLabelValidation.Read(fields, out string? saveError);
        if (!fields.Valid)
        {
            return CvatFakeErrors.Invalid(fields.Errors);
        }

        if (saveError is not null)
        {
            return CvatFakeErrors.Messages([saveError]);
        }

        return CvatFakeErrors.Json(store.AddProject(name!, labels!), StatusCodes.Status201Created);
    }

    private async Task<IResult> CreateTaskAsync(HttpContext context)
    {
        var (body, error) = await ReadObjectAsync(context);
        if (body is null)
        {
            return error!;
        }

        var fields = new CvatFakeFields(body);
        string? name = fields.String("name", maxLength: 256);
        long? projectId = fields.Integer("project_id", required: false, allowNull: true);
        var labels = CvatFakeLabelValidation.Read(fields, out string? saveError);
        if (!fields.Valid)
        {
            return CvatFakeErrors.Invalid(fields.Errors);
        }

        if (labels!.Count == 0 && projectId is null)
        {
            return CvatFakeErrors.Messages(["Label set or project_id must be present"]);
        }

        if (labels.Count > 0 && projectId is not null)
        {
            return CvatFakeErrors.Messages(["Project must have only one of Label set or project_id"]);
        }

        if (saveError is not null)
        {
            return CvatFakeErrors.Messages([saveError]);
        }

        return store.AddTask(name!, projectId, labels) is { } task
            ? CvatFakeErrors.Json(task, StatusCodes.Status201Created)
            : CvatFakeErrors.Messages([string.Create(CultureInfo.InvariantCulture, $"The specified project #{projectId} does not exist.")]);
    }
}
