using Alc.Core;
using Alc.Core.Maps;
using Alc.Imaging.Maps;
using Alc.Imaging.Photos;

namespace Alc.Imaging.Datasets;

/// <summary>
/// A dataset folder in the ALC format, opened for reading: its classes and splits are read and validated
/// on open; maps are read (and validated against the class count and the photo's size) on demand.
/// </summary>
public sealed class DatasetFolder
{
    private DatasetFolder(DatasetLayout layout, IReadOnlyList<ClassInfo> classes, IReadOnlyDictionary<string, IReadOnlyList<string>> splits)
    {
        Layout = layout;
        Classes = classes;
        Splits = splits;
    }

    /// <summary>Where the files are.</summary>
    public DatasetLayout Layout { get; }

    /// <summary>The classes (index = id).</summary>
    public IReadOnlyList<ClassInfo> Classes { get; }

    /// <summary>Stems per split ("train", and "val" when present).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Splits { get; }

    /// <summary>Number of classes L.</summary>
    public int ClassCount => Classes.Count;

    /// <summary>Opens <paramref name="root"/>: reads classes.json and the split files.</summary>
    /// <exception cref="DatasetFormatException">The folder, classes.json or splits/train.txt is missing or invalid, or a stem is in two splits.</exception>
    public static DatasetFolder Open(string root)
    {
        var layout = new DatasetLayout(root);
        if (!Directory.Exists(layout.Root))
        {
            throw new DatasetFormatException(root, "the dataset folder does not exist");
        }

        var classes = ClassesFile.Read(layout.ClassesFile);
        var splits = new Dictionary<string, IReadOnlyList<string>>();
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string split in DatasetLayout.Splits)
        {
            string path = layout.SplitFile(split);
            string display = $"splits/{split}.txt";
            if (!File.Exists(path))
            {
                if (split == "train")
                {
                    throw new DatasetFormatException(display, "the file is missing (every dataset needs a training split)");
                }

                continue;
            }

            var stems = SplitFile.Read(path, display);
            foreach (string stem in stems)
            {
                if (owner.TryGetValue(stem, out string? other))
                {
                    throw new DatasetFormatException(display, $"the stem '{stem}' is also in splits/{other}.txt");
                }

                owner[stem] = split;
            }

            splits[split] = stems;
        }

        return new DatasetFolder(layout, classes, splits);
    }

    /// <summary>All stems, training split first.</summary>
    public IEnumerable<string> AllStems => Splits.OrderBy(s => s.Key == "train" ? 0 : 1).SelectMany(s => s.Value);

    /// <summary>The size of the photo of <paramref name="stem"/>, read from its header.</summary>
    public ImageSize ImageSize(string stem) => RgbImageCodec.ReadSize(ReadBytes(Layout.ImageFile(stem)), Layout.Relative(Layout.ImageFile(stem)));

    /// <summary>Decodes the photo of <paramref name="stem"/>.</summary>
    public RgbImage ReadImage(string stem) => RgbImageCodec.Decode(ReadBytes(Layout.ImageFile(stem)), Layout.Relative(Layout.ImageFile(stem)));

    /// <summary>The initial labels D0 of <paramref name="stem"/>, checked against the class count and <paramref name="size"/>.</summary>
    public LabelMap ReadPseudo(string stem, ImageSize size) => ReadLabels(Layout.PseudoFile(stem), size);

    /// <summary>The ground truth of <paramref name="stem"/>, or null when the dataset has none for it.</summary>
    public LabelMap? ReadGroundTruth(string stem, ImageSize size) =>
        File.Exists(Layout.GroundTruthFile(stem)) ? ReadLabels(Layout.GroundTruthFile(stem), size) : null;

    /// <summary>Whether <paramref name="stem"/> has a ground-truth file.</summary>
    public bool HasGroundTruth(string stem) => File.Exists(Layout.GroundTruthFile(stem));

    /// <summary>The superpixels of <paramref name="stem"/>, checked against <paramref name="size"/>.</summary>
    public SuperpixelMap ReadSuperpixels(string stem, ImageSize size)
    {
        string path = Layout.SuperpixelFile(stem);
        using var stream = OpenExisting(path);
        return SuperpixelMapFile.Read(stream, Layout.Relative(path), size);
    }

    private LabelMap ReadLabels(string path, ImageSize size)
    {
        using var stream = OpenExisting(path);
        return LabelMapFile.Read(stream, Layout.Relative(path), ClassCount, size);
    }

    private FileStream OpenExisting(string path) =>
        File.Exists(path) ? File.OpenRead(path) : throw new DatasetFormatException(Layout.Relative(path), "the file is missing");

    private byte[] ReadBytes(string path) =>
        File.Exists(path) ? File.ReadAllBytes(path) : throw new DatasetFormatException(Layout.Relative(path), "the file is missing (looked for .png, .jpg and .jpeg)");
}
