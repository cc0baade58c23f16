using System.Text.Json;
using Alc.Core.Rle;

namespace Alc.Imaging.Importers;

/// <summary>Decodes the three COCO segmentation encodings into a <see cref="CocoRle"/>.</summary>
public static class CocoSegmentation
{
    /// <summary>The mask of <paramref name="segmentation"/> for a <paramref name="width"/>×<paramref name="height"/> image.</summary>
    /// <exception cref="FormatException">The JSON is not one of the encodings, or its size disagrees with the image.</exception>
    public static CocoRle Decode(JsonElement segmentation, int width, int height)
    {
        switch (segmentation.ValueKind)
        {
            case JsonValueKind.Array:
                var polygons = new List<double[]>();
                foreach (var polygon in segmentation.EnumerateArray())
                {
                    if (polygon.ValueKind != JsonValueKind.Array)
                    {
                        throw new FormatException("polygon segmentation must be an array of [x1, y1, x2, y2, …] arrays");
                    }

                    polygons.Add(polygon.EnumerateArray().Select(v => v.GetDouble()).ToArray());
                }

                return polygons.Count == 0 ? CocoRle.Empty(width, height) : CocoRle.FromPolygons(polygons, width, height);
            case JsonValueKind.Object:
                if (!segmentation.TryGetProperty("size", out var size) || size.GetArrayLength() != 2 ||
                    !segmentation.TryGetProperty("counts", out var counts))
                {
                    throw new FormatException("RLE segmentation needs \"size\": [h, w] and \"counts\"");
                }

                int h = size[0].GetInt32(), w = size[1].GetInt32();
                if (h != height || w != width)
                {
                    throw new FormatException($"RLE size {w}×{h} differs from the image's {width}×{height}");
                }

                return counts.ValueKind == JsonValueKind.String
                    ? CocoRle.FromCountsString(counts.GetString(), width, height)
                    : new CocoRle(width, height, counts.EnumerateArray().Select(c => c.GetUInt32()).ToArray());
            default:
                throw new FormatException($"segmentation must be polygons or RLE, not {segmentation.ValueKind}");
        }
    }
}
