using Alc.Core.Maps;
using Alc.Imaging.Datasets;
using Alc.Imaging.Maps;

namespace Alc.Imaging.Exporters;

/// <summary>
/// Exports a dataset's labels as a PASCAL VOC folder: <c>SegmentationClass/&lt;stem&gt;.png</c> (palette PNGs,
/// 255 = void), <c>JPEGImages/</c> (the photos as they are), <c>ImageSets/Segmentation/&lt;split&gt;.txt</c>
/// and <c>class_names.txt</c>.
/// </summary>
public static class VocExporter
{
    /// <summary>Writes the VOC folder; <paramref name="labelsOf"/> supplies each stem's labels (for example D_t from the engine).</summary>
    public static int Export(DatasetFolder dataset, string outputRoot, Func<string, ImageSize, LabelMap?> labelsOf, IProgress<(int Done, int Total)>? progress = null)
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
                    string photo = dataset.Layout.ImageFile(stem);
                    AtomicFile.WriteAllBytes(Path.Combine(outputRoot, "JPEGImages", stem + Path.GetExtension(photo)), File.ReadAllBytes(photo));
                    exported.Add(stem);
                    written++;
                }

                progress?.Report((++done, total));
            }

            AtomicFile.WriteAllLines(Path.Combine(outputRoot, "ImageSets", "Segmentation", split + ".txt"), exported);
        }

        AtomicFile.WriteAllLines(Path.Combine(outputRoot, "class_names.txt"), dataset.Classes.Select(c => c.Name));
        return written;
    }

    /// <summary>Labels from the dataset's own pseudo/ or gt/ folder.</summary>
    public static Func<string, ImageSize, LabelMap?> FromFolder(DatasetFolder dataset, ExportLabels which) =>
        which == ExportLabels.Gt ? dataset.ReadGroundTruth : (stem, size) => dataset.ReadPseudo(stem, size);
}
