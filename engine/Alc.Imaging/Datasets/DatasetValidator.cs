using Alc.Core.Metrics;

namespace Alc.Imaging.Datasets;

/// <summary>
/// Checks a dataset folder against the ALC format: classes.json, the splits, and for every listed image
/// the photo, pseudo labels, superpixels and (optional) ground truth — sizes, class ids, superpixel ids.
/// Collects every problem (up to a limit) instead of stopping at the first, and measures the label noise
/// of the training split when it has ground truth.
/// </summary>
public static class DatasetValidator
{
    /// <summary>Validates <paramref name="root"/>; <paramref name="progress"/> gets (images done, images total).</summary>
    public static DatasetReport Validate(string root, IProgress<(int Done, int Total)>? progress = null, int maxErrors = 50)
    {
        DatasetFolder folder;
        try
        {
            folder = DatasetFolder.Open(root);
        }
        catch (DatasetFormatException ex)
        {
            return new DatasetReport { Root = root, Errors = [ex.Message] };
        }

        var errors = new List<string>();
        var warnings = new List<string>();
        var noise = new LabelNoiseStatistics(folder.ClassCount);
        var superpixelCounts = new List<int>();
        var maskSizes = new MaskSizeStatistics();
        int withTruth = 0, trainWithTruth = 0, done = 0;
        int total = folder.Splits.Values.Sum(s => s.Count);
        if (!folder.Splits.ContainsKey("val"))
        {
            warnings.Add("splits/val.txt: missing; Model mIoU needs a validation split");
        }

        foreach (var (split, stems) in folder.Splits)
        {
            if (stems.Count == 0)
            {
                (split == "train" ? errors : warnings).Add($"splits/{split}.txt: lists no images");
            }

            foreach (string stem in stems)
            {
                if (errors.Count >= maxErrors)
                {
                    break;
                }

                try
                {
                    var size = folder.ImageSize(stem);
                    var pseudo = folder.ReadPseudo(stem, size);
                    var superpixels = folder.ReadSuperpixels(stem, size);
                    var truth = folder.ReadGroundTruth(stem, size);
                    superpixelCounts.Add(superpixels.Index.Count);
                    maskSizes.Add(superpixels.Ids);
                    if (truth is not null)
                    {
                        withTruth++;
                        if (split == "train")
                        {
                            trainWithTruth++;
                            noise.Add(truth.Labels, pseudo.Labels, superpixels.Ids);
                        }
                    }
                }
                catch (Exception ex) when (ex is DatasetFormatException or MapFormatException or ArgumentException)
                {
                    errors.Add(ex.Message);
                }

                progress?.Report((++done, total));
            }
        }

        if (errors.Count >= maxErrors)
        {
            errors.Add($"… stopped after {maxErrors} errors");
        }

        int trainCount = folder.Splits["train"].Count;
        bool measured = trainWithTruth > 0 && trainWithTruth == trainCount;
        if (trainWithTruth > 0 && !measured)
        {
            warnings.Add($"gt/: only {trainWithTruth} of {trainCount} training images have ground truth; Data mIoU is not reported");
        }

        return new DatasetReport
        {
            Root = folder.Layout.Root,
            Classes = folder.Classes,
            ImagesPerSplit = folder.Splits.ToDictionary(s => s.Key, s => s.Value.Count),
            ValidImages = superpixelCounts.Count,
            ImagesWithGroundTruth = withTruth,
            MaskSizes = superpixelCounts.Count == 0 ? null : maskSizes,
            SuperpixelsPerImage = superpixelCounts.Count == 0 ? null : (superpixelCounts.Min(), superpixelCounts.Average(), superpixelCounts.Max()),
            DataMIoU = measured ? noise.DataMIoU : null,
            WrongSuperpixelShare = measured ? noise.WrongSuperpixelShare : null,
            MixedSuperpixelShare = measured ? noise.MixedSuperpixelShare : null,
            Errors = errors,
            Warnings = warnings,
        };
    }
}
