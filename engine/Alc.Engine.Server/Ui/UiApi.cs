using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alc.Engine.Server.Ui;

/// <summary>
/// Serves the page at <c>/ui/</c> (<c>/</c> redirects there). The files hold no data, so they need no key; the page asks for
/// one and sends it to the REST API itself. Not part of the OpenAPI contract: the page is a client of it, like the SDK.
/// </summary>
internal static class UiApi
{
    // The page loads only its own files and talks only to this origin; images it shows are blob: URLs of fetched PNGs.
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' blob: data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static void MapUi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", () => Results.Redirect("/ui/")).ExcludeFromDescription().AllowAnonymous();
        endpoints.MapGet("/ui/{**path}", (string? path, HttpContext context, UiAssets assets) =>
            {
                // Routing treats /ui and /ui/ alike, but the page's relative links need the slash.
                if (!context.Request.Path.Value!.EndsWith('/') && string.IsNullOrEmpty(path))
                {
                    return Results.Redirect("/ui/");
                }

                var asset = assets.Find(path);
                if (asset is null)
                {
                    return Results.NotFound();
                }

                var headers = context.Response.Headers;
                headers.ETag = asset.ETag;
                headers.CacheControl = "no-cache";
                headers.XContentTypeOptions = "nosniff";
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers["Referrer-Policy"] = "no-referrer";
                if (context.Request.Headers.IfNoneMatch == asset.ETag)
                {
                    return Results.StatusCode(StatusCodes.Status304NotModified);
                }

                return Results.Bytes(asset.Content, asset.ContentType);
            })
            .ExcludeFromDescription().AllowAnonymous();
    }
}
