using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alc.Engine.Server.Hosting;

/// <summary>
/// Enums as the contract lists them and nothing else: reading takes exactly one of the camelCase names the document's
/// <c>enum</c> lists (System.Text.Json's own enum converter also takes <c>"NONE"</c>, <c>" none"</c> and
/// comma-joined flags); writing writes that name. It stands before <see cref="JsonStringEnumConverter"/> in the
/// options, which stays there so Swashbuckle documents enums as strings.
/// </summary>
internal sealed class ExactEnumConverter : JsonConverterFactory
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    /// <inheritdoc />
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Exact<>).MakeGenericType(typeToConvert))!;

    private sealed class Exact<T> : JsonConverter<T>
        where T : struct, Enum
    {
        private static readonly Dictionary<string, T> ByName = Enum.GetValues<T>().ToDictionary(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()), StringComparer.Ordinal);
        private static readonly Dictionary<T, string> Names = ByName.ToDictionary(p => p.Value, p => p.Key);

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && ByName.TryGetValue(reader.GetString()!, out var value))
            {
                return value;
            }

            throw new JsonException($"must be one of {string.Join(", ", ByName.Keys)}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(Names.TryGetValue(value, out var name) ? name : throw new JsonException($"{value} is not a {typeof(T).Name}."));
        }
    }
}
