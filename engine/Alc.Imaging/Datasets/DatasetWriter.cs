using Alc.Core;
using Alc.Core.Maps;
using Alc.Imaging.Maps;
using Alc.Imaging.Photos;

namespace Alc.Imaging.Datasets;

/// <summary>Writes a dataset folder in the ALC format; every file goes through a temporary name and a rename.</summary>
public sealed class DatasetWriter
{
    /// <summary>A writer rooted at <paramref name="root"/> (created when missing).</summary>
    public DatasetWriter(string root)
    {
        Layout = new DatasetLayout(root);
        Directory.CreateDirectory(Layout.Root);
    }

    /// <summary>Where the files go.</summary>
    public DatasetLayout Layout { get; }

    /// <summary>Writes classes.json.</summary>
    public void WriteClasses(IReadOnlyList<ClassInfo> classes) => ClassesFile.Write(Layout.ClassesFile, classes);

    /// <summary>Writes splits/&lt;split&gt;.txt.</summary>
    public void WriteSplit(string split, IEnumerable<string> stems)
    {
        if (!DatasetLayout.Splits.Contains(split))
        {
            throw new ArgumentException($"Unknown split '{split}'; the format knows {string.Join(", ", DatasetLayout.Splits)}.", nameof(split));
        }

        SplitFile.Write(Layout.SplitFile(split), stems);
    }

    /// <summary>Writes images/&lt;stem&gt;.png.</summary>
    public void WriteImage(string stem, RgbImage image)
    {
        DatasetLayout.RequireStem(stem);
        AtomicFile.WriteAllBytes(Path.Combine(Layout.Root, "images", stem + ".png"), RgbImageCodec.EncodePng(image));
    }

    /// <summary>Copies an encoded photo as images/&lt;stem&gt;&lt;ext&gt; after checking that it decodes; returns its size.</summary>
    public ImageSize CopyImage(string stem, string sourcePath)
    {
        DatasetLayout.RequireStem(stem);
        byte[] bytes = File.ReadAllBytes(sourcePath);
        var size = RgbImageCodec.ReadSize(bytes, Path.GetFileName(sourcePath));
        string extension = Path.GetExtension(sourcePath).ToLowerInvariant() switch
        {
            ".jpg" or ".jpeg" => ".jpg",
            ".png" => ".png",
            var other => throw new DatasetFormatException(Path.GetFileName(sourcePath), $"photos must be .png or .jpg, not '{other}'"),
        };
        AtomicFile.WriteAllBytes(Path.Combine(Layout.Root, "images", stem + extension), bytes);
        return size;
    }

    /// <summary>Writes pseudo/&lt;stem&gt;.png (VOC palette PNG).</summary>
    public void WritePseudo(string stem, LabelMap labels) =>
        AtomicFile.WriteAllBytes(Layout.PseudoFile(stem), LabelMapFile.Encode(labels));

    /// <summary>Writes gt/&lt;stem&gt;.png (VOC palette PNG).</summary>
    public void WriteGroundTruth(string stem, LabelMap labels) =>
        AtomicFile.WriteAllBytes(Layout.GroundTruthFile(stem), LabelMapFile.Encode(labels));

    /// <summary>Writes superpixels/&lt;stem&gt;.png (16-bit gray, or 24-bit RGB for ids ≥ 65,536).</summary>
    public void WriteSuperpixels(string stem, SuperpixelMap superpixels) =>
        AtomicFile.WriteAllBytes(Layout.SuperpixelFile(stem), SuperpixelMapFile.Encode(superpixels));
}
