using Alc.Campaigns.Projects;
using Alc.Core.Maps;
using Alc.Engine.Server.Auth;
using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Problems;
using Alc.Storage.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alc.Engine.Server.Apis;

/// <summary>
/// A query's ground truth, for the engine's administrators and their simulated annotators (never for annotator keys:
/// an annotator who could read it would not be asked).
/// </summary>
internal static class QueryTruthApi
{
    public static void MapQueryTruthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/queries/{queryId:long}/ground-truth", (long queryId, QueryRepository queries, CampaignStates states) =>
            {
                var (query, state) = QueriesApi.Find(queries, states, queryId);
                var truth = state.ById[query.ImageId].GroundTruth
                    ?? throw ApiProblemException.NotFound($"Ground truth of query {queryId} (its dataset has none)");
                int label = truth[query.Pixel];
                string name = label == LabelMap.Ignore ? "ignore" : state.Classes[label].Name;
                return TypedResults.Ok(new QueryTruthDto(query.Id, query.ShownLabel, label, name, label == query.ShownLabel));
            })
            .WithTags("queries").RequireAuthorization(ApiKeyDefaults.Admin)
            .WithName("GetQueryGroundTruth")
            .WithSummary("What the dataset's ground truth says at the query's pixel beside what the query shows (admin only; 404 when the dataset has no ground truth).")
            .ProducesProblem(404);
    }
}
