using System.Security.Claims;
using Alc.Campaigns.Answers;
using Alc.Engine.Server.Auth;
using Alc.Engine.Server.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Alc.Engine.Server.Apis;

/// <summary>Answers: one idempotent, all-or-nothing batch per request.</summary>
internal static class AnswersApi
{
    public static void MapAnswersApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/projects/{projectId:long}/answers").WithTags("answers").RequireAuthorization(ApiKeyDefaults.Annotator);

        group.MapPost("", SubmitAnswers)
            .WithName("SubmitAnswers")
            .WithSummary("Submits a batch of answers under an Idempotency-Key: all are stored or none; a retry with the same key and body returns the first result. " +
                "A key bound to an annotator may answer only as that annotator (403).")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
    }

    // Maps the wire batch to the domain's command; the domain validates, stores and answers with its receipt.
    internal static async Task<Ok<AnswerBatchResponse>> SubmitAnswers(long projectId, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        AnswerBatchRequest request, ClaimsPrincipal user, [AsParameters] AnswerServices services, CancellationToken cancellationToken)
    {
        AnnotatorBinding.Check(user, request.Annotator);
        // The domain answers 404 for an unknown project (from its cached state: no database read on this hot path).
        var receipt = await services.Ingestion.SubmitAsync(WireMapping.Command(projectId, idempotencyKey, request), cancellationToken);
        return TypedResults.Ok(WireMapping.Response(receipt));
    }

    /// <summary>What answering needs.</summary>
    internal sealed record AnswerServices(AnswerIngestion Ingestion);
}
