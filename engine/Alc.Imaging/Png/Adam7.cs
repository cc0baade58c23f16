namespace Alc.Imaging.Png;

/// <summary>The seven passes of Adam7 interlacing (PNG specification §8.2).</summary>
internal static class Adam7
{
    /// <summary>Number of passes.</summary>
    public const int Passes = 7;

    private static ReadOnlySpan<byte> XStart => [0, 4, 0, 2, 0, 1, 0];

    private static ReadOnlySpan<byte> YStart => [0, 0, 4, 0, 2, 0, 1];

    private static ReadOnlySpan<byte> XStep => [8, 8, 4, 4, 2, 2, 1];

    private static ReadOnlySpan<byte> YStep => [8, 8, 8, 4, 4, 2, 2];

    /// <summary>The first column, first row, column step and row step of a pass.</summary>
    public static (int X0, int Y0, int Dx, int Dy) Pass(int pass) => (XStart[pass], YStart[pass], XStep[pass], YStep[pass]);

    /// <summary>The size of a pass's reduced image (either side may be 0, meaning the pass is empty).</summary>
    public static (int Width, int Height) PassSize(int pass, int width, int height)
    {
        var (x0, y0, dx, dy) = Pass(pass);
        int w = width > x0 ? (width - x0 + dx - 1) / dx : 0;
        int h = height > y0 ? (height - y0 + dy - 1) / dy : 0;
        return (w, h);
    }

    /// <summary>Places the <paramref name="count"/> pixels of one reduced row into a full-image row.</summary>
    public static void Scatter(ReadOnlySpan<byte> passRow, Span<byte> imageRow, int x0, int dx, int count, int bitsPerPixel)
    {
        if (bitsPerPixel >= 8)
        {
            int bytes = bitsPerPixel / 8;
            for (int i = 0; i < count; i++)
            {
                passRow.Slice(i * bytes, bytes).CopyTo(imageRow.Slice((x0 + (i * dx)) * bytes, bytes));
            }

            return;
        }

        int mask = (1 << bitsPerPixel) - 1;
        for (int i = 0; i < count; i++)
        {
            int srcBit = i * bitsPerPixel;
            int value = (passRow[srcBit >> 3] >> (8 - bitsPerPixel - (srcBit & 7))) & mask;
            int dstBit = (x0 + (i * dx)) * bitsPerPixel;
            int shift = 8 - bitsPerPixel - (dstBit & 7);
            ref byte target = ref imageRow[dstBit >> 3];
            target = (byte)((target & ~(mask << shift)) | (value << shift));
        }
    }
}
