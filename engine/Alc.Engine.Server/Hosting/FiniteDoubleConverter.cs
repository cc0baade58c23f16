using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alc.Engine.Server.Hosting;

/// <summary>
/// Reads a JSON number as a finite <see cref="double"/>: a literal such as <c>1e400</c> parses to Infinity in .NET,
/// which would pass every <c>&gt; 0</c> check and only fail later, when the engine writes it back. Here it is a JSON error
/// (400, naming the field's path) at the door.
/// </summary>
internal sealed class FiniteDoubleConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException($"Expected a number, got {reader.TokenType}.");
        }

        double value = reader.GetDouble();
        return double.IsFinite(value) ? value : throw new JsonException("The number is out of range (it would be Infinity).");
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
