using System.Text.Json;

namespace Alc.Engine.Cli;

/// <summary>What the HTTP benchmarks share: reading an engine reply they rely on, or stopping with what the engine said.</summary>
internal static class BenchHttp
{
    /// <summary>The body of a 2xx <paramref name="response"/> as <typeparamref name="T"/>; anything else throws with the status and the body.</summary>
    public static async Task<T> Read<T>(HttpResponseMessage response, JsonSerializerOptions json)
    {
        string body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonSerializer.Deserialize<T>(body, json)!
            : throw new InvalidOperationException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {body}");
    }
}
