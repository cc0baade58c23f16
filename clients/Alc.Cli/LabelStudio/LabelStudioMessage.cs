using System.Text.Json;
using System.Text.Json.Nodes;

namespace Alc.Cli.LabelStudio;

/// <summary>
/// Reads what Label Studio said from an error body: its exception handler's <c>detail</c> and <c>validation_errors</c>,
/// Django REST framework's <c>{"field": ["message"]}</c>, or the raw body (a proxy's page) cut to one line.
/// </summary>
internal static class LabelStudioMessage
{
    private const int MaxRaw = 500;

    /// <summary>The message in <paramref name="body"/>; never empty.</summary>
    public static string Read(string body)
    {
        JsonNode? node;
        try
        {
            node = string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            node = null;
        }

        if (node is not JsonObject error)
        {
            return node is null ? Raw(body) : node.ToJsonString();
        }

        var parts = new List<string>();
        if (error["detail"] is JsonValue detail && detail.GetValueKind() == JsonValueKind.String)
        {
            parts.Add(detail.GetValue<string>());
        }

        // Field errors sit under validation_errors in Label Studio's handler, at the top level in plain DRF answers.
        var fields = error["validation_errors"] as JsonObject ?? (parts.Count == 0 ? error : null);
        if (fields is not null)
        {
            parts.AddRange(fields.Select(field => $"{field.Key}: {Flatten(field.Value)}"));
        }

        return parts.Count > 0 ? string.Join("; ", parts) : error.ToJsonString();
    }

    private static string Flatten(JsonNode? value) => value switch
    {
        JsonArray items => string.Join(" ", items.Select(Flatten)),
        JsonValue text when text.GetValueKind() == JsonValueKind.String => text.GetValue<string>(),
        null => "null",
        _ => value.ToJsonString(),
    };

    private static string Raw(string body)
    {
        string line = string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length == 0 ? "(empty body)" : line.Length <= MaxRaw ? line : line[..MaxRaw] + "…";
    }
}
