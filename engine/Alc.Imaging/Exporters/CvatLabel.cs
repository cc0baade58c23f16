namespace Alc.Imaging.Exporters;

/// <summary>
/// One line of a CVAT "Segmentation mask 1.1" labelmap.txt: a label name and the RGB colour its pixels have in
/// <c>SegmentationClass/</c>, written as <c>name:r,g,b::</c> (no body parts, no actions).
/// </summary>
/// <param name="Name">The label name; CVAT matches it against the task's or project's labels by exact name.</param>
/// <param name="Color">The colour, unique within the label map.</param>
/// <param name="ClassId">The dataset class the label stands for; null for the <c>background</c> line added when no class is named so.</param>
public sealed record CvatLabel(string Name, (byte R, byte G, byte B) Color, int? ClassId)
{
    /// <summary>The labelmap.txt line, for example <c>car:128,128,128::</c>.</summary>
    public string Line => $"{Name}:{Color.R},{Color.G},{Color.B}::";
}
