using System.Text.Json;
using Alc.Campaigns.Errors;
using Alc.Imaging;
using Alc.Imaging.Datasets;
using Alc.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Alc.Engine.Server.Problems;

/// <summary>
/// Turns every exception that reaches the pipeline into problem+json: <see cref="ApiProblemException"/> with its status,
/// malformed requests (bad JSON, bad parameters) as 400, oversized bodies as 413, storage conflicts as 409,
/// unreadable maps and datasets as 422, anything else as 500 without internals.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, errors) = exception switch
        {
            ApiProblemException p => (p.Status, p.Title, p.Message, p.Errors),
            CampaignValidationException v => (400, "Invalid request", v.Message, v.Errors),
            CampaignNotFoundException n => (404, "Not found", n.Message, n.Errors),
            CampaignConflictException c => (409, "Conflict", c.Message, c.Errors),
            IdempotencyKeyReusedException i => (422, "Unprocessable content", i.Message, i.Errors),
            BadHttpRequestException b when b.StatusCode == StatusCodes.Status413PayloadTooLarge =>
                (413, "Upload too large", b.Message, null),
            BadHttpRequestException { InnerException: InvalidDataException limit } when limit.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase) =>
                (413, "Upload too large", limit.Message, null),
            BadHttpRequestException { InnerException: JsonException json } b => (b.StatusCode, "Malformed request", $"{b.Message} {json.Message}", JsonFields.Errors(json)),
            BadHttpRequestException b => (b.StatusCode, "Malformed request", b.Message, null),
            JsonException j => (400, "Malformed request", $"The body is not valid JSON: {j.Message}", JsonFields.Errors(j)),
            StorageConflictException c => (409, "Conflict", c.Message, null),
            Alc.Integrations.LabelStudio.LabelStudioFormatException l => (400, "Invalid Label Studio payload", l.Message, null),
            Alc.Integrations.Cvat.CvatFormatException c => (422, "Unreadable CVAT payload", c.Message, null),
            Alc.Integrations.Cvat.Rest.CvatException c => (502, "CVAT call failed", $"{c.Message} Nothing was changed in the engine.", null),
            MapFormatException m => (422, "Unreadable map", m.Message, null),
            DatasetFormatException d => (422, "Invalid dataset", d.Message, null),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "Client closed request", "The client went away.", null),
            _ => (500, "Internal error", "The engine failed to handle the request; see its log.", (IReadOnlyDictionary<string, string[]>?)null),
        };
        // A CVAT outage is reported to the caller (502), not an engine fault.
        if (status >= 500 && exception is not Alc.Integrations.Cvat.Rest.CvatException)
        {
            LogUnhandled(logger, exception, httpContext.Request.Path);
        }

        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = httpContext.Request.Path };
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors;
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
