using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Alc.Integrations.LabelStudio.Editor.Tests;

/// <summary>
/// A loopback web server for the editor: the harness page at <c>/</c>, the editor's build under <c>/ls/</c> and the
/// tasks' images under <c>/images/</c>, all at one origin, so the editor's canvas is not tainted by a cross-origin
/// image and <c>serializeAnnotation()</c> can read a brush mask back from it.
/// </summary>
internal sealed class EditorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte[]> _images;

    private EditorHost(WebApplication app, ConcurrentDictionary<string, byte[]> images)
    {
        _app = app;
        _images = images;
        // Kestrel reports the port it bound for :0 once started.
        Url = new Uri(app.Urls.Single().TrimEnd('/') + "/");
    }

    /// <summary>The server's root, <c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri Url { get; }

    /// <summary>Starts the server on a free loopback port, serving <paramref name="package"/>'s build.</summary>
    public static async Task<EditorHost> StartAsync(EditorPackage package)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        var images = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        Map(app, package, images);
        await app.StartAsync();
        return new EditorHost(app, images);
    }

    /// <summary>Serves <paramref name="png"/> at <c>/images/<paramref name="name"/></c> and returns that path.</summary>
    public string AddImage(string name, byte[] png)
    {
        _images[name] = png;
        return "/images/" + Uri.EscapeDataString(name);
    }

    private static void Map(WebApplication app, EditorPackage package, ConcurrentDictionary<string, byte[]> images)
    {
        string source = EditorPackage.SourceFolder;
        app.MapGet("/", () => Results.File(Path.Combine(source, "index.html"), "text/html; charset=utf-8"));
        app.MapGet("/harness.js", () => Results.File(Path.Combine(source, "harness.js"), "text/javascript; charset=utf-8"));
        // The browser asks for a favicon on its own; without an answer its 404 would read as a page error.
        app.MapGet("/favicon.ico", () => Results.NoContent());
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(package.BuildFolder), RequestPath = "/ls" });
        app.MapGet("/images/{name}", (string name) =>
            images.TryGetValue(name, out byte[]? png) ? Results.Bytes(png, "image/png") : Results.NotFound());
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
