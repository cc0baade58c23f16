using Alc.Core.Maps;
using Alc.Imaging.Datasets;

namespace Alc.Imaging.Exporters;

/// <summary>
/// Exports a dataset's labels as a folder CVAT imports in its "Segmentation mask 1.1" format (zip the folder's contents,
/// not the folder, to upload it): <c>labelmap.txt</c> (<see cref="CvatLabelMap"/>), <c>ImageSets/Segmentation/&lt;split&gt;.txt</c>,
/// <c>SegmentationClass/&lt;stem&gt;.png</c> and <c>SegmentationObject/&lt;stem&gt;.png</c> (24-bit RGB, <see cref="CvatMasks"/>)
/// and <c>JPEGImages/&lt;stem&gt;.&lt;ext&gt;</c> (the photos as they are).
/// </summary>
/// <remarks>
/// <para>Sources: CVAT's format page (site/content/en/docs/dataset_management/formats/format-smask.md), its exporter and
/// importer (cvat/apps/dataset_manager/formats/mask.py: export through datumaro's <c>voc_segmentation</c> writer, import through
/// datumaro's <c>voc</c> reader) and that reader (cvat-ai/datumaro, datumaro/plugins/voc_format/).</para>
/// <para>Layout at the root. CVAT detects the format by requiring <c>ImageSets/Segmentation/*.txt</c> relative to the archive
/// root (<c>VocImporter.detect</c>), and its own exporter zips the folder's contents.</para>
/// <para>One list per split, only when it names an image. Every list file is a subset, and a project import makes one task per
/// subset named after it (bindings.py, <c>load_dataset_data</c>); datumaro's writer likewise leaves empty lists out. The reader
/// skips list files whose name holds '_' (VOC's per-class lists); the ALC splits, train and val, have none.</para>
/// <para>SegmentationObject is written. Without it datumaro makes one mask per distinct class colour, background included,
/// so every background and ignore region would become a "background" shape; with it, each non-zero instance becomes one mask
/// shape labelled with its pixels' class, and instance 0 is skipped (<c>VocSegmentationExtractor._load_annotations</c>,
/// <c>CompiledMask.get_instance_labels</c>), which is how datumaro's writer leaves background unannotated
/// (<c>CompiledMask.from_instance_masks</c>: the background label maps to instance 0). Instances are one per class present in
/// the image rather than one per connected component: the instance colours are the 256-entry VOC palette, so more than 255
/// instances would be an undeclared colour, and one shape per class matches <see cref="CocoExporter"/>.</para>
/// <para>Images. A project import needs the media; the reader finds them under <c>JPEGImages/</c> by stem, whatever the
/// extension, and an import into a task matches its frames by stem when the extension differs (bindings.py,
/// <c>match_dm_item</c>). Images whose labels are null are left out.</para>
/// </remarks>
public static class CvatMaskExporter
{
    /// <summary>Writes the CVAT folder under <paramref name="outputRoot"/>; <paramref name="labelsOf"/> supplies each stem's labels (null leaves the image out). Returns the number of images written.</summary>
    /// <exception cref="DatasetFormatException">A class name cannot be written to labelmap.txt (see <see cref="CvatLabelMap.For"/>).</exception>
    public static int Export(DatasetFolder dataset, string outputRoot, Func<string, ImageSize, LabelMap?> labelsOf, IProgress<(int Done, int Total)>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(labelsOf);
        var map = CvatLabelMap.For(dataset.Classes);
        int done = 0, total = dataset.Splits.Values.Sum(s => s.Count), written = 0;
        foreach (var (split, stems) in dataset.Splits.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var exported = new List<string>();
            foreach (string stem in stems)
            {
                var size = dataset.ImageSize(stem);
                if (labelsOf(stem, size) is LabelMap labels)
                {
                    AtomicFile.WriteAllBytes(Path.Combine(outputRoot, "SegmentationClass", stem + ".png"), CvatMasks.Classes(labels, map));
                    AtomicFile.WriteAllBytes(Path.Combine(outputRoot, "SegmentationObject", stem + ".png"), CvatMasks.Instances(labels, map));
                    string photo = dataset.Layout.ImageFile(stem);
                    AtomicFile.WriteAllBytes(Path.Combine(outputRoot, "JPEGImages", stem + Path.GetExtension(photo)), File.ReadAllBytes(photo));
                    exported.Add(stem);
                    written++;
                }

                progress?.Report((++done, total));
            }

            if (exported.Count > 0)
            {
                AtomicFile.WriteAllLines(Path.Combine(outputRoot, "ImageSets", "Segmentation", split + ".txt"), exported);
            }
        }

        AtomicFile.WriteAllLines(Path.Combine(outputRoot, CvatLabelMap.FileName), map.Lines());
        return written;
    }
}
