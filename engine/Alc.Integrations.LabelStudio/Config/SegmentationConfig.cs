using System.Text;
using System.Xml;
using Alc.Core;

namespace Alc.Integrations.LabelStudio.Config;

/// <summary>
/// The Label Studio labeling config of a segmentation project: the image and one <c>BrushLabels</c> named
/// <c>label</c> with a label per class (and <see cref="IgnoreLabel"/> for pixels no class covers). It is the config
/// the D_t export (<see cref="Labels.BrushTaskLabels"/>) is written for, so a team can review or keep editing the
/// corrected masks in Label Studio, and the config the import reads.
/// </summary>
public static class SegmentationConfig
{
    /// <summary>The BrushLabels tag's name, the <c>from_name</c> of every mask.</summary>
    public const string Label = "label";

    /// <summary>The label of ignored pixels (255 in a label map), e.g. VOC's object borders.</summary>
    public const string IgnoreLabel = "ignore";

    /// <summary>Writes the config for <paramref name="classes"/> (id order), each label coloured with its class colour.</summary>
    /// <exception cref="ArgumentException">No classes, a blank or repeated name or id, or a class named <see cref="IgnoreLabel"/>.</exception>
    public static string Generate(IReadOnlyCollection<ClassInfo> classes)
    {
        ClassInfo[] ordered = LabelingConfig.Validate(classes);
        if (ordered.Any(c => c.Name == IgnoreLabel))
        {
            throw new ArgumentException($"A class is named \"{IgnoreLabel}\", the label of ignored pixels; rename it.", nameof(classes));
        }

        var xml = new StringBuilder();
        using (var writer = XmlWriter.Create(xml, LabelingConfig.WriterSettings))
        {
            writer.WriteStartElement("View");
            LabelingConfig.WriteImage(writer);
            LabelingConfig.WriteLabels(writer, "BrushLabels", Label, ordered.Select(c => (c.Name, c.Color)).Append((IgnoreLabel, "#808080")));
            writer.WriteEndElement();
        }

        return xml.ToString() + "\n";
    }
}
