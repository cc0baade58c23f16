using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Alc.Engine.Server.Tests.Cvat.Fake;

/// <summary>
/// Task data, in one request: <c>POST /api/tasks/{id}/data</c> as <c>multipart/form-data</c> (anything else is 415)
/// with DataSerializer's <c>image_quality</c> (required, 0..100), files as <c>client_files[0]</c>, <c>client_files[1]</c>, …
/// (the name Django keeps is the file name without its directory), and <c>sorting_method</c> (<c>lexicographical</c> by
/// default, or <c>predefined</c>: the index order; <c>natural</c> and <c>random</c> are CVAT choices the fake does not
/// implement). It answers 202 <c>{"rq_id"}</c>; a task takes data once (<c>"Adding more data is not supported"</c>), and
/// a request without files is refused. CVAT-SDK's chunked TUS protocol (<c>Upload-Start</c>/<c>Upload-Multiple</c>/
/// <c>Upload-Finish</c> headers) is not modeled. <c>GET /api/requests/{rq_id}</c> polls the request;
/// <c>GET /api/tasks/{id}/data/meta</c> and <c>GET /api/jobs/{id}/data/meta</c> describe the frames.
/// </summary>
internal sealed partial class CvatFakeRoutes
{
    private static readonly string[] SortingMethods = ["lexicographical", "natural", "predefined", "random"];

    private void MapData(WebApplication app)
    {
        app.MapPost("/api/tasks/{id:long}/data", UploadAsync);
        app.MapGet("/api/requests/{**id}", (string id) => store.Poll(id) is { } request ? CvatFakeErrors.Json(request) : CvatFakeErrors.NotFound());
        app.MapGet("/api/tasks/{id:long}/data/meta", (long id) => store.TaskMeta(id) is { } meta ? CvatFakeErrors.Json(meta) : CvatFakeErrors.NotFound());
        app.MapGet("/api/jobs/{id:long}/data/meta", (long id) => store.JobMeta(id) is { } meta ? CvatFakeErrors.Json(meta) : CvatFakeErrors.NotFound());
    }

    private async Task<IResult> UploadAsync(HttpContext context, long id)
    {
        string? refusal = store.DataRefusal(id);
        if (refusal == "missing")
        {
            return CvatFakeErrors.NotFound();
        }

        if (!context.Request.HasFormContentType || context.Request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
        {
            return CvatFakeErrors.UnsupportedMediaType(context.Request.ContentType);
        }

        if (context.Request.Headers.ContainsKey("Upload-Start") || context.Request.Headers.ContainsKey("Upload-Multiple") || context.Request.Headers.ContainsKey("Upload-Finish"))
        {
            return CvatFakeErrors.Messages(["The contract fake takes task data in one multipart request; CVAT's TUS upload protocol is not modeled"]);
        }

        if (refusal is not null)
        {
            return CvatFakeErrors.Json(refusal, StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var fields = new CvatFakeFields([]);
        int quality = 0;
        string qualityText = form["image_quality"].ToString();
        if (qualityText.Length == 0)
        {
            fields.Fail("image_quality", "This field is required.");
        }
        else if (!int.TryParse(qualityText.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out quality))
        {
            fields.Fail("image_quality", "A valid integer is required.");
        }
        else if (quality is < 0 or > 100)
        {
            fields.Fail("image_quality", quality < 0 ? "Ensure this value is greater than or equal to 0." : "Ensure this value is less than or equal to 100.");
        }

        string sorting = form["sorting_method"].ToString() is { Length: > 0 } given ? given : "lexicographical";
        if (!SortingMethods.Contains(sorting))
        {
            fields.Fail("sorting_method", $"\"{sorting}\" is not a valid choice.");
        }
        else if (sorting is "natural" or "random")
        {
            fields.Fail("sorting_method", $"The contract fake implements lexicographical and predefined sorting, not {sorting}.");
        }

        var files = new List<(int Index, string Name, byte[] Bytes)>();
        foreach (var file in form.Files)
        {
            if (ClientFile().Match(file.Name) is not { Success: true } match)
            {
                fields.Fail("client_files", $"Unexpected file field '{file.Name}': files go in client_files[0], client_files[1], …");
                continue;
            }

            using var stream = new MemoryStream();
            await file.CopyToAsync(stream, context.RequestAborted);
            files.Add((int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), Path.GetFileName(file.FileName.Replace('\\', '/')), stream.ToArray()));
        }

        if (!fields.Valid)
        {
            return CvatFakeErrors.Invalid(fields.Errors);
        }

        if (files.Count == 0)
        {
            return CvatFakeErrors.Messages(["No media data found: send the images as client_files[0], client_files[1], …"]);
        }

        var ordered = files.OrderBy(f => f.Index).Select(f => (f.Name, f.Bytes)).ToList();
        string rqId = store.StartUpload(id, quality, sorting, ordered);
        return CvatFakeErrors.Json(new JsonObject { ["rq_id"] = rqId }, StatusCodes.Status202Accepted);
    }

    [GeneratedRegex(@"^client_files\[(\d{1,6})\]$")]
    private static partial Regex ClientFile();
}
