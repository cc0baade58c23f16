using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alc.Core;
using Alc.Core.Maps;
using Alc.Integrations.LabelStudio.Brush;
using Alc.Integrations.LabelStudio.Config;

namespace Alc.Integrations.LabelStudio.Labels;

/// <summary>
/// A label map as a Label Studio task of the <see cref="SegmentationConfig"/> and back: one <c>brushlabels</c> mask per
/// class present (in the class's colour, half transparent), ignored pixels under <see cref="SegmentationConfig.IgnoreLabel"/>,
/// and class 0 wherever no mask covers a pixel — so background need not be painted, and a map survives the round trip exactly.
/// </summary>
public static class BrushTaskLabels
{
    /// <summary>The alpha of exported masks: the editor draws a mask with its own RGBA, so the photo stays visible under it.</summary>
    public const byte ExportAlpha = 128;

    /// <summary>The task <c>{data: {image}, annotations: [{result}]}</c> of one image.</summary>
    /// <exception cref="ArgumentException">The map has a label outside <paramref name="classes"/>.</exception>
    public static JsonObject Task(string imageUrl, LabelMap labels, IReadOnlyList<ClassInfo> classes)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classes);
        var present = new SortedSet<int>();
        foreach (byte label in labels.Labels)
        {
            present.Add(label);
        }

        var result = new JsonArray();
        foreach (int label in present.Where(l => l != 0))
        {
            bool ignore = label == LabelMap.Ignore;
            if (!ignore && label >= classes.Count)
            {
                throw new ArgumentException($"The map has label {label}, but there are {classes.Count} classes.", nameof(labels));
            }

            var mask = new byte[labels.PixelCount];
            for (int p = 0; p < mask.Length; p++)
            {
                mask[p] = labels[p] == label ? (byte)1 : (byte)0;
            }

            var (name, color) = ignore ? (SegmentationConfig.IgnoreLabel, new BrushColor(128, 128, 128, ExportAlpha)) : (classes[label].Name, Color(classes[label].Color));
            result.Add(new JsonObject
            {
                ["id"] = ignore ? "ignore" : $"class-{label}",
                ["from_name"] = SegmentationConfig.Label,
                ["to_name"] = LabelingConfigNames.Image,
                ["type"] = "brushlabels",
                ["original_width"] = labels.Width,
                ["original_height"] = labels.Height,
                ["image_rotation"] = 0,
                ["value"] = new JsonObject
                {
                    ["format"] = "rle",
                    ["rle"] = new JsonArray([.. BrushRle.Encode(mask, labels.Width, labels.Height, color).Select(b => (JsonNode)JsonValue.Create((int)b))]),
                    ["brushlabels"] = new JsonArray(name),
                },
            });
        }

        return new JsonObject
        {
            ["data"] = new JsonObject { [LabelingConfigNames.ImageDataKey] = imageUrl },
            ["annotations"] = new JsonArray(new JsonObject { ["result"] = result, ["was_cancelled"] = false, ["ground_truth"] = false }),
        };
    }

    /// <summary>
    /// The label map of a task's last annotation that was not skipped: class 0 everywhere, then each brush mask of the
    /// <see cref="SegmentationConfig.Label"/> control painted with its class in result order (a later mask over an earlier one).
    /// </summary>
    /// <param name="task">A task as Label Studio exports it (<c>annotations[].result[]</c>).</param>
    /// <param name="classes">The classes, matched by name.</param>
    /// <param name="width">The image's width (every mask must have it as <c>original_width</c>).</param>
    /// <param name="height">The image's height.</param>
    /// <exception cref="LabelStudioFormatException">No usable annotation, a mask of another size, a label that is not a class, or a corrupt RLE.</exception>
    public static LabelMap Read(JsonElement task, IReadOnlyList<ClassInfo> classes, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (task.ValueKind != JsonValueKind.Object || !task.TryGetProperty("annotations", out var annotations) || annotations.ValueKind != JsonValueKind.Array)
        {
            throw new LabelStudioFormatException("the task has no annotations array");
        }

        var annotation = annotations.EnumerateArray()
            .Where(a => a.ValueKind == JsonValueKind.Object && !(a.TryGetProperty("was_cancelled", out var c) && c.ValueKind == JsonValueKind.True))
            .LastOrDefault();
        if (annotation.ValueKind != JsonValueKind.Object || !annotation.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Array)
        {
            throw new LabelStudioFormatException("the task has no annotation with a result (every annotation was skipped, or there is none)");
        }

        var byName = classes.ToDictionary(c => c.Name, c => (byte)c.Id, StringComparer.Ordinal);
        var labels = new byte[(long)width * height];
        int index = 0;
        foreach (var item in result.EnumerateArray())
        {
            string where = $"result[{index++}]";
            if (item.ValueKind != JsonValueKind.Object || Text(item, "type") != "brushlabels" || Text(item, "from_name") != SegmentationConfig.Label)
            {
                continue;
            }

            if (Int(item, "original_width") != width || Int(item, "original_height") != height)
            {
                throw new LabelStudioFormatException($"{where} is a {Int(item, "original_width")}×{Int(item, "original_height")} mask on a {width}×{height} image");
            }

            if (!item.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object)
            {
                throw new LabelStudioFormatException($"{where} has no value object");
            }

            string name = value.TryGetProperty("brushlabels", out var names) && names.ValueKind == JsonValueKind.Array && names.GetArrayLength() == 1
                ? names[0].GetString() ?? "" : throw new LabelStudioFormatException($"{where} must have exactly one brushlabels value");
            byte label = name == SegmentationConfig.IgnoreLabel ? LabelMap.Ignore
                : byName.TryGetValue(name, out byte id) ? id : throw new LabelStudioFormatException($"{where}: \"{name}\" is not a class ({string.Join(", ", byName.Keys)})");
            if (Text(value, "format") != "rle" || !value.TryGetProperty("rle", out var rle) || rle.ValueKind != JsonValueKind.Array)
            {
                throw new LabelStudioFormatException($"{where} must have value.format \"rle\" and value.rle, an array of bytes");
            }

            byte[] mask;
            try
            {
                mask = BrushRle.DecodeMask([.. rle.EnumerateArray().Select(b => b.GetByte())], width, height);
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException)
            {
                throw new LabelStudioFormatException($"{where}: the RLE is not a {width}×{height} brush mask ({ex.Message})");
            }

            for (int p = 0; p < mask.Length; p++)
            {
                if (mask[p] != 0)
                {
                    labels[p] = label;
                }
            }
        }

        return new LabelMap(width, height, classes.Count, labels);
    }

    private static BrushColor Color(string hex) =>
        hex is ['#', _, _, _, _, _, _] && int.TryParse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int rgb)
            ? new BrushColor((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb, ExportAlpha)
            : new BrushColor(255, 255, 255, ExportAlpha);

    private static string? Text(JsonElement item, string key) => item.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement item, string key) => item.TryGetProperty(key, out var v) && v.TryGetInt32(out int n) ? n : null;
}
