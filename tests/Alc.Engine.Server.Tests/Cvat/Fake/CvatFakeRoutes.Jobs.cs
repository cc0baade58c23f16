using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Alc.Engine.Server.Tests.Cvat.Fake;

/// <summary>
/// Jobs and their annotations. <c>GET /api/jobs</c> filters by <c>task_id</c> and <c>project_id</c>;
/// <c>PATCH /api/jobs/{id}</c> takes JobWriteSerializer's <c>state</c> and <c>stage</c> and, like any job save, sends
/// <c>update:job</c> to the project's webhooks (sender: the token's user) before it answers the job.
/// <c>GET</c>/<c>PUT /api/jobs/{id}/annotations</c> read and replace; <c>PATCH …?action=create|update|delete</c>
/// changes objects (any other action: CVAT's <c>Please specify a correct 'action' for the request</c>); writes are
/// checked by <see cref="CvatFakeShapeValidation"/> and answer the objects written, with their ids.
/// </summary>
internal sealed partial class CvatFakeRoutes
{
    private static readonly string[] PatchActions = ["create", "update", "delete"];

    private void MapJobs(WebApplication app)
    {
        app.MapGet("/api/jobs", (HttpContext context) =>
            TryFilter(context, "task_id", out long? taskId, out var error) && TryFilter(context, "project_id", out long? projectId, out error)
                ? CvatFakePagination.Page(context, NewestFirst(Where(Where(Matching(context, store.Jobs(), "state", "stage"), "task_id", taskId), "project_id", projectId)))
                : error!);
        app.MapGet("/api/jobs/{id:long}", (long id) => store.Job(id) is { } job ? CvatFakeErrors.Json(job) : CvatFakeErrors.NotFound());
        app.MapPatch("/api/jobs/{id:long}", SaveJobAsync);
    }

    private void MapAnnotations(WebApplication app)
    {
        app.MapGet("/api/jobs/{id:long}/annotations", (long id) => store.Annotations(id) is { } annotations ? CvatFakeErrors.Json(annotations) : CvatFakeErrors.NotFound());
        app.MapPut("/api/jobs/{id:long}/annotations", (HttpContext context, long id) => WriteAnnotationsAsync(context, id, action: null));
        app.MapPatch("/api/jobs/{id:long}/annotations", (HttpContext context, long id) =>
        {
            string action = context.Request.Query["action"].ToString();
            return PatchActions.Contains(action)
                ? WriteAnnotationsAsync(context, id, action)
                : Task.FromResult(store.Job(id) is null ? CvatFakeErrors.NotFound() : CvatFakeErrors.Messages(["Please specify a correct 'action' for the request"]));
        });
    }

    private async Task<IResult> SaveJobAsync(HttpContext context, long id)
    {
        if (store.Job(id) is null)
        {
            return CvatFakeErrors.NotFound();
        }

        var (body, error) = await ReadObjectAsync(context);
        if (body is null)
        {
            return error!;
        }

        var fields = new CvatFakeFields(body);
        string? state = fields.Choice("state", CvatFakeStore.JobStates, required: false);
        string? stage = fields.Choice("stage", CvatFakeStore.JobStages, required: false);
        if (!fields.Valid)
        {
            return CvatFakeErrors.Invalid(fields.Errors);
        }

        var save = store.SaveJob(id, state, stage, store.TokenUser.Username)!;
        await sender.JobSavedAsync(save, context.RequestAborted);
        return CvatFakeErrors.Json(save.After);
    }

    private async Task<IResult> WriteAnnotationsAsync(HttpContext context, long id, string? action)
    {
        if (store.Scope(id) is not { } scope)
        {
            return CvatFakeErrors.NotFound();
        }

        var (body, error) = await ReadObjectAsync(context);
        if (body is null)
        {
            return error!;
        }

        var ids = action switch
        {
            "create" => CvatFakeShapeValidation.Ids.Forbidden,
            "update" or "delete" => CvatFakeShapeValidation.Ids.Required,
            _ => CvatFakeShapeValidation.Ids.Optional,
        };
        var input = CvatFakeShapeValidation.Read(body, scope, ids, checkMeaning: action != "delete", out var errors);
        if (input is null)
        {
            return CvatFakeErrors.Invalid(errors!);
        }

        var written = store.WriteAnnotations(id, action, input, out var problems);
        return written is null ? CvatFakeErrors.Messages(problems) : CvatFakeErrors.Json(written);
    }
}
