namespace Alc.Core.Maps;

/// <summary>
/// The 256-colour PASCAL VOC colormap used for class-map PNGs: entry <c>i</c> spreads the bits of
/// <c>i</c> over the high bits of R, G and B (bit 0 → R, bit 1 → G, bit 2 → B, three bits per step,
/// most significant first). Entry 0 is black, 1 is (128, 0, 0), 15 is (192, 128, 128), 255 (ignore) is (224, 224, 192).
/// </summary>
public static class VocPalette
{
    private static readonly byte[] Colors = Build();

    /// <summary>Number of entries.</summary>
    public const int Count = 256;

    /// <summary>All 256 entries as RGB triples (768 bytes), ready for a PLTE chunk.</summary>
    public static ReadOnlySpan<byte> Rgb => Colors;

    /// <summary>The RGB colour of palette index <paramref name="index"/> (a class id, or 255 for ignore).</summary>
    public static (byte R, byte G, byte B) Color(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, Count - 1);
        return (Colors[3 * index], Colors[(3 * index) + 1], Colors[(3 * index) + 2]);
    }

    private static byte[] Build()
    {
        var colors = new byte[3 * Count];
        for (int i = 0; i < Count; i++)
        {
            int r = 0, g = 0, b = 0, c = i;
            for (int j = 0; j < 8; j++)
            {
                r |= (c & 1) << (7 - j);
                g |= ((c >> 1) & 1) << (7 - j);
                b |= ((c >> 2) & 1) << (7 - j);
                c >>= 3;
            }

            colors[3 * i] = (byte)r;
            colors[(3 * i) + 1] = (byte)g;
            colors[(3 * i) + 2] = (byte)b;
        }

        return colors;
    }
}
