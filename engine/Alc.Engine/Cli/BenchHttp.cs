using System.Text.Json;
using Alc.Engine.Server.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alc.Engine.Cli;

/// <summary>What the HTTP benchmarks share: a scratch engine on a loopback port, the engine's JSON, and reading its replies.</summary>
internal static class BenchHttp
{
    /// <summary>The engine's JSON options (camelCase, enums by their contract names).</summary>
    public static JsonSerializerOptions Json { get; } = CreateJson();

    /// <summary>
    /// Starts a real engine (Kestrel on a free loopback port, warnings-only logging) with <paramref name="settings"/> over the
    /// defaults; returns it with its address. The caller stops and disposes it.
    /// </summary>
    public static async Task<(IHost Host, Uri Address)> StartEngineAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var configuration = new Dictionary<string, string?>(settings) { ["urls"] = "http://127.0.0.1:0" };
        var host = EngineHost.CreateHostBuilder([], configuration).ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning)).Build();
        await host.StartAsync(cancellationToken);
        var address = new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return (host, address);
    }

    /// <summary>The body of a 2xx <paramref name="response"/> as <typeparamref name="T"/>; anything else throws with the status and the body.</summary>
    public static async Task<T> Read<T>(HttpResponseMessage response, JsonSerializerOptions json)
    {
        string body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonSerializer.Deserialize<T>(body, json)!
            : throw new InvalidOperationException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {body}");
    }

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        EngineHost.ConfigureJson(json);
        return json;
    }
}
