using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alc.Cli.LabelStudio;

/// <summary>The JSON Label Studio's REST API speaks: snake_case fields (Django REST framework), unset optional fields left out.</summary>
internal static class LabelStudioJson
{
    /// <summary>Serializer options for the request bodies the CLI sends to Label Studio.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
