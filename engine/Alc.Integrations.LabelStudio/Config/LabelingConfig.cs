using System.Text;
using System.Xml;
using Alc.Core;

namespace Alc.Integrations.LabelStudio.Config;

/// <summary>
/// The Label Studio labeling config of a correction project, generated from the dataset's classes: the image,
/// a keypoint at the queried pixel labelled with its current class, a brush mask of the queried region under the
/// single label <see cref="LabelingConfigNames.QueryRegionLabel"/>, a single-choice <c>verdict</c>
/// (confirm / wrong / unsure, required) and a <c>true_label</c> choice of class, shown only when the verdict is wrong.
/// </summary>
public static class LabelingConfig
{
    /// <summary>The query region's label colour: translucent yellow (#rrggbbaa), so the image shows through the mask.</summary>
    public const string QueryRegionColor = "#ffd70066";

    /// <summary>
    /// Writes the config XML for <paramref name="classes"/> (in id order, whatever order they come in): two-space
    /// indented, LF line ends, no XML declaration. Class names are XML-escaped by the writer and used as label and
    /// choice values, each keypoint label coloured with its class colour; the query region's one label is coloured
    /// <see cref="QueryRegionColor"/>.
    /// </summary>
    /// <exception cref="ArgumentException">There are no classes, a name is empty or blank, or two classes share a name or an id
    /// (Label Studio identifies a label by its value, so names must be unique).</exception>
    public static string Generate(IReadOnlyCollection<ClassInfo> classes)
    {
        ClassInfo[] ordered = Validate(classes);
        var xml = new StringBuilder();
        var settings = WriterSettings;
        using (var writer = XmlWriter.Create(xml, settings))
        {
            writer.WriteStartElement("View");

            WriteImage(writer);
            WriteLabels(writer, "KeyPointLabels", LabelingConfigNames.QueryPoint, ordered.Select(c => (c.Name, c.Color)));
            // A prediction draws the queried region (superpixel) as a brush mask under this single label.
            WriteLabels(writer, "BrushLabels", LabelingConfigNames.QueryRegion, [(LabelingConfigNames.QueryRegionLabel, QueryRegionColor)]);

            WriteChoices(writer, LabelingConfigNames.Verdict, visibleWhenWrong: false,
                [LabelingConfigNames.Confirm, LabelingConfigNames.Wrong, LabelingConfigNames.Unsure]);
            WriteChoices(writer, LabelingConfigNames.TrueLabel, visibleWhenWrong: true, ordered.Select(c => c.Name));

            writer.WriteEndElement();
        }

        return xml.ToString() + "\n";
    }

    /// <summary>The zoomable Image tag every config shows its task's image with.</summary>
    internal static void WriteImage(XmlWriter writer)
    {
        writer.WriteStartElement("Image");
        writer.WriteAttributeString("name", LabelingConfigNames.Image);
        writer.WriteAttributeString("value", "$" + LabelingConfigNames.ImageDataKey);
        writer.WriteAttributeString("zoom", "true");
        writer.WriteEndElement();
    }

    /// <summary>A labels tag (<paramref name="tag"/>: KeyPointLabels, BrushLabels) on the image with one coloured Label per value.</summary>
    internal static void WriteLabels(XmlWriter writer, string tag, string name, IEnumerable<(string Value, string Color)> labels)
    {
        writer.WriteStartElement(tag);
        writer.WriteAttributeString("name", name);
        writer.WriteAttributeString("toName", LabelingConfigNames.Image);
        foreach (var (value, color) in labels)
        {
            writer.WriteStartElement("Label");
            writer.WriteAttributeString("value", value);
            writer.WriteAttributeString("background", color);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    /// <summary>A single-choice Choices tag on the image; the <c>true_label</c> one is shown only while the verdict is wrong.</summary>
    private static void WriteChoices(XmlWriter writer, string name, bool visibleWhenWrong, IEnumerable<string> values)
    {
        writer.WriteStartElement("Choices");
        writer.WriteAttributeString("name", name);
        writer.WriteAttributeString("toName", LabelingConfigNames.Image);
        writer.WriteAttributeString("choice", "single");
        if (visibleWhenWrong)
        {
            writer.WriteAttributeString("visibleWhen", "choice-selected");
            writer.WriteAttributeString("whenTagName", LabelingConfigNames.Verdict);
            writer.WriteAttributeString("whenChoiceValue", LabelingConfigNames.Wrong);
        }
        else
        {
            writer.WriteAttributeString("required", "true");
        }

        foreach (string value in values)
        {
            writer.WriteStartElement("Choice");
            writer.WriteAttributeString("value", value);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    /// <summary>How every generated config is written: two-space indent, LF line ends, no XML declaration.</summary>
    internal static XmlWriterSettings WriterSettings => new()
    {
        OmitXmlDeclaration = true,
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Entitize,
    };

    /// <summary>The classes in id order, after checking that ids and names are unique and names not blank.</summary>
    internal static ClassInfo[] Validate(IReadOnlyCollection<ClassInfo> classes)
    {
        if (classes.Count == 0)
        {
            throw new ArgumentException("A labeling config needs at least one class.", nameof(classes));
        }

        ClassInfo[] ordered = [.. classes.OrderBy(c => c.Id)];
        var names = new HashSet<string>(StringComparer.Ordinal);
        var ids = new HashSet<int>();
        foreach (ClassInfo c in ordered)
        {
            if (string.IsNullOrWhiteSpace(c.Name))
            {
                throw new ArgumentException($"Class {c.Id} has no name; Label Studio needs one as the label value.", nameof(classes));
            }

            if (!ids.Add(c.Id))
            {
                throw new ArgumentException($"Class id {c.Id} appears twice.", nameof(classes));
            }

            if (!names.Add(c.Name))
            {
                throw new ArgumentException(
                    $"Class name \"{c.Name}\" appears twice; Label Studio identifies a label by its value, so names must be unique.", nameof(classes));
            }
        }

        return ordered;
    }
}
