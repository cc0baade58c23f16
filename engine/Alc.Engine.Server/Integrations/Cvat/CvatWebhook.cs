using System.Globalization;
using System.Text.Json;
using Alc.Campaigns.Answers;
using Alc.Campaigns.Errors;
using Alc.Campaigns.Leases;
using Alc.Core;
using Alc.Core.Cost;
using Alc.Engine.Server.Apis;
using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Jobs;
using Alc.Engine.Server.Problems;
using Alc.Integrations.Cvat;
using Alc.Integrations.Cvat.Annotations;
using Alc.Integrations.Cvat.Rest;
using Alc.Integrations.Cvat.Tasks;
using Alc.Integrations.Cvat.Webhooks;
using Alc.Storage;
using Alc.Storage.Answers;
using Alc.Storage.Datasets;
using Alc.Storage.Projects;
using Alc.Storage.Queries;
using Alc.Storage.Rounds;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Alc.Engine.Server.Integrations.Cvat;

/// <summary>
/// CVAT's <c>update:job</c> deliveries turned into answers. The signature (<c>X-Signature-256</c>, HMAC-SHA256 of the raw
/// body) is checked before anything is parsed. A job marked completed is read back from CVAT (the job, its task, frames,
/// labels and annotations as CVAT has them now) and every frame becomes one answer through the domain: the source is
/// <c>cvat/job-{job}/query-{query}</c> and the revision the job's update time, annotation version and shape, so a
/// redelivery stores nothing twice and a job completed again supersedes its earlier answers while the round is querying.
/// The annotations are checked whole before the first answer is stored.
/// </summary>
internal static class CvatWebhook
{
    /// <summary>The largest delivery read; CVAT's job bodies are a few kilobytes.</summary>
    public const int MaxBodyBytes = 1 << 20;

    /// <summary>The answer source of a query answered in a CVAT job.</summary>
    public static string Source(long jobId, long queryId) => $"cvat/job-{jobId}/query-{queryId}";

    /// <summary>The annotator name of a CVAT user.</summary>
    public static string Annotator(string username) => $"cvat:{username}";

