namespace Alc.Integrations.LabelStudio.Editor.Tests;

/// <summary>
/// The picture of the test tasks: a room with a person, a red chair and a table, drawn in a 64×48 grid of units and
/// rendered at any scale, so the small task and its enlarged copies show the same scene and the same query.
/// </summary>
internal static class QueryScene
{
    /// <summary>The scene's size in units (the small task's pixels).</summary>
    public const int Width = 64, Height = 48;

    /// <summary>The queried unit: a pixel of the chair's back.</summary>
    public const int QueryX = 20, QueryY = 15;

    /// <summary>The queried region (the superpixel), units [12, 36) × [8, 30): the chair and the wall around it.</summary>
    public const int RegionX0 = 12, RegionX1 = 36, RegionY0 = 8, RegionY1 = 30;

    private static readonly (float X0, float Y0, float X1, float Y1, uint Rgb)[] Boxes =
    [
        (0, 30, 64, 48, 0xC9B79C), // floor
        (4, 13, 10, 24, 0x2E86DE), // the person's body
        (4, 24, 6, 34, 0x34495E), // and legs
        (8, 24, 10, 34, 0x34495E),
        (16, 8, 25, 21, 0xC0392B), // the chair's back
        (16, 21, 34, 24, 0xC0392B), // seat
        (16, 24, 18, 31, 0x7B241C), // legs
        (32, 24, 34, 31, 0x7B241C),
        (38, 22, 62, 25, 0x8B5A2B), // the table's top
        (39, 25, 41, 38, 0x6E4621), // legs
        (59, 25, 61, 38, 0x6E4621),
    ];

    /// <summary>Interleaved RGB of the scene at <paramref name="scale"/> pixels per unit, each pixel coloured by its centre.</summary>
    public static byte[] Render(int width, int height, double scale)
    {
        var rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                uint colour = ColourAt((x + 0.5) / scale, (y + 0.5) / scale);
                int i = ((y * width) + x) * 3;
                rgb[i] = (byte)(colour >> 16);
                rgb[i + 1] = (byte)(colour >> 8);
                rgb[i + 2] = (byte)colour;
            }
        }

        return rgb;
    }

    /// <summary>The region's mask at <paramref name="scale"/>: 1 for the pixels whose centre lies in it.</summary>
    public static byte[] RegionMask(int width, int height, double scale)
    {
        var mask = new byte[width * height];
        for (int y = 0; y < height; y++)
        {
            double v = (y + 0.5) / scale;
            for (int x = 0; x < width; x++)
            {
                double u = (x + 0.5) / scale;
                mask[(y * width) + x] = u >= RegionX0 && u < RegionX1 && v >= RegionY0 && v < RegionY1 ? (byte)1 : (byte)0;
            }
        }

        return mask;
    }

    /// <summary>The colour at unit coordinates (<paramref name="u"/>, <paramref name="v"/>): the last box that holds it, else the head or the wall.</summary>
    private static uint ColourAt(double u, double v)
    {
        for (int b = Boxes.Length - 1; b >= 0; b--)
        {
            var (x0, y0, x1, y1, rgb) = Boxes[b];
            if (u >= x0 && u < x1 && v >= y0 && v < y1)
            {
                return rgb;
            }
        }

        double du = u - 7, dv = v - 10;
        return (du * du) + (dv * dv) <= 9 ? 0xF1C27Du : 0xDFE6EEu;
    }
}
