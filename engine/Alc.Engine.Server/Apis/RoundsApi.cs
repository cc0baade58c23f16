using Alc.Campaigns.Answers;
using Alc.Campaigns.Errors;
using Alc.Campaigns.Projects;
using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Jobs;
using Alc.Storage;
using Alc.Storage.Answers;
using Alc.Storage.Projects;
using Alc.Storage.Queries;
using Alc.Storage.Rounds;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alc.Engine.Server.Apis;

/// <summary>Rounds: start the next (202 + the job that trains and scores it), list, get, close early.</summary>
internal static class RoundsApi
{
    public static void MapRoundsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/projects/{projectId:long}/rounds").WithTags("rounds").RequireAuthorization(Auth.ApiKeyDefaults.Admin);

        group.MapPost("", StartRound)
            .WithName("StartRound").WithSummary("Starts the next round: a job trains θ on the current labels and selects the round's queries (202; follow the job).")
            .ProducesProblem(404).ProducesProblem(409);

        group.MapGet("", ListRounds)
            .WithName("ListRounds").WithSummary("Lists the project's rounds.")
            .ProducesProblem(404);

        group.MapGet("/{number:int}", GetRound)
            .WithName("GetRound").WithSummary("Gets one round with its state and query counts.")
            .ProducesProblem(404);

        group.MapPost("/{number:int}/close", CloseRound)
            .WithName("CloseRound").WithSummary("Closes a querying round early: unanswered queries are dropped and the round's metrics recorded.")
            .ProducesProblem(404).ProducesProblem(409);
    }

    // Starts round t+1 with its queued job and wakes the runner.
    internal static Accepted<StartRoundResponse> StartRound(long projectId, [AsParameters] RoundServices services, JobSignal signal)
    {
        Resolve.Project(services.Projects, projectId);
        var (round, job) = services.Rounds.Start(projectId);
        signal.Notify(job);
        return TypedResults.Accepted($"/projects/{projectId}/rounds/{round.Number}",
            new StartRoundResponse(Dtos.Round(round, services.Queries, services.Rounds), Dtos.Job(job)));
    }

    internal static Ok<List<RoundDto>> ListRounds(long projectId, [AsParameters] RoundServices services)
    {
        Resolve.Project(services.Projects, projectId);
        return TypedResults.Ok(services.Rounds.List(projectId).Select(r => Dtos.Round(r, services.Queries, services.Rounds)).ToList());
    }

    internal static Ok<RoundDto> GetRound(long projectId, int number, [AsParameters] RoundServices services) =>
        TypedResults.Ok(Dtos.Round(Resolve.Round(services.Projects, services.Rounds, projectId, number), services.Queries, services.Rounds));

    // Closes a querying round (the domain waits for the answers being written and computes the round's metrics).
    internal static async Task<Ok<RoundDto>> CloseRound(long projectId, int number, [AsParameters] RoundServices services, AnswerIngestion ingestion,
        CancellationToken cancellationToken)
    {
        var round = Resolve.Round(services.Projects, services.Rounds, projectId, number);
        await ingestion.CloseRoundAsync(projectId, number, cancellationToken);
        return TypedResults.Ok(Dtos.Round(services.Rounds.Get(round.Id)!, services.Queries, services.Rounds));
    }

    /// <summary>What the round endpoints need.</summary>
    internal sealed record RoundServices(ProjectRepository Projects, RoundRepository Rounds, QueryRepository Queries);
}
