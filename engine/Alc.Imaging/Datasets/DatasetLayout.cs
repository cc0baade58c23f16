namespace Alc.Imaging.Datasets;

/// <summary>
/// Where each file of the ALC folder format lives (README, "The ALC folder format"), and which image
/// stems are acceptable: plain file names, so a stem can never reach outside the dataset root.
/// </summary>
public sealed class DatasetLayout
{
    /// <summary>The split names the format knows.</summary>
    public static IReadOnlyList<string> Splits { get; } = ["train", "val"];

    /// <summary>A layout rooted at <paramref name="root"/>.</summary>
    public DatasetLayout(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = System.IO.Path.GetFullPath(root);
    }

    /// <summary>The dataset folder (absolute).</summary>
    public string Root { get; }

    /// <summary>classes.json.</summary>
    public string ClassesFile => System.IO.Path.Combine(Root, "classes.json");

    /// <summary>splits/&lt;split&gt;.txt.</summary>
    public string SplitFile(string split) => System.IO.Path.Combine(Root, "splits", $"{split}.txt");

    /// <summary>The photo of <paramref name="stem"/>: images/&lt;stem&gt;.png, else .jpg/.jpeg; the .png path when none exists.</summary>
    public string ImageFile(string stem)
    {
        RequireStem(stem);
        foreach (string extension in new[] { ".png", ".jpg", ".jpeg" })
        {
            string path = System.IO.Path.Combine(Root, "images", stem + extension);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return System.IO.Path.Combine(Root, "images", stem + ".png");
    }

    /// <summary>pseudo/&lt;stem&gt;.png: the initial labels D0.</summary>
    public string PseudoFile(string stem) => MapFile("pseudo", stem);

    /// <summary>superpixels/&lt;stem&gt;.png.</summary>
    public string SuperpixelFile(string stem) => MapFile("superpixels", stem);

    /// <summary>gt/&lt;stem&gt;.png: optional ground truth.</summary>
    public string GroundTruthFile(string stem) => MapFile("gt", stem);

    /// <summary>The path relative to the root, for messages.</summary>
    public string Relative(string path) => System.IO.Path.GetRelativePath(Root, path);

    /// <summary>Why <paramref name="stem"/> is not a valid stem, or null when it is.</summary>
    public static string? StemProblem(string stem)
    {
        if (string.IsNullOrWhiteSpace(stem))
        {
            return "an image stem is empty";
        }

        if (stem.Length > 200)
        {
            return $"the stem '{stem[..20]}…' is longer than 200 characters";
        }

        if (stem.StartsWith('.') || stem.Contains('/', StringComparison.Ordinal) || stem.Contains('\\', StringComparison.Ordinal) ||
            stem.IndexOfAny(System.IO.Path.GetInvalidFileNameChars()) >= 0 || stem.Any(char.IsControl))
        {
            return $"the stem '{stem}' is not a plain file name (no '/', '\\', leading '.' or control characters)";
        }

        return stem != stem.Trim() ? $"the stem '{stem}' has leading or trailing spaces" : null;
    }

    /// <summary>Throws <see cref="DatasetFormatException"/> when <paramref name="stem"/> is not a plain file name.</summary>
    public static void RequireStem(string stem)
    {
        if (StemProblem(stem) is string problem)
        {
            throw new DatasetFormatException("splits", problem);
        }
    }

    private string MapFile(string folder, string stem)
    {
        RequireStem(stem);
        return System.IO.Path.Combine(Root, folder, stem + ".png");
    }
}
