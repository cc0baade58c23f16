using Alc.Engine.Server.Auth;
using Alc.Engine.Server.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alc.Engine.Server.Integrations.Cvat;

/// <summary>
/// A project's CVAT bridge: <c>push</c> (an administrator call) puts the querying round into CVAT; <c>webhook</c> is
/// where CVAT delivers <c>update:job</c>, authenticated by its signature alone because CVAT cannot send an API key.
/// </summary>
internal static class CvatApi
{
    /// <summary>The route prefix of a project's CVAT endpoints.</summary>
    public const string Prefix = "/integrations/cvat/projects/{projectId:long}";

    /// <summary>The concrete prefix of a project.</summary>
    public static string PrefixOf(long projectId) => $"/integrations/cvat/projects/{projectId}";

    public static void MapCvatApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Prefix).WithTags("cvat");

        group.MapPost("/push", PushAsync).RequireAuthorization(ApiKeyDefaults.Admin)
            .WithName("CvatPush")
            .WithSummary("Puts the querying round into CVAT: the project's CVAT project (classes as labels), a task with one frame per unanswered query, " +
                "a point with the shown label and a region mask on each frame, and the update:job webhook; a repeated push creates nothing.")
            .Produces<CvatPushDto>(201).Produces<CvatPushDto>()
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(502);

        group.MapPost("/webhook", CvatWebhook.HandleAsync).AllowAnonymous()
            .WithName("CvatWebhook")
            .WithSummary("CVAT's webhook (signed with X-Signature-256): a job marked completed has its annotations read back from CVAT and stored as answers " +
                "(kept label → confirm, changed → correct, deleted point or unsure ticked → unsure); other events are ignored.")
            .Accepts<System.Text.Json.JsonElement>("application/json").Produces<CvatWebhookReceiptDto>()
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(422)
            .ProducesProblem(502);
    }

    private static async Task<Results<Created<CvatPushDto>, Ok<CvatPushDto>>> PushAsync(HttpContext context, long projectId, CvatPush push, CvatConnection connection,
        CancellationToken cancellationToken)
    {
        string engineUrl = connection.Options.PublicUrl.Length > 0
            ? connection.Options.PublicUrl.TrimEnd('/')
            : $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        var result = await push.RunAsync(projectId, engineUrl, cancellationToken);
        return result.CreatedTask ? TypedResults.Created(result.TaskUrl, result) : TypedResults.Ok(result);
    }
}
