using Alc.Core.Maps;
using Alc.Imaging.Photos;

namespace Alc.Imaging.Overlays;

/// <summary>
/// The picture of a correction query, which carries the question by itself: a window of the photo around the queried pixel
/// (<see cref="CropWindow.Around"/>: context on every side, zoomed to about 384 pixels), the outline of what the answer covers
/// (its superpixel, or a region check's region), a marker on the pixel that any colour leaves visible, and a caption band
/// with the shown label's colour and name ("this pixel is <i>chair</i>: give the right class only if that is wrong").
/// </summary>
public static class QueryCrop
{
    /// <summary>Renders the crop as PNG bytes.</summary>
    /// <param name="photo">The image.</param>
    /// <param name="outline">A segmentation of the image (same size) whose segment under <paramref name="pixel"/> is outlined.</param>
    /// <param name="pixel">Linear index of the queried pixel.</param>
    /// <param name="shown">The label the query shows.</param>
    /// <param name="outputSide">About how many pixels the window's longer side is zoomed to.</param>
    public static byte[] RenderPng(RgbImage photo, SuperpixelMap outline, int pixel, QueryCaption shown, int outputSide = 384) =>
        RgbImageCodec.EncodePng(Render(photo, outline, pixel, shown, outputSide));

    /// <summary>Renders the crop.</summary>
    public static RgbImage Render(RgbImage photo, SuperpixelMap outline, int pixel, QueryCaption shown, int outputSide = 384)
    {
        ArgumentNullException.ThrowIfNull(photo);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputSide, CropWindow.MinSide);
        return OverlayPainter.Draw(photo, CropWindow.Around(photo, pixel, outputSide), outline, pixel, shown);
    }
}
