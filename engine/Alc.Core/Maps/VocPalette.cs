namespace Alc.Core.Maps;

/// <summary>The PASCAL VOC colour map: colour of index i from the bits of i spread over R, G and B.</summary>
public static class VocPalette
{
    /// <summary>The RGB colour of palette index <paramref name="index"/> (0..255).</summary>
    public static (byte R, byte G, byte B) Color(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, 255);
        int r = 0, g = 0, b = 0, c = index;
        for (int j = 0; j < 8; j++)
        {
            r |= ((c >> 0) & 1) << (7 - j);
            g |= ((c >> 1) & 1) << (7 - j);
            b |= ((c >> 2) & 1) << (7 - j);
            c >>= 3;
        }

        return ((byte)r, (byte)g, (byte)b);
    }
}
