using Alc.Core;
using Alc.Core.Maps;
using Alc.Core.Metrics;
using Alc.Core.World;
using Alc.Imaging.Photos;

namespace Alc.Imaging.Datasets;

/// <summary>Writes a seeded benchmark world (the synthetic one or the photo world) as an ALC dataset folder: photos, gt, pseudo labels, superpixels, classes and splits.</summary>
public static class WorldFolder
{
    /// <summary>Writes the world to <paramref name="root"/>; returns the noise statistics of its training split.</summary>
    public static LabelNoiseStatistics Write(WorldOptions options, string root, IProgress<(int Done, int Total)>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return Write(SyntheticWorld.Generate(options), WorldClasses.Create(options.Classes), options.Train + options.Val, root, progress);
    }

    /// <summary>Writes the photo world (<see cref="PhotoWorld"/>) to <paramref name="root"/>; returns the noise statistics of its training split.</summary>
    public static LabelNoiseStatistics Write(PhotoWorldOptions options, PhotoCatalog catalog, string root, IProgress<(int Done, int Total)>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(catalog);
        return Write(PhotoWorld.Generate(options, catalog), PhotoWorld.Classes(catalog), options.World.Train + options.World.Val, root, progress);
    }

    private static LabelNoiseStatistics Write(IEnumerable<WorldImage> images, IReadOnlyList<ClassInfo> classes, int total, string root, IProgress<(int Done, int Total)>? progress)
    {
        var writer = new DatasetWriter(root);
        var noise = new LabelNoiseStatistics(classes.Count);
        var stems = new Dictionary<string, List<string>> { ["train"] = [], ["val"] = [] };
        int done = 0;
        foreach (var image in images)
        {
            int s = image.Size;
            writer.WriteImage(image.Stem, new RgbImage(s, s, image.Rgb));
            writer.WritePseudo(image.Stem, new LabelMap(s, s, classes.Count, image.Pseudo));
            writer.WriteGroundTruth(image.Stem, new LabelMap(s, s, classes.Count, image.GroundTruth));
            writer.WriteSuperpixels(image.Stem, new SuperpixelMap(s, s, image.Superpixels));
            stems[image.Split].Add(image.Stem);
            if (image.Split == "train")
            {
                noise.Add(image.GroundTruth, image.Pseudo, image.Superpixels);
            }

            progress?.Report((++done, total));
        }

        writer.WriteClasses(classes);
        writer.WriteSplit("train", stems["train"]);
        writer.WriteSplit("val", stems["val"]);
        return noise;
    }
}
