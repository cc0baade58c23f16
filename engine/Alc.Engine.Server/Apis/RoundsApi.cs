using Alc.Campaigns.Projects;
using Alc.Campaigns.Answers;
using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Jobs;
using Alc.Engine.Server.Problems;
using Alc.Campaigns.Errors;
using Alc.Storage.Answers;
using Alc.Storage.Projects;
using Alc.Storage.Queries;
using Alc.Storage.Rounds;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alc.Engine.Server.Apis;

/// <summary>Rounds: start the next (202 + the job that trains and scores it), list, get, close early.</summary>
internal static class RoundsApi
{
    public static void MapRoundsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/projects/{projectId:long}/rounds").WithTags("rounds").RequireAuthorization(Auth.ApiKeyDefaults.Admin);

        group.MapPost("", (long projectId, ProjectRepository projects, RoundRepository rounds, QueryRepository queries, JobSignal signal) =>
            {
                Resolve.Project(projects, projectId);
                var (round, job) = rounds.Start(projectId);
                signal.Notify();
                return TypedResults.Accepted($"/projects/{projectId}/rounds/{round.Number}",
                    new StartRoundResponse(Dtos.Round(round, queries, rounds), Dtos.Job(job)));
            })
            .WithName("StartRound").WithSummary("Starts the next round: a job trains θ on the current labels and selects the round's queries (202; follow the job).")
            .ProducesProblem(404).ProducesProblem(409);

        group.MapGet("", (long projectId, ProjectRepository projects, RoundRepository rounds, QueryRepository queries) =>
            {
                Resolve.Project(projects, projectId);
                return TypedResults.Ok(rounds.List(projectId).Select(r => Dtos.Round(r, queries, rounds)).ToList());
            })
            .WithName("ListRounds").WithSummary("Lists the project's rounds.")
            .ProducesProblem(404);

        group.MapGet("/{number:int}", (long projectId, int number, ProjectRepository projects, RoundRepository rounds, QueryRepository queries) =>
                TypedResults.Ok(Dtos.Round(Find(projects, rounds, projectId, number), queries, rounds)))
            .WithName("GetRound").WithSummary("Gets one round with its state and query counts.")
            .ProducesProblem(404);

        group.MapPost("/{number:int}/close", async (long projectId, int number, ProjectRepository projects, RoundRepository rounds, QueryRepository queries,
                AnswerRepository answers, CampaignStates states, CancellationToken cancellationToken) =>
            {
                var round = Find(projects, rounds, projectId, number);
                var state = states.Get(projectId);
                using (await state.LockAsync(cancellationToken))
                {
                    round = rounds.Get(round.Id)!;
                    if (round.State != Alc.Storage.Rounds.RoundStates.Querying)
                    {
                        throw new CampaignConflictException($"Round {number} is {round.State}; only a querying round can be closed" + (round.State == RoundStates.Closed ? "." : $"; to stop a round that is {round.State}, cancel its job (POST /jobs/{{id}}/cancel)."));
                    }

                    var given = RoundMetricsCalculator.StoredAnswers(answers, round.Id);
                    rounds.Close(round, RoundMetricsCalculator.Compute(state, round, queries.ForRound(round.Id), given));
                }

                return TypedResults.Ok(Dtos.Round(rounds.Get(round.Id)!, queries, rounds));
            })
            .WithName("CloseRound").WithSummary("Closes a querying round early: unanswered queries are dropped and the round's metrics recorded.")
            .ProducesProblem(404).ProducesProblem(409);
    }

    private static RoundRow Find(ProjectRepository projects, RoundRepository rounds, long projectId, int number) => Resolve.Round(projects, rounds, projectId, number);
}
