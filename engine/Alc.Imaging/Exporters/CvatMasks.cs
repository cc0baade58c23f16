using Alc.Core.Maps;
using Alc.Imaging.Png;

namespace Alc.Imaging.Exporters;

/// <summary>
/// Paints one image's labels as the two 24-bit RGB PNGs of a CVAT "Segmentation mask 1.1" export. RGB rather than palette
/// PNGs: CVAT's format page allows 1-channel masks only as indices into labelmap.txt, while 3-channel masks are read by colour,
/// which does not depend on how a reader expands a palette.
/// </summary>
internal static class CvatMasks
{
    /// <summary><c>SegmentationClass/&lt;stem&gt;.png</c>: every pixel in the colour of its label (<see cref="CvatLabelMap.ColorOf"/>).</summary>
    public static byte[] Classes(LabelMap labels, CvatLabelMap map) => Paint(labels, map.ValueColors);

    /// <summary>
    /// <c>SegmentationObject/&lt;stem&gt;.png</c>: one instance per annotated class present in the image, numbered 1, 2, … in
    /// class-id order and painted in the VOC palette colour of its number (datumaro's <c>VocInstColormap</c>); background and
    /// ignore pixels are instance 0, black.
    /// </summary>
    public static byte[] Instances(LabelMap labels, CvatLabelMap map)
    {
        Span<bool> present = stackalloc bool[256];
        foreach (byte value in labels.Labels)
        {
            present[value] = true;
        }

        // At most 255 class ids (0..254) can be instances, so the numbers fit the 256-entry palette.
        var instanceOf = new byte[256];
        byte next = 0;
        for (int value = 0; value < LabelMap.Ignore; value++)
        {
            if (present[value] && !map.IsUnannotated((byte)value))
            {
                instanceOf[value] = ++next;
            }
        }

        var colors = new byte[3 * 256];
        ReadOnlySpan<byte> palette = VocPalette.Rgb;
        for (int value = 0; value < 256; value++)
        {
            palette.Slice(3 * instanceOf[value], 3).CopyTo(colors.AsSpan(3 * value, 3));
        }

        return Paint(labels, colors);
    }

    // Looks every pixel's label value up in a 256-entry RGB table.
    private static byte[] Paint(LabelMap labels, ReadOnlySpan<byte> colors)
    {
        ReadOnlySpan<byte> values = labels.Labels;
        var rgb = new byte[checked(3 * values.Length)];
        for (int p = 0; p < values.Length; p++)
        {
            colors.Slice(3 * values[p], 3).CopyTo(rgb.AsSpan(3 * p, 3));
        }

        return PngMapCodec.EncodeRgb24(labels.Width, labels.Height, rgb);
    }
}
