using Alc.Campaigns.Leases;
using Alc.Campaigns.Projects;
using Alc.Engine.Server.Auth;
using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Problems;
using Alc.Storage;
using Alc.Storage.Queries;
using Alc.Storage.Rounds;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alc.Engine.Server.Apis;

/// <summary>
/// A round's queries as a list: what a dashboard or a script needs to see the whole round — which are answered, which
/// are leased and to whom — without leasing anything (leasing is <c>POST /projects/{id}/leases</c>).
/// </summary>
internal static class RoundQueriesApi
{
    /// <summary>Most queries one page returns.</summary>
    public const int MaxLimit = 1000;

    public static void MapRoundQueriesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/projects/{projectId:long}/rounds/{number:int}/queries", (long projectId, int number, string? state, int? offset, int? limit,
                RoundRepository rounds, QueryRepository queries, CampaignStates states, LeaseBook leases, BlobStore blobs) =>
            {
                int from = offset ?? 0, take = limit ?? 100;
                if (from < 0 || take < 1 || take > MaxLimit)
                {
                    throw ApiProblemException.BadRequest($"offset must be ≥ 0 and limit 1..{MaxLimit}.");
                }

                Func<QueryRow, bool> keep = (state ?? "all") switch
                {
                    "all" => _ => true,
                    "open" => q => !q.Answered,
                    "answered" => q => q.Answered,
                    _ => throw ApiProblemException.BadRequest($"state must be all, open or answered (got '{state}')."),
                };
                var campaign = states.Get(projectId);
                var round = rounds.Get(projectId, number) ?? throw ApiProblemException.NotFound($"Round {number} of project {projectId}");
                var matching = queries.ForRound(round.Id).Where(keep).ToList();
                var page = matching.Skip(from).Take(take).Select(q => QueriesApi.Dto(q, leases.LeaseOf(q), campaign, blobs)).ToList();
                return TypedResults.Ok(new QueryPageDto(matching.Count, from, page));
            })
            .WithTags("queries").RequireAuthorization(ApiKeyDefaults.Annotator)
            .WithName("ListRoundQueries")
            .WithSummary("A page of the round's queries in asking order (highest score first), with each one's lease and whether it is answered; state=open|answered filters. Leases nothing.")
            .ProducesProblem(400).ProducesProblem(404);
    }
}
