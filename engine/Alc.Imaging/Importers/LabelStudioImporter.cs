using System.Text.Json;
using System.Text.RegularExpressions;
using Alc.Core;
using Alc.Core.Maps;
using Alc.Imaging.Datasets;
using Alc.Imaging.Photos;
using Alc.Integrations.LabelStudio;
using Alc.Integrations.LabelStudio.Config;
using Alc.Integrations.LabelStudio.Labels;

namespace Alc.Imaging.Importers;

/// <summary>
/// Imports a Label Studio JSON export of a brush segmentation project (a JSON array of tasks, each with
/// <c>data.image</c> and <c>annotations[].result[]</c> brush masks) into the ALC folder format: each task's last
/// annotation that was not skipped becomes the image's label map (<see cref="BrushTaskLabels.Read"/>: class 0 where no mask is).
/// The photo is found in the images folder by the file name of <c>data.image</c>, with or without the 8-hex-digit
/// prefix Label Studio gives uploaded files. Classes are the output's existing ones, or class 0 background then the
/// brush labels in ordinal order.
/// </summary>
public static partial class LabelStudioImporter
{
    /// <summary>Imports <paramref name="tasksPath"/> with photos from <paramref name="imagesRoot"/> into <paramref name="outputRoot"/>.</summary>
    /// <exception cref="DatasetFormatException">The JSON, a task, a photo or a mask is invalid; nothing is written then.</exception>
    public static ImportSummary Import(string tasksPath, string imagesRoot, string outputRoot, LabelRole role = LabelRole.Pseudo, string split = "train",
        Func<RgbImage, SuperpixelMap>? superpixels = null, IProgress<(int Done, int Total)>? progress = null)
    {
        string jsonName = Path.GetFileName(tasksPath);
        JsonElement tasks;
        try
        {
            using var stream = File.OpenRead(tasksPath);
            using var document = JsonDocument.Parse(stream);
            tasks = document.RootElement.Clone();
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            throw new DatasetFormatException(jsonName, $"not a readable Label Studio JSON export ({ex.Message})", ex);
        }

        if (tasks.ValueKind != JsonValueKind.Array)
        {
            throw new DatasetFormatException(jsonName, "a Label Studio JSON export is an array of tasks");
        }

        using var staged = new StagedImport(outputRoot);
        var classes = staged.ExistingClasses ?? ClassesOf(tasks);
        staged.UseClasses(classes);
        string imagesFull = Path.GetFullPath(imagesRoot);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int total = tasks.GetArrayLength(), done = 0;
        foreach (var task in tasks.EnumerateArray())
        {
            string where = $"{jsonName}: task {(task.ValueKind == JsonValueKind.Object && task.TryGetProperty("id", out var id) ? id.GetRawText() : $"#{done + 1}")}";
            string photo = Photo(task, imagesFull, where);
            string stem = Stem(photo);
            if (DatasetLayout.StemProblem(stem) is string problem || !seen.Add(stem))
            {
                throw new DatasetFormatException(where, DatasetLayout.StemProblem(stem) ?? $"a second task has the image '{stem}'");
            }

            var size = staged.Writer.CopyImage(stem, photo);
            LabelMap labels;
            try
            {
                labels = BrushTaskLabels.Read(task, classes, size.Width, size.Height);
            }
            catch (LabelStudioFormatException ex)
            {
                throw new DatasetFormatException(where, ex.Message, ex);
            }

            if (role == LabelRole.Pseudo)
            {
                staged.Writer.WritePseudo(stem, labels);
                if (superpixels is not null)
                {
                    staged.Writer.WriteSuperpixels(stem, superpixels(RgbImageCodec.Decode(photo)));
                }
            }
            else
            {
                staged.Writer.WriteGroundTruth(stem, labels);
            }

            staged.AddToSplit(split, stem);
            // Counted outside the call: "progress?." skips its arguments when there is no progress.
            done++;
            progress?.Report((done, total));
        }

        staged.Commit();
        return new ImportSummary(new Dictionary<string, int> { [split] = done }, classes.Count, []);
    }

    // Background, then every brush label of the segmentation config's control but "ignore", in ordinal order.
    private static List<ClassInfo> ClassesOf(JsonElement tasks)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var task in tasks.EnumerateArray())
        {
            if (task.ValueKind != JsonValueKind.Object || !task.TryGetProperty("annotations", out var annotations) || annotations.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var annotation in annotations.EnumerateArray())
            {
                if (annotation.ValueKind != JsonValueKind.Object || !annotation.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var item in result.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object
                        && value.TryGetProperty("brushlabels", out var labels) && labels.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var label in labels.EnumerateArray().Where(l => l.ValueKind == JsonValueKind.String))
                        {
                            names.Add(label.GetString()!);
                        }
                    }
                }
            }
        }

        names.Remove(SegmentationConfig.IgnoreLabel);
        var others = names.Where(n => !ClassNames.IsBackground(n)).ToList();
        if (others.Count + 1 > LabelMap.MaxClasses)
        {
            throw new DatasetFormatException("classes", $"{others.Count} brush labels plus background exceed {LabelMap.MaxClasses} classes");
        }

        var classes = new List<ClassInfo> { new(0, names.FirstOrDefault(ClassNames.IsBackground) ?? "background", "#000000") };
        classes.AddRange(others.Select((n, i) => new ClassInfo(i + 1, n, ClassesFile.Hex(VocPalette.Color(i + 1)))));
        return classes;
    }

    // The photo named by data.image: its file name (URL-decoded, without query), or that name without Label Studio's upload prefix.
    private static string Photo(JsonElement task, string imagesFull, string where)
    {
        if (task.ValueKind != JsonValueKind.Object || !task.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty(LabelingConfigNames.ImageDataKey, out var image) || image.ValueKind != JsonValueKind.String)
        {
            throw new DatasetFormatException(where, "the task has no data.image");
        }

        string url = image.GetString()!;
        string path = url.Split('?', '#')[0];
        string name = Uri.UnescapeDataString(path[(path.LastIndexOfAny(['/', '\\']) + 1)..]);
        foreach (string candidate in new[] { name, UploadPrefix().Replace(name, "") })
        {
            string full = Path.GetFullPath(Path.Combine(imagesFull, candidate));
            if (candidate.Length > 0 && full.StartsWith(imagesFull + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full))
            {
                return full;
            }
        }

        throw new DatasetFormatException(where, $"the photo '{name}' (from {url}) is not in the images folder");
    }

    private static string Stem(string photo) => UploadPrefix().Replace(Path.GetFileNameWithoutExtension(photo), "");

    // Label Studio stores an uploaded file as "<8 hex digits>-<original name>".
    [GeneratedRegex("^[0-9a-f]{8}-")]
    private static partial Regex UploadPrefix();
}
