using Alc.Core;
using Alc.Core.Maps;
using Alc.Imaging.Datasets;
using Alc.Imaging.Maps;
using Alc.Imaging.Photos;

namespace Alc.Imaging.Importers;

/// <summary>
/// Imports a PASCAL VOC folder — <c>JPEGImages/</c>, <c>SegmentationClass/</c> (or labelme's
/// <c>SegmentationClassPNG/</c>) palette PNGs read by index, <c>ImageSets/Segmentation/{train,val}.txt</c>
/// (all masks go to train when absent), optional <c>class_names.txt</c> — into the ALC folder format as
/// pseudo labels or ground truth. Images without superpixels get them from the <c>superpixels</c>
/// function (for example SLIC) when one is given.
/// </summary>
public static class VocImporter
{
    private static readonly string[] MaskFolders = ["SegmentationClass", "SegmentationClassPNG"];
    private static readonly string[] PhotoExtensions = [".jpg", ".jpeg", ".png"];

    /// <summary>Imports <paramref name="sourceRoot"/> into <paramref name="outputRoot"/>.</summary>
    /// <param name="sourceRoot">The VOC folder.</param>
    /// <param name="outputRoot">The ALC dataset folder (created or extended).</param>
    /// <param name="role">Whether the masks are pseudo labels or ground truth.</param>
    /// <param name="superpixels">Makes superpixels for an image that has none yet (for example SLIC); null to leave them out.</param>
    /// <param name="progress">(images done, images total).</param>
    /// <exception cref="DatasetFormatException">A folder, split entry, photo or mask is missing or invalid; nothing is written then.</exception>
    public static ImportSummary Import(string sourceRoot, string outputRoot, LabelRole role = LabelRole.Pseudo,
        Func<RgbImage, SuperpixelMap>? superpixels = null, IProgress<(int Done, int Total)>? progress = null)
    {
        string photos = Path.Combine(sourceRoot, "JPEGImages");
        string masks = MaskFolders.Select(d => Path.Combine(sourceRoot, d))
            .FirstOrDefault(d => Directory.Exists(d) && Directory.EnumerateFiles(d, "*.png").Any())
            ?? throw new DatasetFormatException(sourceRoot, "no SegmentationClass/ (or SegmentationClassPNG/) folder with PNG masks");
        if (!Directory.Exists(photos))
        {
            throw new DatasetFormatException(sourceRoot, "no JPEGImages/ folder");
        }

        var classes = ReadClasses(sourceRoot);
        var splits = ReadSplits(sourceRoot, masks);
        using var staged = new StagedImport(outputRoot);
        staged.UseClasses(classes);
        int total = splits.Sum(s => s.Value.Count), done = 0;
        foreach (var (split, stems) in splits)
        {
            foreach (string stem in stems)
            {
                string photo = PhotoExtensions.Select(e => Path.Combine(photos, stem + e)).FirstOrDefault(File.Exists)
                    ?? throw new DatasetFormatException($"JPEGImages/{stem}.jpg", "the photo is missing");
                var size = staged.Writer.CopyImage(stem, photo);
                string maskPath = Path.Combine(masks, stem + ".png");
                if (!File.Exists(maskPath))
                {
                    throw new DatasetFormatException($"{Path.GetFileName(masks)}/{stem}.png", "the mask is missing");
                }

                LabelMap labels;
                using (var stream = File.OpenRead(maskPath))
                {
                    labels = LabelMapFile.Read(stream, $"{Path.GetFileName(masks)}/{stem}.png", classes.Count, size);
                }

                if (role == LabelRole.Pseudo)
                {
                    staged.Writer.WritePseudo(stem, labels);
                }
                else
                {
                    staged.Writer.WriteGroundTruth(stem, labels);
                }

                if (superpixels is not null && !File.Exists(staged.Output.SuperpixelFile(stem)))
                {
                    staged.Writer.WriteSuperpixels(stem, superpixels(RgbImageCodec.Decode(photo)));
                }

                staged.AddToSplit(split, stem);
                // Counted outside the call: "progress?." skips its arguments when there is no progress.
                done++;
                progress?.Report((done, total));
            }
        }

        staged.Commit();
        return new ImportSummary(splits.ToDictionary(s => s.Key, s => s.Value.Count), classes.Count, []);
    }

    private static List<ClassInfo> ReadClasses(string sourceRoot)
    {
        string path = Path.Combine(sourceRoot, "class_names.txt");
        var names = File.Exists(path)
            ? File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && l != "__ignore__").Select(ClassNames.Clean).ToList()
            : ClassNames.Voc.ToList();
        return names.Select((n, i) => new ClassInfo(i, n, ClassesFile.Hex(VocPalette.Color(i)))).ToList();
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadSplits(string sourceRoot, string masks)
    {
        string sets = Path.Combine(sourceRoot, "ImageSets", "Segmentation");
        var splits = new Dictionary<string, IReadOnlyList<string>>();
        foreach (string split in DatasetLayout.Splits)
        {
            string path = Path.Combine(sets, split + ".txt");
            if (File.Exists(path))
            {
                splits[split] = SplitFile.Read(path, $"ImageSets/Segmentation/{split}.txt");
            }
        }

        if (splits.Count == 0)
        {
            splits["train"] = Directory.EnumerateFiles(masks, "*.png").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList()!;
        }

        return splits;
    }
}
