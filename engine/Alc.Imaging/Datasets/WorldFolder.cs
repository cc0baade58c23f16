using Alc.Core.Maps;
using Alc.Core.Metrics;
using Alc.Core.World;
using Alc.Imaging.Photos;

namespace Alc.Imaging.Datasets;

/// <summary>Writes the seeded synthetic world (DESIGN.md §4) as an ALC dataset folder: photos, gt, pseudo labels, superpixels, classes and splits.</summary>
public static class WorldFolder
{
    /// <summary>Writes the world to <paramref name="root"/>; returns the noise statistics of its training split.</summary>
    public static LabelNoiseStatistics Write(WorldOptions options, string root, IProgress<(int Done, int Total)>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var writer = new DatasetWriter(root);
        var noise = new LabelNoiseStatistics(options.Classes);
        var stems = new Dictionary<string, List<string>> { ["train"] = [], ["val"] = [] };
        int done = 0, total = options.Train + options.Val;
        foreach (var image in SyntheticWorld.Generate(options))
        {
            int s = image.Size;
            writer.WriteImage(image.Stem, new RgbImage(s, s, image.Rgb));
            writer.WritePseudo(image.Stem, new LabelMap(s, s, options.Classes, image.Pseudo));
            writer.WriteGroundTruth(image.Stem, new LabelMap(s, s, options.Classes, image.GroundTruth));
            writer.WriteSuperpixels(image.Stem, new SuperpixelMap(s, s, image.Superpixels));
            stems[image.Split].Add(image.Stem);
            if (image.Split == "train")
            {
                noise.Add(image.GroundTruth, image.Pseudo, image.Superpixels);
            }

            progress?.Report((++done, total));
        }

        writer.WriteClasses(WorldClasses.Create(options.Classes));
        writer.WriteSplit("train", stems["train"]);
        writer.WriteSplit("val", stems["val"]);
        return noise;
    }
}
