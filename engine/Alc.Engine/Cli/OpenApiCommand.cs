using System.CommandLine;
using Alc.Engine.Server.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Alc.Engine.Cli;

/// <summary><c>alc-engine openapi --out FILE</c>: writes the served OpenAPI document (starts the engine on a free loopback port with scratch data).</summary>
public static class OpenApiCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var output = new Option<FileInfo>("--out") { Description = "File to write (openapi/alc.v1.json in the repository).", Required = true };
        var command = new Command("openapi", "Write the OpenAPI document the engine serves at /openapi/v1.json.") { output };
        command.SetAction(async (result, cancellationToken) =>
        {
            string json = await FetchAsync(cancellationToken);
            var file = result.GetValue(output)!;
            file.Directory?.Create();
            await File.WriteAllTextAsync(file.FullName, json, cancellationToken);
            Console.WriteLine($"wrote {file.FullName}");
            return 0;
        });
        return command;
    }

    /// <summary>The document as served, normalised to end with one newline.</summary>
    public static async Task<string> FetchAsync(CancellationToken cancellationToken)
    {
        string data = Path.Combine(Path.GetTempPath(), $"alc-openapi-{Guid.NewGuid():N}");
        try
        {
            using var host = EngineHost.CreateHostBuilder([], new Dictionary<string, string?>
                {
                    ["urls"] = "http://127.0.0.1:0",
                    ["DataDirectory"] = data,
                    // ALC_ADMINKEYS / ALC_ANNOTATORKEYS in the environment must not lock the document away from this command.
                    ["PublicApiDocs"] = "true",
                })
                .ConfigureLogging(l => l.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning))
                .Build();
            await host.StartAsync(cancellationToken);
            string address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient();
            string json = await client.GetStringAsync(new Uri(new Uri(address), "/openapi/v1.json"), cancellationToken);
            await host.StopAsync(cancellationToken);
            return json.TrimEnd() + "\n";
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }
}
