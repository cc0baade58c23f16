using Alc.Core.Maps;
using Alc.Imaging.Datasets;
using Alc.Imaging.Maps;
using Alc.Imaging.Photos;

namespace Alc.Imaging.Exporters;

/// <summary>
/// Exports a dataset's labels as a PASCAL VOC folder: <c>SegmentationClass/&lt;stem&gt;.png</c> (palette PNGs,
/// 255 = void), <c>JPEGImages/&lt;stem&gt;.jpg</c> (JPEG photos copied as they are, others encoded as JPEG at quality 95,
/// since VOC readers look for <c>.jpg</c>), <c>ImageSets/Segmentation/&lt;split&gt;.txt</c>, <c>class_names.txt</c>
/// and, when given, a <c>README.txt</c> saying what the labels are.
/// </summary>
public static class VocExporter
{
    /// <summary>Writes the VOC folder; <paramref name="labelsOf"/> supplies each stem's labels (for example D_t from the engine).</summary>
    /// <param name="dataset">The dataset whose photos and splits to export.</param>
    /// <param name="outputRoot">The VOC folder to write.</param>
    /// <param name="labelsOf">Each stem's labels; null leaves the image out of the export.</param>
    /// <param name="progress">(images done, images total).</param>
    /// <param name="readme">The text of <c>README.txt</c> (where the labels come from), or null for none.</param>
    /// <returns>The number of images written.</returns>
    public static int Export(DatasetFolder dataset, string outputRoot, Func<string, ImageSize, LabelMap?> labelsOf, IProgress<(int Done, int Total)>? progress = null,
        string? readme = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(labelsOf);
        int done = 0, total = dataset.Splits.Values.Sum(s => s.Count), written = 0;
        foreach (var (split, stems) in dataset.Splits)
        {
            var exported = new List<string>();
            foreach (string stem in stems)
            {
                var size = dataset.ImageSize(stem);
                if (labelsOf(stem, size) is LabelMap labels)
                {
                    AtomicFile.WriteAllBytes(Path.Combine(outputRoot, "SegmentationClass", stem + ".png"), LabelMapFile.Encode(labels));
                    AtomicFile.WriteAllBytes(Path.Combine(outputRoot, "JPEGImages", stem + ".jpg"), Jpeg(dataset.Layout.ImageFile(stem)));
                    exported.Add(stem);
                    written++;
                }

                progress?.Report((++done, total));
            }

            AtomicFile.WriteAllLines(Path.Combine(outputRoot, "ImageSets", "Segmentation", split + ".txt"), exported);
        }

        AtomicFile.WriteAllLines(Path.Combine(outputRoot, "class_names.txt"), dataset.Classes.Select(c => c.Name));
        if (readme is not null)
        {
            AtomicFile.WriteAllLines(Path.Combine(outputRoot, "README.txt"), [readme]);
        }

        return written;
    }

    // A JPEG file (by its magic bytes, whatever its name) is copied byte for byte; anything else is re-encoded.
    private static byte[] Jpeg(string photo)
    {
        byte[] bytes = File.ReadAllBytes(photo);
        bool isJpeg = bytes.Length > 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF;
        return isJpeg ? bytes : RgbImageCodec.EncodeJpeg(RgbImageCodec.Decode(bytes, Path.GetFileName(photo)));
    }

    /// <summary>Labels from the dataset's own pseudo/ or gt/ folder.</summary>
    public static Func<string, ImageSize, LabelMap?> FromFolder(DatasetFolder dataset, ExportLabels which) =>
        which == ExportLabels.Gt ? dataset.ReadGroundTruth : (stem, size) => dataset.ReadPseudo(stem, size);
}
