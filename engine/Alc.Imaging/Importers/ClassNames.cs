namespace Alc.Imaging.Importers;

/// <summary>Normalises class names from other tools (labelme writes "_background_").</summary>
public static class ClassNames
{
    /// <summary>Whether <paramref name="name"/> denotes the background class.</summary>
    public static bool IsBackground(string name) =>
        string.Equals(name.Trim().Trim('_'), "background", StringComparison.OrdinalIgnoreCase);

    /// <summary>The name as the dataset stores it: trimmed, "background" for background.</summary>
    public static string Clean(string name) => IsBackground(name) ? "background" : name.Trim();

    /// <summary>The 21 PASCAL VOC classes.</summary>
    public static IReadOnlyList<string> Voc { get; } =
    [
        "background", "aeroplane", "bicycle", "bird", "boat", "bottle", "bus", "car", "cat", "chair", "cow",
        "diningtable", "dog", "horse", "motorbike", "person", "pottedplant", "sheep", "sofa", "train", "tvmonitor",
    ];
}
