using System.Security.Claims;
using Alc.Campaigns;
using Alc.Campaigns.Errors;
using Alc.Campaigns.Leases;
using Alc.Campaigns.Projects;
using Alc.Core.Maps;
using Alc.Engine.Server.Auth;
using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Hosting;
using Alc.Engine.Server.Problems;
using Alc.Imaging.Overlays;
using Alc.Imaging.Photos;
using Alc.Imaging.Png;
using Alc.Storage;
using Alc.Storage.Projects;
using Alc.Storage.Queries;
using Alc.Storage.Rounds;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Alc.Engine.Server.Apis;

/// <summary>Correction queries: lease a batch, read one, render its crop, its whole-image context and its region.</summary>
internal static class QueriesApi
{
    public static void MapQueriesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").WithTags("queries").RequireAuthorization(ApiKeyDefaults.Annotator);

        group.MapPost("/projects/{projectId:long}/leases", LeaseQueries)
            .WithName("LeaseQueries")
            .WithSummary("Leases up to count unanswered queries of the querying round to annotator (renewing the ones it holds first); an empty batch when none are free. " +
                "A key bound to an annotator may lease only as that annotator (403).")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);

        group.MapGet("/queries/{queryId:long}", (long queryId, QueryRepository queries, CampaignStates states, LeaseBook leases, BlobStore blobs) =>
            {
                var (query, state) = Find(queries, states, queryId);
                return TypedResults.Ok(Dto(query, leases.LeaseOf(query), state, blobs));
            })
            .WithName("GetQuery").WithSummary("Gets one query with its lease and whether it is answered.")
            .ProducesProblem(404);

        group.MapGet("/queries/{queryId:long}/crop.png", (long queryId, QueryRepository queries, CampaignStates states, BlobStore blobs) =>
            {
                var (query, state) = Find(queries, states, queryId);
                var image = state.ById[query.ImageId];
                var photo = new RgbImage(image.Width, image.Height, image.Rgb);
                return TypedResults.File(QueryCrop.RenderPng(photo, Outline(query, image, blobs), query.Pixel, Caption(state, query.ShownLabel)), "image/png");
            })
            .WithName("GetQueryCrop")
            .WithSummary("The query as a picture: a zoomed window around the queried pixel with context, a marker on the pixel (white on black, visible on any colour), " +
                "the outline (yellow on black) of what the answer covers — its superpixel, or a region check's region — and a band with the shown label's colour and name.")
            .ProducesFile("image/png").ProducesProblem(404);

        group.MapGet("/queries/{queryId:long}/context.png", async (long queryId, QueryRepository queries, CampaignStates states, BlobStore blobs,
                CancellationToken cancellationToken) =>
            {
                var (query, state) = Find(queries, states, queryId);
                var image = state.ById[query.ImageId];
                var photo = new RgbImage(image.Width, image.Height, image.Rgb);
                var classes = state.Classes.Select(c => QueryCaption.Of(c.Name, c.Color)).ToList();
                var outline = Outline(query, image, blobs);
                byte[] png = await state.ReadAsync(_ => QueryContext.RenderPng(photo, image.Labels, classes, outline, query.Pixel, Caption(state, query.ShownLabel)),
                    cancellationToken);
                return TypedResults.File(png, "image/png");
            })
            .WithName("GetQueryContext")
            .WithSummary("The query's whole image with the current labels D_t blended over it in the class colours, the same marker, outline and shown-label band as crop.png.")
            .ProducesFile("image/png").ProducesProblem(404);

        group.MapGet("/queries/{queryId:long}/region.png", (long queryId, QueryRepository queries, CampaignStates states, BlobStore blobs) =>
            {
                var (query, state) = Find(queries, states, queryId);
                if (query.RegionBlob is null)
                {
                    throw ApiProblemException.NotFound($"Region of query {queryId} (a pixel query: its answer covers superpixel {query.SuperpixelId})");
                }

                var image = state.ById[query.ImageId];
                var mask = RegionMask.Draw(image.Width * image.Height, RegionOf(query, blobs), (byte)255);
                return TypedResults.File(PngMapCodec.EncodeGray8(image.Width, image.Height, mask), "image/png");
            })
            .WithName("GetQueryRegion")
            .WithSummary("A region check's region as a full-image 8-bit grey PNG mask (255 inside, 0 outside); 404 for a pixel query.")
            .ProducesFile("image/png").ProducesProblem(404);
    }

    // Leases queries: a POST, because each call changes who holds which query (caches and crawlers must not replay it).
    internal static Ok<QueryBatchDto> LeaseQueries(long projectId, LeaseRequest request, ClaimsPrincipal user, [AsParameters] LeaseServices services)
    {
        AnnotatorBinding.Check(user, request.Annotator);
        // The project's cached state doubles as the existence check (404), so a lease reads only the latest round from disk.
        var state = services.States.Get(projectId);
        int max = services.Options.Value.MaxLeaseCount;
        if (string.IsNullOrWhiteSpace(request.Annotator) || request.Annotator.Length > 200)
        {
            throw new CampaignValidationException("annotator is required (1–200 characters).");
        }

        if (request.Count < 1 || request.Count > max)
        {
            throw new CampaignValidationException($"count must be 1..{max} (MaxLeaseCount).");
        }

        if (services.Leases.QueryingRound(projectId) is not { } round)
        {
            return TypedResults.Ok(new QueryBatchDto(request.Annotator, null, 0, []));
        }

        var leased = services.Leases.Lease(round, request.Annotator, request.Count, TimeSpan.FromSeconds(services.Options.Value.LeaseSeconds));
        return TypedResults.Ok(new QueryBatchDto(request.Annotator, round.Number, services.Leases.For(round).Remaining,
            leased.Select(q => Dto(q.Query, q.Lease, state, services.Blobs)).ToList()));
    }

    internal static QueryDto Dto(QueryRow query, QueryLease? lease, CampaignState state, BlobStore blobs)
    {
        var image = state.ById[query.ImageId];
        return Dtos.Query(query, lease, image.Width, image.Height, state.Classes, blobs);
    }

    // What the answer covers as a segmentation to outline: the superpixels, or for a region check a two-segment map (region 1, rest 0).
    private static SuperpixelMap Outline(QueryRow query, CampaignImage image, BlobStore blobs) => query.RegionBlob is null ? image.Superpixels
        : new SuperpixelMap(image.Width, image.Height, RegionMask.Draw(image.Width * image.Height, RegionOf(query, blobs), 1));

    // The shown label's name and colour ("ignore", grey, for 255).
    private static QueryCaption Caption(CampaignState state, int label) =>
        label < state.Classes.Count ? QueryCaption.Of(state.Classes[label].Name, state.Classes[label].Color) : QueryCaption.Of("ignore", null);

    private static int[] RegionOf(QueryRow query, BlobStore blobs) => AutoCorrectionBlobs.DecodeRegion(blobs.Get(query.RegionBlob!));

    internal static (QueryRow Query, CampaignState State) Find(QueryRepository queries, CampaignStates states, long queryId)
    {
        var query = queries.Get(queryId) ?? throw ApiProblemException.NotFound($"Query {queryId}");
        return (query, states.Get(query.ProjectId));
    }

    /// <summary>What leasing needs, bundled so the handler's signature stays the route's parameters.</summary>
    internal sealed record LeaseServices(LeaseBook Leases, CampaignStates States, BlobStore Blobs,
        IOptions<EngineOptions> Options);
}
