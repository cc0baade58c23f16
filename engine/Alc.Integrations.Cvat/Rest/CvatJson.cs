using System.Text.Json;

namespace Alc.Integrations.Cvat.Rest;

/// <summary>Typed reads of CVAT's JSON that name the missing or mistyped field instead of throwing a bare KeyNotFound.</summary>
internal static class CvatJson
{
    public static string Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : throw new CvatException($"CVAT's answer has no text field \"{name}\".");

    public static long Long(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long n)
            ? n
            : throw new CvatException($"CVAT's answer has no integer field \"{name}\".");

    public static int Int(JsonElement e, string name) => checked((int)Long(e, name));

    public static CvatLabel Label(JsonElement e) => new(Long(e, "id"), Text(e, "name"),
        e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "any",
        e.TryGetProperty("attributes", out var a) && a.ValueKind == JsonValueKind.Array
            ? [.. a.EnumerateArray().Select(s => new CvatAttributeSpec(Long(s, "id"), Text(s, "name"), Text(s, "input_type"),
                s.TryGetProperty("default_value", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : ""))]
            : []);
}
