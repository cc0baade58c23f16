using System.IO.Compression;
using Alc.Core.Maps;
using Alc.Engine.Server.Hosting;
using Alc.Engine.Server.Problems;
using Alc.Imaging.Datasets;
using Alc.Imaging.Exporters;
using Alc.Storage;
using Alc.Storage.Datasets;

namespace Alc.Engine.Server.Datasets;

/// <summary>
/// Exports stored labels with the offline exporters: the images are laid out as an ALC folder in scratch space,
/// then <see cref="VocExporter"/> writes a VOC folder (returned zipped, inside a folder named after the export, with a
/// <c>README.txt</c> saying where its labels come from),
/// <see cref="CvatMaskExporter"/> a CVAT "Segmentation mask 1.1" dataset (zipped with its files at the root, where CVAT's
/// importer looks for them) or <see cref="CocoExporter"/> one COCO RLE JSON.
/// </summary>
internal sealed class DatasetExports(BlobStore blobs, DatasetRepository datasets, EnginePaths paths)
{
    /// <summary>Writes the export to a scratch file and returns its path and content type; the caller deletes it.</summary>
    /// <param name="datasetId">The dataset.</param>
    /// <param name="format"><c>voc</c>, <c>coco</c> or <c>cvat</c>.</param>
    /// <param name="labelsOf">The labels to export per image (null leaves the image out).</param>
    /// <param name="name">The export's name (the dataset's or project's): the VOC zip's top folder and the file names, made file-safe.</param>
    /// <param name="readme">What the labels are, for the VOC export's <c>README.txt</c>.</param>
    public (string Path, string ContentType, string FileName) Export(long datasetId, string format, Func<ImageRow, LabelMap?> labelsOf, string name, string readme)
    {
        if (format is not ("voc" or "coco" or "cvat"))
        {
            throw ApiProblemException.BadRequest($"format must be voc, coco or cvat (got '{format}').");
        }

        var dataset = datasets.Get(datasetId) ?? throw ApiProblemException.NotFound($"Dataset {datasetId}");
        string scratch = paths.TemporaryFolder();
        try
        {
            string root = System.IO.Path.Combine(scratch, "dataset");
            var writer = new DatasetWriter(root);
            writer.WriteClasses(datasets.Classes(datasetId));
            var images = datasets.Images(datasetId);
            var byStem = images.ToDictionary(i => i.Stem);
            foreach (var image in images)
            {
                byte[] photo = blobs.Get(image.ImageBlob);
                string extension = Apis.PhotoResponse.Extension(photo);
                string file = System.IO.Path.Combine(root, "images", image.Stem + extension);
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
                File.WriteAllBytes(file, photo);
            }

            foreach (var split in images.GroupBy(i => i.Split))
            {
                writer.WriteSplit(split.Key, split.Select(i => i.Stem));
            }

            var folder = DatasetFolder.Open(root);
            LabelMap? Labels(string stem, Alc.Imaging.ImageSize size) => labelsOf(byStem[stem]);
            string output = paths.TemporaryFile(format == "coco" ? ".json" : ".zip");
            if (format == "voc")
            {
                string safe = FileSafe(name);
                string voc = System.IO.Path.Combine(scratch, safe);
                VocExporter.Export(folder, voc, Labels, readme: readme);
                ZipFile.CreateFromDirectory(voc, output, CompressionLevel.Fastest, includeBaseDirectory: true);
                return (output, "application/zip", $"{safe}-voc.zip");
            }

            if (format == "cvat")
            {
                string cvat = System.IO.Path.Combine(scratch, "cvat");
                CvatMaskExporter.Export(folder, cvat, Labels);
                ZipFile.CreateFromDirectory(cvat, output, CompressionLevel.Fastest, includeBaseDirectory: false);
                return (output, "application/zip", $"{FileSafe(name)}-cvat-mask-1.1.zip");
            }

            CocoExporter.Export(folder, output, Labels);
            return (output, "application/json", $"{FileSafe(name)}-coco.json");
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>
    /// <paramref name="name"/> with every character other than ASCII letters, digits, '-', '_' and '.' replaced by '-'
    /// (names are free text; a folder or file name must not be able to climb out of the zip or break a shell), never empty.
    /// </summary>
    internal static string FileSafe(string name)
    {
        string safe = new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]);
        safe = safe.Trim('.', '-');
        return safe.Length == 0 ? "export" : safe;
    }
}
