using Alc.Core.Maps;
using Alc.Imaging.Photos;

namespace Alc.Imaging.Overlays;

/// <summary>
/// The whole image of a correction query with its current labels laid over it (each class's colour blended half and half,
/// ignore left bare), the answer's outline, the pixel's marker and the shown label's caption: what an annotator toggles to
/// when the crop's context is not enough to tell.
/// </summary>
public static class QueryContext
{
    /// <summary>Renders the whole-image view as PNG bytes.</summary>
    /// <param name="photo">The image.</param>
    /// <param name="labels">Its current labels (same size).</param>
    /// <param name="classes">Name and colour of each class id.</param>
    /// <param name="outline">A segmentation whose segment under <paramref name="pixel"/> is outlined.</param>
    /// <param name="pixel">Linear index of the queried pixel.</param>
    /// <param name="shown">The label the query shows.</param>
    /// <param name="maxSide">The longest output side the integer zoom may reach.</param>
    public static byte[] RenderPng(RgbImage photo, LabelMap labels, IReadOnlyList<QueryCaption> classes, SuperpixelMap outline, int pixel,
        QueryCaption shown, int maxSide = 512) =>
        RgbImageCodec.EncodePng(Render(photo, labels, classes, outline, pixel, shown, maxSide));

    /// <summary>Renders the whole-image view.</summary>
    public static RgbImage Render(RgbImage photo, LabelMap labels, IReadOnlyList<QueryCaption> classes, SuperpixelMap outline, int pixel,
        QueryCaption shown, int maxSide = 512)
    {
        ArgumentNullException.ThrowIfNull(photo);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classes);
        if (labels.Width != photo.Width || labels.Height != photo.Height)
        {
            throw new ArgumentException("The photo and the labels differ in size.");
        }

        return OverlayPainter.Draw(photo, CropWindow.Whole(photo, maxSide), outline, pixel, shown,
            p => labels[p] < classes.Count ? classes[labels[p]] : null);
    }
}
