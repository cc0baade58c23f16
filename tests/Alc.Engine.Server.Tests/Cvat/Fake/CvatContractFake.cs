using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alc.Engine.Server.Tests.Cvat.Fake;

/// <summary>
/// Contract fake of a CVAT server, written from CVAT's public REST API documentation and sources (cvat-ai/cvat:
/// cvat/apps/engine serializers, cvat/apps/webhooks/tasks.py, cvat-sdk); not CVAT. An in-process ASP.NET Core app on
/// Kestrel at <c>http://127.0.0.1:{free port}/</c> serving the part of CVAT's REST API the engine's CVAT bridge uses
/// (<see cref="CvatFakeRoutes"/>): server and user info, projects, tasks, multipart data upload with its background
/// request, frame meta, jobs, labels, annotations, webhooks. Every <c>/api</c> call needs
/// <c>Authorization: Token {token}</c> (DRF TokenAuthentication: 401 <c>{"detail": "Authentication credentials were not
/// provided."}</c> without one, <c>"Invalid token."</c> with another; <c>/api/server/about</c>, which CVAT serves
/// anonymously, only refuses a wrong token). It keeps everything in <see cref="Store"/>, records every call, and sends
/// webhooks through the test's <c>deliver</c> function as CVAT's webhook sender would (<see cref="CvatFakeWebhookSender"/>).
/// The methods below are what an annotator does in CVAT's annotation view and job page, without HTTP. What it checks is
/// what CVAT's sources check, plus the invariants CVAT's UI and exporters rely on (documented where they are enforced);
/// nothing else of CVAT runs.
/// </summary>
internal sealed class CvatContractFake : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<RecordedCvatCall> calls = new();
    private readonly CvatFakeWebhookSender sender;

    private CvatContractFake(string token, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> deliver)
    {
        Token = token;
        sender = new CvatFakeWebhookSender(Store, deliver);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.Use(RecordAsync);
        app.Use(AuthenticateAsync);
        app.Use(NoTrailingSlashAsync);
        app.UseRouting();
        new CvatFakeRoutes(Store, sender).Map(app);
    }

    /// <summary>The fake's address, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The API token it accepts (user <see cref="CvatFakeStore.TokenUsername"/>).</summary>
    public string Token { get; }

    /// <summary>Its in-memory database.</summary>
    public CvatFakeStore Store { get; } = new();

    /// <summary>Every call it answered, in order, refused ones included.</summary>
    public IReadOnlyList<RecordedCvatCall> Calls => [.. calls];

    /// <summary>Every webhook request it sent, in order.</summary>
    public IReadOnlyList<CvatFakeDelivery> Deliveries => sender.Deliveries;

    /// <summary>The layout of <c>update:job</c> payloads: CVAT 2.x's with <c>before_update</c> (default) or current CVAT's without.</summary>
    public CvatWebhookPayloadLayout WebhookPayloadLayout
    {
        get => sender.Layout;
        set => sender.Layout = value;
    }

    /// <summary>Starts the fake; <paramref name="deliver"/> sends a webhook request (absolute target URL) wherever the test routes it and returns the response.</summary>
    public static async Task<CvatContractFake> StartAsync(string token, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> deliver)
    {
        var fake = new CvatContractFake(token, deliver);
        await fake.app.StartAsync();
        var addresses = fake.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        fake.BaseUrl = new Uri(addresses.Single().TrimEnd('/') + "/");
        fake.Store.BaseUrl = fake.BaseUrl;
        return fake;
    }

    /// <summary>The calls to <paramref name="method"/> <paramref name="path"/> (path without the query).</summary>
    public IReadOnlyList<RecordedCvatCall> CallsTo(string method, string path) => [.. Calls.Where(c => c.Method == method && c.Path == path)];

    /// <summary>The current annotations of a job, as <c>GET /api/jobs/{id}/annotations</c> answers them.</summary>
    public JsonObject Annotations(long jobId) => Store.Annotations(jobId) ?? throw new KeyNotFoundException($"No job {jobId}.");

    /// <summary>The annotator changes a shape's label; as in CVAT's UI, its attributes reset to the new label's defaults.</summary>
    public void SetShapeLabel(long jobId, long shapeId, string labelName) => Store.SetShapeLabel(jobId, shapeId, labelName);

    /// <summary>The annotator sets a shape's attribute (by name) to a value its spec accepts.</summary>
    public void SetAttribute(long jobId, long shapeId, string attributeName, string value) => Store.SetAttribute(jobId, shapeId, attributeName, value);

    /// <summary>The annotator deletes a shape.</summary>
    public void DeleteShape(long jobId, long shapeId) => Store.DeleteShape(jobId, shapeId);

    /// <summary>The annotator drags a shape's first point (a points shape's point) to (<paramref name="x"/>, <paramref name="y"/>); outside the image is allowed, as in CVAT.</summary>
    public void MoveShape(long jobId, long shapeId, double x, double y) => Store.MoveShape(jobId, shapeId, x, y);

    /// <summary>The annotator adds a manual points shape with one point; answers its id.</summary>
    public long AddPoint(long jobId, int frame, string labelName, double x, double y) => Store.AddPoint(jobId, frame, labelName, x, y);

    /// <summary>
    /// The annotator (<paramref name="username"/>) sets the job's state (<c>new</c>, <c>in progress</c>,
    /// <c>rejected</c>, <c>completed</c>): the job saves with a later <c>updated_date</c>, and <c>update:job</c> goes to
    /// every active webhook of its project that subscribes to it. Answers the deliveries made.
    /// </summary>
    public async Task<IReadOnlyList<CvatFakeDelivery>> SetJobStateAsync(long jobId, string state, string username = "annotator", CancellationToken cancellationToken = default)
    {
        if (!CvatFakeStore.JobStates.Contains(state))
        {
            throw new ArgumentException($"'{state}' is not a CVAT job state ({string.Join(", ", CvatFakeStore.JobStates)}).", nameof(state));
        }

        var save = Store.SaveJob(jobId, state, stage: null, username) ?? throw new KeyNotFoundException($"No job {jobId}.");
        return await sender.JobSavedAsync(save, cancellationToken);
    }

    /// <summary>
    /// What CVAT sends when an annotation save touches a job (<c>job.touch()</c> saves it): <c>update:job</c> with
    /// nothing changed but <c>updated_date</c>. Real CVAT sends this on every annotation save through its API, the
    /// annotation view's included; the fake sends it only when asked, here.
    /// </summary>
    public async Task<IReadOnlyList<CvatFakeDelivery>> TouchJobAsync(long jobId, string username = "annotator", CancellationToken cancellationToken = default)
    {
        var save = Store.SaveJob(jobId, state: null, stage: null, username) ?? throw new KeyNotFoundException($"No job {jobId}.");
        return await sender.JobSavedAsync(save, cancellationToken);
    }

    /// <summary>Sends the last delivery's exact body and signature header again, as CVAT's "redeliver" does.</summary>
    public Task<CvatFakeDelivery> RedeliverLastAsync(CancellationToken cancellationToken = default) => sender.RedeliverLastAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        finally
        {
            calls.Enqueue(new RecordedCvatCall(context.Request.Method, context.Request.Path.Value + context.Request.QueryString.Value, context.Response.StatusCode));
        }
    }

    // DRF TokenAuthentication with IsAuthenticated: 401 and "WWW-Authenticate: Token" before any view runs.
    private async Task AuthenticateAsync(HttpContext context, RequestDelegate next)
    {
        string path = context.Request.Path.Value ?? "";
        string header = context.Request.Headers.Authorization.ToString();
        bool anonymousAllowed = path == "/api/server/about";
        string? refusal = !path.StartsWith("/api/", StringComparison.Ordinal) ? null
            : header.Length == 0 ? (anonymousAllowed ? null : "Authentication credentials were not provided.")
            : header != $"Token {Token}" ? "Invalid token."
            : null;
        if (refusal is null)
        {
            await next(context);
            return;
        }

        context.Response.Headers.WWWAuthenticate = "Token";
        await CvatFakeErrors.Detail(StatusCodes.Status401Unauthorized, refusal).ExecuteAsync(context);
    }

    // CVAT's API routes have no trailing slash; Django answers the slashed path 404.
    private static async Task NoTrailingSlashAsync(HttpContext context, RequestDelegate next)
    {
        string path = context.Request.Path.Value ?? "";
        if (path.Length > 1 && path.EndsWith('/'))
        {
            await CvatFakeErrors.NotFound().ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
