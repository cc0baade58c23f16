using System.Text.Json.Nodes;
using Alc.Campaigns.Answers;
using Alc.Campaigns.Leases;
using Alc.Core;
using Alc.Core.Cost;
using Alc.Engine.Server.Apis;
using Alc.Engine.Server.Hosting;
using Alc.Engine.Server.Jobs;
using Alc.Engine.Server.Problems;
using Alc.Integrations.LabelStudio;
using Alc.Integrations.LabelStudio.Annotations;
using Alc.Integrations.LabelStudio.Webhooks;
using Alc.Storage.Datasets;
using Alc.Storage.Projects;
using Alc.Storage.Rounds;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Alc.Engine.Server.Integrations.LabelStudio;

/// <summary>
/// Label Studio's webhook deliveries turned into the domain's commands. An annotation is the source of one answer
/// (<c>label-studio/annotation-{id}</c>) and its update time the revision, so a redelivery changes nothing (409), an update
/// supersedes the answer, and a delete withdraws it while its round is querying. The annotator is
/// <c>label-studio:user-{completed_by}</c>; <c>lead_time</c> (seconds) is the answer's elapsed time, capped at a day.
/// </summary>
internal static class LabelStudioWebhook
{
    /// <summary>The answer source of a Label Studio annotation.</summary>
    public static string Source(long annotationId) => $"label-studio/annotation-{annotationId}";

    /// <summary>The annotator name of a Label Studio user.</summary>
    public static string Annotator(long userId) => $"label-studio:user-{userId}";

    public static async Task<JsonHttpResult<JsonObject>> HandleAsync(HttpContext context, long projectId, ProjectRepository projects, DatasetRepository datasets, RoundRepository rounds,
        LeaseBook leases, AnswerIngestion ingestion, JobSignal signal, IOptions<EngineOptions> options, CancellationToken cancellationToken)
    {
        // Credentials are checked before the body is read: a forged delivery learns nothing from a parse error.
        bool trainingOnly = LabelStudioGate.CheckWebhook(context, options.Value);
        var project = Resolve.Project(projects, projectId);
        WebhookEvent delivery;
        try
        {
            delivery = WebhookEventReader.Read(await LabelStudioApi.ReadBodyAsync(context.Request, cancellationToken));
        }
        catch (Exception ex) when (trainingOnly && ex is LabelStudioFormatException or System.Text.Json.JsonException)
        {
            throw LabelStudioGate.MissingSecret();
        }

        if (trainingOnly && delivery is not StartTrainingEvent)
        {
            throw LabelStudioGate.MissingSecret();
        }
        switch (delivery)
        {
            case AnnotationEvent annotation:
                return await AnswerAsync(annotation, project.Id, datasets.Classes(project.DatasetId), ingestion, cancellationToken);

            case AnnotationsDeletedEvent deleted:
                int withdrawn = 0, kept = 0;
                int? remaining = null;
                foreach (long id in deleted.AnnotationIds.Distinct())
                {
                    var receipt = await ingestion.WithdrawAsync(project.Id, Source(id), cancellationToken);
                    (withdrawn, kept, remaining) = (withdrawn + receipt.Withdrawn, kept + receipt.Kept, receipt.Remaining);
                }

                return TypedResults.Json(new JsonObject { ["status"] = "withdrawn", ["withdrawn"] = withdrawn, ["kept"] = kept, ["remaining"] = remaining },
                    statusCode: StatusCodes.Status201Created);

            case StartTrainingEvent:
                if (leases.QueryingRound(project.Id) is { } querying)
                {
                    await ingestion.CloseRoundAsync(project.Id, querying.Number, cancellationToken);
                }

                var (round, job) = rounds.Start(project.Id);
                signal.Notify(job);
                return TypedResults.Json(new JsonObject { ["status"] = "training", ["round"] = round.Number, ["jobId"] = job.Id },
                    statusCode: StatusCodes.Status201Created);

            default:
                return TypedResults.Json(new JsonObject { ["status"] = "ignored", ["action"] = delivery.Action });
        }
    }

    private static async Task<JsonHttpResult<JsonObject>> AnswerAsync(AnnotationEvent annotation, long projectId, IReadOnlyList<ClassInfo> classes, AnswerIngestion ingestion,
        CancellationToken cancellationToken)
    {
        if (annotation.Task.Project != projectId)
        {
            throw ApiProblemException.Unprocessable($"The task belongs to engine project {annotation.Task.Project}, not {projectId}: " +
                $"its webhook is {LabelStudioApi.PrefixOf(annotation.Task.Project)}/webhook. Nothing was stored.");
        }

        if (annotation.WasCancelled)
        {
            // A skipped task is an empty annotation: the query stays open for someone else.
            return TypedResults.Json(new JsonObject { ["status"] = "ignored", ["reason"] = "skipped task (was_cancelled)", ["queryId"] = annotation.Task.QueryId });
        }

        var choice = AnnotationResultReader.Read(annotation.Result, [.. classes.Select(c => c.Name)]);
        var (verdict, label) = choice.Verdict switch
        {
            CorrectionVerdict.Confirm => (QueryVerdict.Confirm, (int?)null),
            CorrectionVerdict.Wrong => (QueryVerdict.Correct, (int?)classes.First(c => c.Name == choice.TrueLabel).Id),
            _ => (QueryVerdict.Unsure, (int?)null),
        };
        long elapsed = (long)Math.Min(AnswerCommand.MaxElapsedMs, Math.Round(annotation.LeadTimeSeconds * 1000));
        var result = await ingestion.RecordAsync(new SourcedAnswer(projectId, Source(annotation.AnnotationId), annotation.Revision, Annotator(annotation.CompletedBy),
            new AnswerCommand(annotation.Task.QueryId, verdict, label, elapsed)), cancellationToken);
        var r = result.Receipt;
        return TypedResults.Json(new JsonObject
        {
            ["status"] = result.Revised ? "revised" : "stored",
            ["queryId"] = annotation.Task.QueryId,
            ["round"] = r.Round,
            ["changedPixels"] = r.ChangedPixels,
            ["remaining"] = r.Remaining,
            ["roundClosed"] = r.RoundClosed,
        }, statusCode: StatusCodes.Status201Created);
    }
}
