using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Alc.Core;
using Alc.Core.Maps;

namespace Alc.Imaging.Datasets;

/// <summary>
/// classes.json: <c>[{"id":0,"name":"background","color":"#000000"}, …]</c>, ids exactly 0..L−1 (any order
/// in the file), unique non-empty names, colours "#rrggbb" (optional; the VOC palette colour when absent).
/// </summary>
public static class ClassesFile
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private sealed record Entry(
        [property: JsonPropertyName("id")] int? Id,
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("color")] string? Color);

    /// <summary>Reads and validates classes.json.</summary>
    /// <exception cref="DatasetFormatException">Missing, not JSON of the right shape, or ids/names/colours invalid.</exception>
    public static IReadOnlyList<ClassInfo> Read(string path)
    {
        const string name = "classes.json";
        if (!File.Exists(path))
        {
            throw new DatasetFormatException(name, "the file is missing");
        }

        Entry[]? entries;
        try
        {
            using var stream = File.OpenRead(path);
            if (stream.Length > 4 << 20)
            {
                throw new DatasetFormatException(name, "the file is larger than 4 MiB");
            }

            entries = JsonSerializer.Deserialize<Entry[]>(stream, Json);
        }
        catch (JsonException ex)
        {
            throw new DatasetFormatException(name, $"not a JSON array of {{\"id\", \"name\", \"color\"}} objects ({ex.Message})", ex);
        }

        return Validate(entries ?? throw new DatasetFormatException(name, "the file holds null, not an array"), name);
    }

    /// <summary>Writes classes.json (sorted by id).</summary>
    public static void Write(string path, IReadOnlyList<ClassInfo> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var entries = classes.OrderBy(c => c.Id).Select(c => new Entry(c.Id, c.Name, c.Color)).ToArray();
        Validate(entries, System.IO.Path.GetFileName(path));
        AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(entries, Json));
    }

    private static ClassInfo[] Validate(Entry[] entries, string name)
    {
        if (entries.Length is 0 or > LabelMap.MaxClasses)
        {
            throw new DatasetFormatException(name, $"a dataset has 1..{LabelMap.MaxClasses} classes, the file lists {entries.Length}");
        }

        var classes = new ClassInfo?[entries.Length];
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (entry is null || entry.Id is not int id)
            {
                throw new DatasetFormatException(name, $"entry {i} has no \"id\"");
            }

            if (id < 0 || id >= entries.Length)
            {
                throw new DatasetFormatException(name, $"class id {id} is outside 0..{entries.Length - 1}: ids must be 0..L−1 without gaps");
            }

            if (classes[id] is not null)
            {
                throw new DatasetFormatException(name, $"class id {id} appears twice");
            }

            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                throw new DatasetFormatException(name, $"class {id} has no name");
            }

            if (!names.Add(entry.Name.Trim()))
            {
                throw new DatasetFormatException(name, $"the class name '{entry.Name}' appears twice");
            }

            string color = entry.Color ?? Hex(VocPalette.Color(id));
            if (!IsHexColor(color))
            {
                throw new DatasetFormatException(name, $"class {id} has colour '{color}'; colours are \"#rrggbb\"");
            }

            classes[id] = new ClassInfo(id, entry.Name.Trim(), color.ToLowerInvariant());
        }

        return classes!;
    }

    private static bool IsHexColor(string color) =>
        color.Length == 7 && color[0] == '#' && int.TryParse(color.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out _);

    /// <summary>"#rrggbb" of an RGB triple.</summary>
    public static string Hex((byte R, byte G, byte B) c) => $"#{c.R:x2}{c.G:x2}{c.B:x2}";
}
