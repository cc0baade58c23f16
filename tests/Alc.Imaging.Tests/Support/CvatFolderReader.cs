using Alc.Core;
using Alc.Core.Maps;
using Alc.Imaging.Png;

namespace Alc.Imaging.Tests.Support;

/// <summary>
/// Reads a CVAT "Segmentation mask 1.1" folder back the way CVAT's importer (datumaro's VOC reader) does, written here
/// independently of the exporter: labelmap.txt lines split on ':' into four fields after skipping blank and '#' lines,
/// SegmentationClass colours mapped to labels through the inverse colour map, an undeclared colour an error.
/// </summary>
internal static class CvatFolderReader
{
    /// <summary>The labels of labelmap.txt in file order: name and colour.</summary>
    public static List<(string Name, (byte R, byte G, byte B) Color)> Labels(string root)
    {
        var labels = new List<(string, (byte, byte, byte))>();
        foreach (string raw in File.ReadAllLines(Path.Combine(root, "labelmap.txt")))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] fields = line.Split(':');
            Assert.Equal(4, fields.Length);
            byte[] rgb = [.. fields[1].Split(',').Select(byte.Parse)];
            Assert.Equal(3, rgb.Length);
            labels.Add((fields[0], (rgb[0], rgb[1], rgb[2])));
        }

        return labels;
    }

    /// <summary>The RGB triples of a 24-bit PNG, row-major.</summary>
    public static (byte R, byte G, byte B)[] Colors(string png, out int width, out int height)
    {
        PngMap map = PngMapCodec.Read(png);
        Assert.Equal(PngColorType.Rgb, map.Header.ColorType);
        Assert.Equal(8, map.Header.BitDepth);
        (width, height) = (map.Width, map.Height);
        var colors = new (byte, byte, byte)[map.Width * map.Height];
        for (int y = 0; y < map.Height; y++)
        {
            for (int x = 0; x < map.Width; x++)
            {
                colors[(y * map.Width) + x] = ((byte)map.GetSample(x, y, 0), (byte)map.GetSample(x, y, 1), (byte)map.GetSample(x, y, 2));
            }
        }

        return colors;
    }

    /// <summary>
    /// SegmentationClass/&lt;stem&gt;.png as class ids of <paramref name="classes"/>, matched by label name; the one label that
    /// names no class (the added background) reads as 255.
    /// </summary>
    public static LabelMap ClassIds(string root, string stem, IReadOnlyList<ClassInfo> classes)
    {
        var byColor = new Dictionary<(byte, byte, byte), byte>();
        foreach (var (name, color) in Labels(root))
        {
            var match = classes.SingleOrDefault(c => c.Name == name);
            Assert.True(byColor.TryAdd(color, match is null ? LabelMap.Ignore : (byte)match.Id), $"colour {color} is declared twice");
        }

        var colors = Colors(Path.Combine(root, "SegmentationClass", stem + ".png"), out int width, out int height);
        var ids = new byte[colors.Length];
        for (int p = 0; p < colors.Length; p++)
        {
            Assert.True(byColor.TryGetValue(colors[p], out ids[p]), $"{stem}: undeclared colour {colors[p]} at pixel {p}");
        }

        return new LabelMap(width, height, classes.Count, ids);
    }
}
