using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Hosting;
using Alc.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alc.Engine.Server.Apis;

/// <summary>Liveness and readiness (no API key needed).</summary>
internal static class HealthApi
{
    private static readonly string Version = typeof(HealthApi).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    public static void MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").WithTags("health").AllowAnonymous();
        group.MapGet("/health", (EngineDatabase database) => TypedResults.Ok(new HealthDto("ok", database.SchemaVersion(), Version)))
            .WithName("GetHealth").WithSummary("Liveness: the process answers and its database opens.");
        group.MapGet("/ready", Results<Ok<HealthDto>, ProblemHttpResult> (EngineDatabase database, EngineReadiness readiness) =>
                readiness.IsReady && database.SchemaVersion() == EngineDatabase.LatestVersion
                    ? TypedResults.Ok(new HealthDto("ok", database.SchemaVersion(), Version))
                    : TypedResults.Problem("The engine is still starting (migrating or seeding).", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready"))
            .WithName("GetReadiness").WithSummary("Readiness: migrations applied and start-up work done.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }
}
