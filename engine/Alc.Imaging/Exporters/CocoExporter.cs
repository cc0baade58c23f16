using System.Text.Json;
using System.Text.Json.Serialization;
using Alc.Core.Maps;
using Alc.Core.Rle;
using Alc.Imaging.Datasets;

namespace Alc.Imaging.Exporters;

/// <summary>
/// Exports a dataset's labels as one COCO JSON file with compressed RLE masks (pycocotools encoding): one
/// annotation per (image, non-background class present), categories = the non-background classes with
/// their class ids. Background and ignore (255) pixels are left unannotated.
/// </summary>
public static class CocoExporter
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private sealed record Image([property: JsonPropertyName("id")] int Id, [property: JsonPropertyName("file_name")] string FileName,
        [property: JsonPropertyName("width")] int Width, [property: JsonPropertyName("height")] int Height);

    private sealed record Category([property: JsonPropertyName("id")] int Id, [property: JsonPropertyName("name")] string Name);

    private sealed record Segmentation([property: JsonPropertyName("size")] int[] Size, [property: JsonPropertyName("counts")] string Counts);

    private sealed record Annotation([property: JsonPropertyName("id")] int Id, [property: JsonPropertyName("image_id")] int ImageId,
        [property: JsonPropertyName("category_id")] int CategoryId, [property: JsonPropertyName("segmentation")] Segmentation Segmentation,
        [property: JsonPropertyName("area")] int Area, [property: JsonPropertyName("bbox")] int[] Bbox, [property: JsonPropertyName("iscrowd")] int IsCrowd);

    private sealed record Document([property: JsonPropertyName("images")] List<Image> Images,
        [property: JsonPropertyName("annotations")] List<Annotation> Annotations, [property: JsonPropertyName("categories")] List<Category> Categories);

    /// <summary>Writes <paramref name="outputPath"/>; returns the number of annotations.</summary>
    public static int Export(DatasetFolder dataset, string outputPath, Func<string, ImageSize, LabelMap?> labelsOf, IProgress<(int Done, int Total)>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(labelsOf);
        var document = new Document([], [], dataset.Classes.Where(c => c.Id > 0).Select(c => new Category(c.Id, c.Name)).ToList());
        var stems = dataset.AllStems.ToList();
        var mask = Array.Empty<byte>();
        for (int i = 0; i < stems.Count; i++)
        {
            var size = dataset.ImageSize(stems[i]);
            if (labelsOf(stems[i], size) is not LabelMap labels)
            {
                continue;
            }

            string photo = dataset.Layout.ImageFile(stems[i]);
            document.Images.Add(new Image(i + 1, "images/" + Path.GetFileName(photo), size.Width, size.Height));
            if (mask.Length != labels.PixelCount)
            {
                mask = new byte[labels.PixelCount];
            }

            for (int c = 1; c < dataset.ClassCount; c++)
            {
                byte classId = (byte)c;
                ReadOnlySpan<byte> values = labels.Labels;
                bool any = false;
                for (int p = 0; p < values.Length; p++)
                {
                    bool inside = values[p] == classId;
                    mask[p] = inside ? (byte)1 : (byte)0;
                    any |= inside;
                }

                if (!any)
                {
                    continue;
                }

                var rle = CocoRle.Encode(mask, size.Width, size.Height);
                var box = rle.BoundingBox();
                document.Annotations.Add(new Annotation(document.Annotations.Count + 1, i + 1, c,
                    new Segmentation([size.Height, size.Width], rle.ToCountsString()), rle.Area, [box.X, box.Y, box.Width, box.Height], 0));
            }

            progress?.Report((i + 1, stems.Count));
        }

        AtomicFile.WriteAllBytes(outputPath, JsonSerializer.SerializeToUtf8Bytes(document, Json));
        return document.Annotations.Count;
    }
}
