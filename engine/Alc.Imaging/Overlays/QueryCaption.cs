using System.Globalization;

namespace Alc.Imaging.Overlays;

/// <summary>The label a correction query shows, as its picture writes it: the class's name and its display colour.</summary>
/// <param name="ClassName">The shown class's name ("ignore" for 255).</param>
/// <param name="Red">Display colour, red.</param>
/// <param name="Green">Display colour, green.</param>
/// <param name="Blue">Display colour, blue.</param>
public sealed record QueryCaption(string ClassName, byte Red, byte Green, byte Blue)
{
    /// <summary>A caption from a class's name and its <c>#rrggbb</c> colour (a colour that does not parse is drawn grey).</summary>
    public static QueryCaption Of(string className, string? hexColor)
    {
        ArgumentNullException.ThrowIfNull(className);
        if (hexColor is { Length: 7 } && hexColor[0] == '#'
            && int.TryParse(hexColor.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int rgb))
        {
            return new QueryCaption(className, (byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
        }

        return new QueryCaption(className, 128, 128, 128);
    }
}
