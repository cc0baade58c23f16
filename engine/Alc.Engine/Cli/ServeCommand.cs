using System.CommandLine;
using Alc.Engine.Server.Hosting;
using Microsoft.Extensions.Hosting;

namespace Alc.Engine.Cli;

/// <summary><c>alc-engine serve</c>: runs the HTTP engine until stopped.</summary>
public static class ServeCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "Data directory (database and blobs). Default ./alc-data, or ALC_DATADIRECTORY." };
        var urls = new Option<string?>("--urls") { Description = "Listen addresses. Default http://127.0.0.1:5080, or ALC_URLS." };
        var demo = new Option<bool>("--demo") { Description = "Create a seeded synthetic dataset and project 'demo' on first start." };
        var command = new Command("serve", "Run the engine: REST API, Swagger UI at /swagger, OpenAPI document at /openapi/v1.json.") { data, urls, demo };
        command.SetAction(async (result, cancellationToken) =>
        {
            var overrides = Overrides(result.GetValue(data), result.GetValue(urls), result.GetValue(demo));
            using var host = EngineHost.CreateHostBuilder([], overrides).Build();
            await host.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }

    /// <summary>The configuration the command line sets; listen address and data folder fall back to the defaults when neither flag nor environment sets them.</summary>
    internal static Dictionary<string, string?> Overrides(string? data, string? urls, bool demo)
    {
        var overrides = new Dictionary<string, string?>();
        string? environmentUrls = Environment.GetEnvironmentVariable("ALC_URLS") ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS");
        overrides["urls"] = urls ?? environmentUrls ?? "http://127.0.0.1:5080";
        if (data is not null)
        {
            overrides["DataDirectory"] = data;
        }

        if (demo)
        {
            overrides["Demo"] = "true";
        }

        return overrides;
    }
}
