using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Alc.Client.Tests.LabelStudio;

/// <summary>
/// A contract fake written from Label Studio's public sources (api.labelstud.io reference: projects create/update,
/// import, export, webhooks, ml): an in-process ASP.NET Core app on Kestrel at <c>http://127.0.0.1:{free port}</c> that
/// serves exactly those routes with Label Studio's trailing slashes (a path that differs by its slash is 404, as Django
/// answers), requires <c>Authorization: Token {token}</c> (401 <c>{"detail": …}</c> otherwise), validates bodies as the
/// reference documents them, keeps projects, tasks, webhooks and ML backends in memory, and records every request.
/// It is not Label Studio: what it checks is what the reference says, and nothing else of Label Studio runs.
/// </summary>
internal sealed class LabelStudioContractFake : IAsyncDisposable
{
    /// <summary>The <see cref="HttpContext.Items"/> key of the request body text, read once by the recorder.</summary>
    public const string BodyItem = "label-studio-fake-body";

    private readonly WebApplication app;
    private readonly MlBackendCheck check;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private JsonObject? importRefusal;

    private LabelStudioContractFake(string token, HttpMessageHandler? mlBackends)
    {
        Token = token;
        check = new MlBackendCheck(mlBackends, token);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.Use(RecordAsync);
        app.Use(AuthenticateAsync);
        app.UseRouting();
        app.Use(ExactPathAsync);
        new LabelStudioContractRoutes(Store, check, () => Interlocked.Exchange(ref importRefusal, null)).Map(app);
    }

    /// <summary>The fake's address, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The access token it accepts.</summary>
    public string Token { get; }

    /// <summary>Its in-memory database.</summary>
    public LabelStudioStore Store { get; } = new();

    /// <summary>Every request received, in order, refused ones included.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    /// <summary>The calls it made to ML backends before storing them (<c>GET /…/health → 200</c>).</summary>
    public IReadOnlyList<string> MlBackendCalls => check.Calls;

    /// <summary>Starts the fake; <paramref name="mlBackends"/> reaches the ML backends it checks on registration (none: no check).</summary>
    public static async Task<LabelStudioContractFake> StartAsync(string token, HttpMessageHandler? mlBackends = null)
    {
        var fake = new LabelStudioContractFake(token, mlBackends);
        await fake.app.StartAsync();
        fake.Url = new Uri(fake.app.Urls.Single().TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>Makes the next import answer 400 with <paramref name="validationErrors"/> as Label Studio's <c>validation_errors</c>.</summary>
    public void RefuseNextImport(JsonObject validationErrors) => Interlocked.Exchange(ref importRefusal, validationErrors);

    /// <summary>The requests to <paramref name="method"/> <paramref name="path"/> (path without the query).</summary>
    public IReadOnlyList<RecordedRequest> Calls(string method, string path) => Requests.Where(r => r.Method == method && r.Path == path).ToList();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        check.Dispose();
    }

    private async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        using var reader = new StreamReader(context.Request.Body);
        string body = await reader.ReadToEndAsync(context.RequestAborted);
        context.Items[BodyItem] = body;
        requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "",
            context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null, body));
        await next(context);
    }

    // Django REST framework's TokenAuthentication: no header, or an unknown token, is 401 before any route runs.
    private async Task AuthenticateAsync(HttpContext context, RequestDelegate next)
    {
        string header = context.Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            await LabelStudioErrors.Unauthorized("Authentication credentials were not provided.").ExecuteAsync(context);
        }
        else if (header != $"Token {Token}")
        {
            await LabelStudioErrors.Unauthorized("Invalid token.").ExecuteAsync(context);
        }
        else
        {
            await next(context);
        }
    }

    // ASP.NET Core matches /api/ml and /api/ml/ alike; Label Studio's URL patterns do not.
    private static async Task ExactPathAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint() is RouteEndpoint endpoint
            && endpoint.RoutePattern.RawText!.EndsWith('/') != (context.Request.Path.Value ?? "").EndsWith('/'))
        {
            await LabelStudioErrors.NotFound().ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
