using System.Text.Json;
using Alc.Core;
using Alc.Core.Maps;
using Alc.Core.Masks;
using Alc.Imaging.Datasets;

namespace Alc.Imaging.Importers;

/// <summary>
/// Imports a COCO JSON file (polygons, compressed or uncompressed RLE) into the ALC folder format:
/// each image's masks are painted with the Grounded-SAM rule (largest first, smaller on top) into a class
/// map (pseudo/ or gt/) and a superpixel map (one id per mask, 0 where no mask). Class 0 is background;
/// the categories follow in ascending id order.
/// </summary>
public static class CocoImporter
{
    /// <summary>Imports <paramref name="annotationsPath"/> with photos from <paramref name="imagesRoot"/> into <paramref name="outputRoot"/>.</summary>
    /// <exception cref="DatasetFormatException">The JSON, an image or an annotation is invalid; nothing is written then.</exception>
    public static ImportSummary Import(string annotationsPath, string imagesRoot, string outputRoot, LabelRole role = LabelRole.Pseudo,
        string split = "train", IProgress<(int Done, int Total)>? progress = null)
    {
        string jsonName = Path.GetFileName(annotationsPath);
        CocoDocument document;
        try
        {
            using var stream = File.OpenRead(annotationsPath);
            document = JsonSerializer.Deserialize<CocoDocument>(stream) ?? throw new DatasetFormatException(jsonName, "the file holds null");
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            throw new DatasetFormatException(jsonName, $"not a readable COCO JSON file ({ex.Message})", ex);
        }

        // A category named like background (labelme writes "_background_") becomes class 0; the others follow by id.
        var background = document.Categories.Where(c => ClassNames.IsBackground(c.Name)).Select(c => (long?)c.Id).FirstOrDefault();
        var categories = document.Categories.Where(c => c.Id != background).OrderBy(c => c.Id).ToList();
        if (categories.Count + 1 > LabelMap.MaxClasses)
        {
            throw new DatasetFormatException(jsonName, $"{categories.Count} categories plus background exceed {LabelMap.MaxClasses} classes");
        }

        var classOf = categories.Select((c, i) => (c.Id, Class: i + 1)).ToDictionary(t => t.Id, t => t.Class);
        if (background is long backgroundId)
        {
            classOf[backgroundId] = 0;
        }

        var classes = new List<ClassInfo> { new(0, "background", "#000000") };
        classes.AddRange(categories.Select((c, i) => new ClassInfo(i + 1, ClassNames.Clean(c.Name), ClassesFile.Hex(VocPalette.Color(i + 1)))));
        var byImage = document.Annotations.ToLookup(a => a.ImageId);
        string imagesFull = Path.GetFullPath(imagesRoot);

        using var staged = new StagedImport(outputRoot);
        staged.UseClasses(classes);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int done = 0;
        foreach (var image in document.Images)
        {
            string stem = Path.GetFileNameWithoutExtension(image.FileName);
            string where = $"{jsonName}: image {image.Id} ('{image.FileName}')";
            if (DatasetLayout.StemProblem(stem) is string problem || !seen.Add(stem))
            {
                throw new DatasetFormatException(where, DatasetLayout.StemProblem(stem) ?? $"a second image has the stem '{stem}'");
            }

            string source = Path.GetFullPath(Path.Combine(imagesFull, image.FileName));
            if (!source.StartsWith(imagesFull + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new DatasetFormatException(where, "the file name leads outside the images folder");
            }

            if (!File.Exists(source))
            {
                throw new DatasetFormatException(where, $"the photo is missing from {imagesRoot}");
            }

            var size = staged.Writer.CopyImage(stem, source);
            if (size.Width != image.Width || size.Height != image.Height)
            {
                throw new DatasetFormatException(where, $"the JSON says {image.Width}×{image.Height} but the photo is {size}");
            }

            var masks = new List<ObjectMask>();
            foreach (var annotation in byImage[image.Id])
            {
                if (!classOf.TryGetValue(annotation.CategoryId, out int classId))
                {
                    throw new DatasetFormatException(where, $"annotation {annotation.Id} has unknown category {annotation.CategoryId}");
                }

                try
                {
                    var rle = CocoSegmentation.Decode(annotation.Segmentation, image.Width, image.Height);
                    masks.Add(new ObjectMask(rle.Decode(), classId, annotation.Score ?? 0));
                }
                catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
                {
                    throw new DatasetFormatException(where, $"annotation {annotation.Id}: {ex.Message}", ex);
                }
            }

            var painted = MaskPainter.Paint(image.Width, image.Height, classes.Count, masks);
            var labels = new LabelMap(image.Width, image.Height, classes.Count, painted.Classes);
            if (role == LabelRole.Pseudo)
            {
                staged.Writer.WritePseudo(stem, labels);
                staged.Writer.WriteSuperpixels(stem, new SuperpixelMap(image.Width, image.Height, painted.Superpixels));
            }
            else
            {
                staged.Writer.WriteGroundTruth(stem, labels);
            }

            staged.AddToSplit(split, stem);
            // Counted outside the call: "progress?." skips its arguments when there is no progress.
            done++;
            progress?.Report((done, document.Images.Count));
        }

        staged.Commit();
        return new ImportSummary(new Dictionary<string, int> { [split] = done }, classes.Count, []);
    }
}
