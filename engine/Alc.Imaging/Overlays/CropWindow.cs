using Alc.Imaging.Photos;

namespace Alc.Imaging.Overlays;

/// <summary>The part of a photo an overlay shows, and the integer zoom (nearest neighbour) it is drawn at.</summary>
/// <param name="Left">First column shown.</param>
/// <param name="Top">First row shown.</param>
/// <param name="Width">Columns shown.</param>
/// <param name="Height">Rows shown.</param>
/// <param name="Scale">Output pixels per image pixel, ≥ 1.</param>
public readonly record struct CropWindow(int Left, int Top, int Width, int Height, int Scale)
{
    /// <summary>The smallest window side: fewer pixels leave no context around the queried one.</summary>
    public const int MinSide = 16;

    /// <summary>The largest window side: more and the pixel is lost in the picture.</summary>
    public const int MaxSide = 128;

    /// <summary>
    /// A window around <paramref name="pixel"/>: half the photo's longer side (clamped to <see cref="MinSide"/>..<see cref="MaxSide"/>
    /// and to the photo), shifted to stay inside the photo, zoomed so its longer side is about <paramref name="outputSide"/> pixels.
    /// A 32-pixel world image shows 16 × 16 pixels at 24×; a 500 × 375 photo 128 × 128 at 3×.
    /// </summary>
    public static CropWindow Around(RgbImage photo, int pixel, int outputSide = 384)
    {
        ArgumentNullException.ThrowIfNull(photo);
        int side = Math.Clamp(Math.Max(photo.Width, photo.Height) / 2, MinSide, MaxSide);
        int width = Math.Min(side, photo.Width), height = Math.Min(side, photo.Height);
        int px = pixel % photo.Width, py = pixel / photo.Width;
        int left = Math.Clamp(px - (width / 2), 0, photo.Width - width), top = Math.Clamp(py - (height / 2), 0, photo.Height - height);
        return new CropWindow(left, top, width, height, Math.Max(1, outputSide / Math.Max(width, height)));
    }

    /// <summary>The whole photo, zoomed by the largest integer that keeps its longer side within <paramref name="maxSide"/> (at least 1).</summary>
    public static CropWindow Whole(RgbImage photo, int maxSide = 512)
    {
        ArgumentNullException.ThrowIfNull(photo);
        return new CropWindow(0, 0, photo.Width, photo.Height, Math.Max(1, maxSide / Math.Max(photo.Width, photo.Height)));
    }

    /// <summary>Whether image pixel (<paramref name="x"/>, <paramref name="y"/>) is inside the window.</summary>
    public bool Contains(int x, int y) => x >= Left && x < Left + Width && y >= Top && y < Top + Height;
}
