using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alc.Integrations.LabelStudio.Tests.Support;

/// <summary>One mask rle-pack encoded: its size, how its RGBA was made, the alpha channel it was made from, and rle-pack's bytes.</summary>
public sealed record RlePackEncodedCase(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height,
    [property: JsonPropertyName("pixels")] string Pixels,
    [property: JsonPropertyName("alphaBase64")] string AlphaBase64,
    [property: JsonPropertyName("rle")] byte[] Rle)
{
    /// <summary>The alpha channel rle-pack was given, one byte per pixel.</summary>
    public byte[] Alpha => Convert.FromBase64String(AlphaBase64);

    /// <summary>Whole name for xunit's display.</summary>
    public override string ToString() => Name;
}

/// <summary>One byte array our encoder wrote, and the RGBA rle-pack's decoder read from it.</summary>
public sealed record RlePackDecodedCase(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height,
    [property: JsonPropertyName("rle")] byte[] Rle,
    [property: JsonPropertyName("decodedLength")] int DecodedLength,
    [property: JsonPropertyName("decodedRgbaDeflateBase64")] string DecodedRgbaDeflateBase64)
{
    /// <summary>The RGBA bytes rle-pack decoded (stored raw-deflated, then base64).</summary>
    public byte[] DecodedRgba
    {
        get
        {
            using var deflated = new MemoryStream(Convert.FromBase64String(DecodedRgbaDeflateBase64));
            using var inflate = new DeflateStream(deflated, CompressionMode.Decompress);
            using var rgba = new MemoryStream();
            inflate.CopyTo(rgba);
            return rgba.ToArray();
        }
    }

    /// <summary>Whole name for xunit's display.</summary>
    public override string ToString() => Name;
}

/// <summary>
/// Reads the committed golden fixtures (copied next to the test assembly under <c>golden/</c>). System.Text.Json
/// reads a JSON number array into <c>byte[]</c> only as base64, so <c>rle</c> goes through an int array.
/// </summary>
public static class GoldenFixtures
{
    /// <summary>JSON options that read and write <c>byte[]</c> as numbers, as the fixtures hold them.</summary>
    public static JsonSerializerOptions Options { get; } = new() { Converters = { new ByteArrayAsNumbers() } };

    /// <summary>The cases of <c>rle-pack-encoded.json</c>: masks encoded by rle-pack's <c>encode</c>.</summary>
    public static IReadOnlyList<RlePackEncodedCase> RlePackEncoded() => Read<RlePackEncodedCase>("rle-pack-encoded.json");

    /// <summary>The cases of <c>ours-decoded-by-rle-pack.json</c>: our encodings decoded by rle-pack's <c>decode</c>.</summary>
    public static IReadOnlyList<RlePackDecodedCase> OursDecodedByRlePack() => Read<RlePackDecodedCase>("ours-decoded-by-rle-pack.json");

    private static List<T> Read<T>(string file)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "golden", file);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("cases").Deserialize<List<T>>(Options)
            ?? throw new InvalidDataException($"{file} has no cases.");
    }

    /// <summary>Reads and writes <c>byte[]</c> as a JSON array of numbers 0..255, the way Label Studio's <c>rle</c> is written.</summary>
    public sealed class ByteArrayAsNumbers : JsonConverter<byte[]>
    {
        /// <inheritdoc/>
        public override byte[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            [.. JsonSerializer.Deserialize<int[]>(ref reader)!.Select(v => checked((byte)v))];

        /// <inheritdoc/>
        public override void Write(Utf8JsonWriter writer, byte[] value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Select(v => (int)v).ToArray());
    }
}