    public static async Task<JsonHttpResult<CvatWebhookReceiptDto>> HandleAsync(HttpContext context, long projectId, CvatConnection connection, ProjectRepository projects,
        DatasetRepository datasets, RoundRepository rounds, QueryRepository queries, AnswerRepository answers, LeaseBook leases, AnswerIngestion ingestion, JobSignal signal,
        CancellationToken cancellationToken)
    {
        string secret = connection.Options.WebhookSecret;
        if (secret.Length == 0)
        {
            throw ApiProblemException.Forbidden("The CVAT webhook is closed: set ALC_CVAT__WEBHOOKSECRET to the secret of the CVAT webhook (alc cvat push registers it).");
        }

        byte[] body = await ReadBodyAsync(context.Request, cancellationToken);
        if (!CvatSignature.Verify(secret, context.Request.Headers[CvatSignature.Header].ToString(), body))
        {
            throw new ApiProblemException(StatusCodes.Status401Unauthorized, "Unauthorized",
                $"The delivery has no valid {CvatSignature.Header} signature (HMAC-SHA256 of the body with Cvat:WebhookSecret); nothing was changed.");
        }

        var project = Resolve.Project(projects, projectId);
        CvatWebhookEvent delivery;
        try
        {
            using var document = JsonDocument.Parse(body);
            delivery = CvatWebhookReader.Read(document.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or CvatFormatException)
        {
            throw ApiProblemException.BadRequest($"The CVAT delivery cannot be read: {ex.Message}");
        }

        if (!delivery.CompletesJob)
        {
            return Ignored(delivery, delivery.IsJobUpdate ? $"job {delivery.Job?.Id} is {delivery.Job?.State}, not completed" : "not a job update");
        }

        var cvat = connection.Client();
        long jobId = delivery.Job!.Id;
        var job = await Job(cvat, jobId, cancellationToken);
        if (CvatText(job, "state") != "completed")
        {
            return Ignored(delivery, $"job {jobId} was reopened before it was read (it is {CvatText(job, "state")})");
        }

        var task = await cvat.TaskAsync(job.GetProperty("task_id").GetInt64(), cancellationToken);
        var (owner, number) = QueryFrames.RoundOf(task.Name) ?? throw ApiProblemException.Unprocessable(
            $"Job {jobId} belongs to CVAT task {task.Id} (\"{task.Name}\"), which is not an engine correction task; nothing was stored.");
        if (owner != projectId)
        {
            throw ApiProblemException.Unprocessable($"Job {jobId} answers engine project {owner}, not {projectId}: " +
                $"its webhook is {CvatApi.PrefixOf(owner)}/webhook. Nothing was stored.");
        }

        var round = rounds.Get(projectId, number) ?? throw ApiProblemException.Unprocessable($"Job {jobId}'s task names round {number}, which project {projectId} does not have.");
        if (leases.QueryingRound(projectId)?.Id != round.Id)
        {
            throw ApiProblemException.Conflict($"Round {number} is {StoredText.Of(round.State)}: answers of a round that is no longer querying cannot change. Nothing was stored.");
        }

        var classes = datasets.Classes(project.DatasetId);
        var rows = queries.ForRound(round.Id).ToDictionary(q => q.Id);
        var annotations = await cvat.AnnotationsAsync(jobId, cancellationToken);
        IReadOnlyList<CorrectionAnswer> read;
        try
        {
            read = CorrectionReader.Read(annotations, await cvat.FramesAsync(jobId, cancellationToken), await cvat.LabelsAsync("task_id", task.Id, cancellationToken),
                [.. classes.Select(c => c.Name)], id => rows.TryGetValue(id, out var q) ? Shown(q, classes) : null);
        }
        catch (CvatFormatException ex)
        {
            throw ApiProblemException.Unprocessable($"Job {jobId}'s annotations cannot be read as answers; nothing was stored. {ex.Message}");
        }

        string revision = Revision(job, delivery, annotations);
        string annotator = Annotator(delivery.Sender?.Username ?? delivery.Job.Assignee?.Username ?? "unknown");
        int stored = 0, revised = 0, unchanged = 0;
        int? remaining = null;
        bool closed = false;
        var conflicts = new List<CvatConflictDto>();
        // Revisions first: a first answer may close the round, after which no answer of it can be revised.
        foreach (var answer in read.OrderBy(a => rows[a.QueryId].Answered ? 0 : 1).ThenBy(a => a.Frame))
        {
            string source = Source(jobId, answer.QueryId);
            string rev = $"{revision}/shape-{(answer.ShapeId is long s ? s.ToString("D12", CultureInfo.InvariantCulture) : "none")}";
            if (answers.FindIdempotent(AnswerIngestion.SourceKey(projectId, source, rev)) is not null)
            {
                unchanged++;
                continue;
            }

            var (verdict, label) = answer.Kind switch
            {
                CorrectionKind.Confirm => (QueryVerdict.Confirm, (int?)null),
                CorrectionKind.Correct => (QueryVerdict.Correct, (int?)classes.First(c => c.Name == answer.Label).Id),
                _ => (QueryVerdict.Unsure, (int?)null),
            };
            try
            {
                var receipt = await ingestion.RecordAsync(new SourcedAnswer(projectId, source, rev, annotator, new AnswerCommand(answer.QueryId, verdict, label, 0)), cancellationToken);
                (stored, revised) = receipt.Revised ? (stored, revised + 1) : (stored + 1, revised);
                remaining = receipt.Receipt.Remaining;
                closed |= receipt.Receipt.RoundClosed;
            }
            catch (CampaignConflictException ex)
            {
                conflicts.Add(new CvatConflictDto(answer.QueryId, ex.Message));
            }
        }

        int? next = null;
        long? training = null;
        if (closed && connection.Options.StartNextRound)
        {
            try
            {
                var (started, trainingJob) = rounds.Start(projectId);
                signal.Notify(trainingJob);
                (next, training) = (started.Number, trainingJob.Id);
            }
            catch (StorageConflictException)
            {
                // Someone started the next round already (or it is being started): nothing to add.
            }
        }

        return TypedResults.Json(new CvatWebhookReceiptDto("ingested", delivery.Event, null, jobId, number, stored, revised, unchanged, conflicts,
            remaining ?? leases.For(round).Remaining, closed, next, training));
    }

    // The label a query's point was shown with, as the task names it.
    private static string Shown(QueryRow query, IReadOnlyList<ClassInfo> classes) =>
        query.ShownLabel < classes.Count ? classes[query.ShownLabel].Name : CorrectionLabels.Unlabelled;

    // Ordered ordinally: the job's update time (fixed width), then CVAT's annotation version.
    private static string Revision(JsonElement job, CvatWebhookEvent delivery, JsonElement annotations)
    {
        DateTimeOffset? updated = job.TryGetProperty("updated_date", out var u) && u.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(u.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : delivery.Job?.UpdatedDate;
        long version = annotations.TryGetProperty("version", out var v) && v.TryGetInt64(out long n) ? n : 0;
        string time = updated?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture) ?? "0000-00-00T00:00:00.000000Z";
        return $"{time}/v{version.ToString("D12", CultureInfo.InvariantCulture)}";
    }

    // The job as CVAT has it now: a forged or stale id is answered by CVAT's 404.
    private static async Task<JsonElement> Job(CvatClient cvat, long jobId, CancellationToken cancellationToken)
    {
        try
        {
            return await cvat.JobAsync(jobId, cancellationToken);
        }
        catch (CvatException ex) when (ex.Status == System.Net.HttpStatusCode.NotFound)
        {
            throw ApiProblemException.Unprocessable($"CVAT has no job {jobId} (or the engine's token cannot see it); nothing was stored.");
        }
    }

    private static string CvatText(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static JsonHttpResult<CvatWebhookReceiptDto> Ignored(CvatWebhookEvent delivery, string reason) =>
        TypedResults.Json(new CvatWebhookReceiptDto("ignored", delivery.Event, reason, delivery.Job?.Id, null, 0, 0, 0, [], null, false, null, null));

    private static ApiProblemException TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, "Delivery too large", $"A CVAT webhook delivery may hold at most {MaxBodyBytes:N0} bytes; nothing was changed.");

    // The raw bytes, bounded: the signature is over exactly these.
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            throw TooLarge();
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
