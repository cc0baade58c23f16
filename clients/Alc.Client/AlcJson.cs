using System.Text.Json;
using System.Text.Json.Serialization;
using Refit;

namespace Alc.Client;

/// <summary>
/// The JSON the engine speaks: camelCase properties, enums as camelCase strings. A property left null is not sent, so
/// the engine applies its documented default (the engine refuses an explicit null for a field that is not nullable).
/// </summary>
public static class AlcJson
{
    /// <summary>Serializer options matching the engine.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Refit settings using <see cref="Options"/>.</summary>
    public static RefitSettings RefitSettings() => new(new SystemTextJsonContentSerializer(Options));

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        return options;
    }
}
