using System.Globalization;
using Alc.Core;
using Alc.Core.Maps;

namespace Alc.Imaging.Exporters;

/// <summary>
/// Gives every class a distinct labelmap.txt colour, deterministically. CVAT's importer (datumaro's VOC reader) turns
/// colours back into labels through an inverse colour map, so two labels sharing a colour would silently merge, and black
/// is what datumaro treats as background (<c>VocLabelMap.DEFAULT_BACKGROUND_COLOR</c>), so only the background label may use it.
/// </summary>
internal static class CvatLabelColors
{
    /// <summary>
    /// The colour of each class, by position in <paramref name="classes"/>: the background class (if any) is black; every
    /// other class keeps its own "#rrggbb" colour when that is valid, not black and not taken by a class of lower id; a class
    /// that cannot keep it gets its VOC palette colour (<see cref="VocPalette"/>, the fallback <see cref="Datasets.ClassesFile"/>
    /// also uses) when that is free, else the free VOC palette entry of lowest index. The palette has 255 non-black entries and
    /// a dataset at most 255 classes, so a free one always exists.
    /// </summary>
    public static (byte R, byte G, byte B)[] Assign(IReadOnlyList<ClassInfo> classes, int? backgroundClassId)
    {
        var colors = new (byte R, byte G, byte B)?[classes.Count];
        var used = new HashSet<int> { Pack(CvatLabelMap.BackgroundColor) };
        for (int i = 0; i < classes.Count; i++)
        {
            if (classes[i].Id == backgroundClassId)
            {
                colors[i] = CvatLabelMap.BackgroundColor;
            }
            else if (Parse(classes[i].Color) is { } own && used.Add(Pack(own)))
            {
                colors[i] = own;
            }
        }

        for (int i = 0; i < classes.Count; i++)
        {
            if (colors[i] is null)
            {
                var preferred = VocPalette.Color(classes[i].Id);
                colors[i] = used.Add(Pack(preferred)) ? preferred : FirstFreePaletteColor(used);
            }
        }

        return colors.Select(c => c!.Value).ToArray();
    }

    private static (byte R, byte G, byte B) FirstFreePaletteColor(HashSet<int> used)
    {
        for (int index = 1; index < VocPalette.Count; index++)
        {
            var color = VocPalette.Color(index);
            if (used.Add(Pack(color)))
            {
                return color;
            }
        }

        throw new InvalidOperationException("Every VOC palette colour is taken; a dataset has at most 255 classes.");
    }

    private static (byte R, byte G, byte B)? Parse(string? hex)
    {
        if (hex is not { Length: 7 } || hex[0] != '#' ||
            !int.TryParse(hex.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int rgb))
        {
            return null;
        }

        return ((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
    }

    private static int Pack((byte R, byte G, byte B) color) => (color.R << 16) | (color.G << 8) | color.B;
}
