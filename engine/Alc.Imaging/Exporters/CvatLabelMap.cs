using Alc.Core;
using Alc.Core.Maps;
using Alc.Imaging.Datasets;

namespace Alc.Imaging.Exporters;

/// <summary>
/// The labels of a CVAT "Segmentation mask 1.1" export and the colour every label value (class id or 255) is painted with.
/// </summary>
/// <remarks>
/// <para>Background. CVAT's own exporter (cvat/apps/dataset_manager/formats/utils.py, <c>make_colormap</c>) puts a
/// <c>background</c> label at #000000 first when the task has none; its importer drops a <c>background</c> label the target
/// project lacks instead of failing (bindings.py, <c>load_dataset_data</c>), which it does for any other unknown label. So the
/// class named exactly "background" (CVAT and datumaro compare the name exactly), at whatever id, is written as
/// <c>background:0,0,0::</c>; without one, a <c>background:0,0,0::</c> line that stands for no class is added first.</para>
/// <para>Ignore (255). Datumaro's VOC reader fails on any colour labelmap.txt does not declare
/// (datumaro/util/mask_tools.py, <c>unpaint_mask</c>: "Undeclared color"), and an extra "ignore" label would make a
/// project import fail on the missing label, so ignore pixels are painted in the background colour: CVAT's notion of
/// unannotated. A dataset whose background is a class therefore reads back 255 as that class.</para>
/// <para>Names. labelmap.txt splits each line on ':' into exactly four fields, strips the line and skips lines starting
/// with '#' (datumaro/plugins/voc_format/format.py, <c>VocLabelMap.parse_from_file</c>); a class name that would not survive
/// that is refused (':' or a control character, a leading '#' or space) with <see cref="DatasetFormatException"/> rather than renamed, since CVAT matches labels by name.</para>
/// </remarks>
public sealed class CvatLabelMap
{
    /// <summary>The file name at the root of the export.</summary>
    public const string FileName = "labelmap.txt";

    /// <summary>The comment line datumaro's VOC writer starts the file with.</summary>
    public const string Header = "# label:color_rgb:parts:actions";

    /// <summary>The background label's name.</summary>
    public const string BackgroundName = "background";

    private readonly byte[] _valueColors;

    private CvatLabelMap(IReadOnlyList<CvatLabel> labels, int? backgroundClassId, byte[] valueColors)
    {
        Labels = labels;
        BackgroundClassId = backgroundClassId;
        _valueColors = valueColors;
    }

    /// <summary>The background label's colour: black, as in CVAT's export.</summary>
    public static (byte R, byte G, byte B) BackgroundColor => (0, 0, 0);

    /// <summary>The lines of labelmap.txt in order: the added background line if any, then the classes by id.</summary>
    public IReadOnlyList<CvatLabel> Labels { get; }

    /// <summary>The id of the class named "background", or null when the dataset has none.</summary>
    public int? BackgroundClassId { get; }

    /// <summary>The 256 RGB triples (768 bytes) indexed by label value: a class's colour, black for 255 and for unused ids.</summary>
    internal ReadOnlySpan<byte> ValueColors => _valueColors;

    /// <summary>The label map of <paramref name="classes"/> (ids 0..L−1, any order).</summary>
    /// <exception cref="DatasetFormatException">A class name cannot be written to labelmap.txt (':' or a control character, a leading '#' or space).</exception>
    public static CvatLabelMap For(IReadOnlyList<ClassInfo> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var ordered = classes.OrderBy(c => c.Id).ToList();
        foreach (var c in ordered)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(c.Id);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(c.Id, (int)LabelMap.Ignore);
            if (NameProblem(c.Name) is string problem)
            {
                throw new DatasetFormatException("classes", $"class {c.Id} is named '{c.Name}', which CVAT's labelmap.txt cannot hold: {problem}");
            }
        }

        int? background = ordered.FirstOrDefault(c => c.Name == BackgroundName)?.Id;
        var colors = CvatLabelColors.Assign(ordered, background);
        var labels = new List<CvatLabel>(ordered.Count + 1);
        if (background is null)
        {
            labels.Add(new CvatLabel(BackgroundName, BackgroundColor, null));
        }

        var valueColors = new byte[3 * 256];
        for (int i = 0; i < ordered.Count; i++)
        {
            labels.Add(new CvatLabel(ordered[i].Name, colors[i], ordered[i].Id));
            valueColors[3 * ordered[i].Id] = colors[i].R;
            valueColors[(3 * ordered[i].Id) + 1] = colors[i].G;
            valueColors[(3 * ordered[i].Id) + 2] = colors[i].B;
        }

        return new CvatLabelMap(labels, background, valueColors);
    }

    /// <summary>Whether pixels of <paramref name="value"/> are left unannotated in CVAT: ignore (255) and the background class.</summary>
    public bool IsUnannotated(byte value) => value == LabelMap.Ignore || value == BackgroundClassId;

    /// <summary>The colour <paramref name="value"/> is painted with in <c>SegmentationClass/</c>.</summary>
    public (byte R, byte G, byte B) ColorOf(byte value) => (_valueColors[3 * value], _valueColors[(3 * value) + 1], _valueColors[(3 * value) + 2]);

    /// <summary>The lines of labelmap.txt: <see cref="Header"/>, then one <see cref="CvatLabel.Line"/> per label.</summary>
    public IEnumerable<string> Lines() => Labels.Select(l => l.Line).Prepend(Header);

    private static string? NameProblem(string name)
    {
        if (name.Contains(':', StringComparison.Ordinal))
        {
            return "':' separates the fields of a line";
        }

        if (name.Any(char.IsControl))
        {
            return "control characters break the lines";
        }

        if (name.StartsWith('#'))
        {
            return "a line starting with '#' is a comment";
        }

        return name.Length > 0 && char.IsWhiteSpace(name[0]) ? "the line is stripped, so leading spaces are lost" : null;
    }
}
