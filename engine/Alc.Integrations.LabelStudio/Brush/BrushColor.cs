namespace Alc.Integrations.LabelStudio.Brush;

/// <summary>
/// The RGBA a brush mask's set pixels carry. Label Studio's editor draws a mask with the pixels' own colours and
/// alpha (label-studio 1.0.1 does not recolour a predicted mask with its label's colour), so a translucent colour
/// keeps the image visible under the region.
/// </summary>
/// <param name="R">Red.</param>
/// <param name="G">Green.</param>
/// <param name="B">Blue.</param>
/// <param name="A">Alpha, above 0 (a pixel with alpha 0 is outside the mask).</param>
public readonly record struct BrushColor(byte R, byte G, byte B, byte A)
{
    /// <summary>Opaque white: the pixels label-studio-converter's <c>mask2rle</c> writes.</summary>
    public static BrushColor OpaqueWhite { get; } = new(255, 255, 255, 255);

    /// <summary>A translucent gold (alpha 112 of 255) that shows the region without hiding the image under it.</summary>
    public static BrushColor TranslucentGold { get; } = new(255, 215, 0, 112);
}
