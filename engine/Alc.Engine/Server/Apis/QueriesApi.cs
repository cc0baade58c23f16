using Alc.Engine.Server.Campaigns;
using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Hosting;
using Alc.Engine.Server.Problems;
using Alc.Imaging.Overlays;
using Alc.Imaging.Photos;
using Alc.Storage.Projects;
using Alc.Storage.Queries;
using Alc.Storage.Rounds;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Alc.Engine.Server.Apis;

/// <summary>Correction queries: lease the next batch, read one, render its crop.</summary>
internal static class QueriesApi
{
    public static void MapQueriesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").WithTags("queries").RequireAuthorization(Auth.ApiKeyDefaults.Annotator);

        group.MapGet("/projects/{projectId:long}/queries/next", (long projectId, string annotator, int? count, ProjectRepository projects, RoundRepository rounds,
                QueryRepository queries, CampaignStates states, IOptions<EngineOptions> options) =>
            {
                ProjectsApi.Find(projects, projectId);
                int take = count ?? 10;
                if (string.IsNullOrWhiteSpace(annotator) || annotator.Length > 200)
                {
                    throw ApiProblemException.BadRequest("annotator is required (1–200 characters).");
                }

                if (take < 1 || take > options.Value.MaxLeaseCount)
                {
                    throw ApiProblemException.BadRequest($"count must be 1..{options.Value.MaxLeaseCount} (MaxLeaseCount).");
                }

                var round = rounds.Latest(projectId);
                if (round is null || round.State != RoundStates.Querying)
                {
                    return TypedResults.Ok(new QueryBatchDto(annotator, null, 0, []));
                }

                var state = states.Get(projectId);
                var leased = queries.Lease(round.Id, annotator, take, TimeSpan.FromSeconds(options.Value.LeaseSeconds));
                return TypedResults.Ok(new QueryBatchDto(annotator, round.Number, queries.Remaining(round.Id),
                    leased.Select(q => Dtos.Query(q, state.ById[q.ImageId].Width, state.Classes)).ToList()));
            })
            .WithName("LeaseQueries")
            .WithSummary("Leases up to count unanswered queries of the querying round to annotator (renewing the ones it holds); an empty batch when none are free.")
            .ProducesProblem(400).ProducesProblem(404);

        group.MapGet("/queries/{queryId:long}", (long queryId, QueryRepository queries, CampaignStates states) =>
            {
                var (query, state) = Find(queries, states, queryId);
                return TypedResults.Ok(Dtos.Query(query, state.ById[query.ImageId].Width, state.Classes));
            })
            .WithName("GetQuery").WithSummary("Gets one query with its lease and whether it is answered.")
            .ProducesProblem(404);

        group.MapGet("/queries/{queryId:long}/crop.png", (long queryId, QueryRepository queries, CampaignStates states) =>
            {
                var (query, state) = Find(queries, states, queryId);
                var image = state.ById[query.ImageId];
                var photo = new RgbImage(image.Width, image.Height, image.Rgb);
                return TypedResults.File(QueryCrop.RenderPng(photo, image.Superpixels, query.Pixel), "image/png");
            })
            .WithName("GetQueryCrop").WithSummary("A PNG crop around the queried pixel (red cross-hair) with the outline of its superpixel (yellow).")
            .ProducesFile("image/png").ProducesProblem(404);
    }

    private static (QueryRow Query, CampaignState State) Find(QueryRepository queries, CampaignStates states, long queryId)
    {
        var query = queries.Get(queryId) ?? throw ApiProblemException.NotFound($"Query {queryId}");
        return (query, states.Get(query.ProjectId));
    }
}
