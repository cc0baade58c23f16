using Alc.Core.Maps;
using Alc.Imaging.Photos;

namespace Alc.Imaging.Overlays;

/// <summary>
/// The picture an annotator sees for a correction query: a window of the photo around the queried pixel,
/// enlarged, with the outline of the superpixel the answer will expand to and a cross-hair on the pixel.
/// </summary>
public static class QueryCrop
{
    private static readonly byte[] Outline = [255, 230, 0];
    private static readonly byte[] Marker = [255, 0, 64];

    /// <summary>Renders the crop as PNG bytes.</summary>
    /// <param name="photo">The image.</param>
    /// <param name="superpixels">Its superpixels (same size).</param>
    /// <param name="pixel">Linear index of the queried pixel.</param>
    /// <param name="side">Side of the window in image pixels (clamped to the image).</param>
    /// <param name="scale">Enlargement factor (nearest neighbour).</param>
    public static byte[] RenderPng(RgbImage photo, SuperpixelMap superpixels, int pixel, int side = 96, int scale = 3) =>
        RgbImageCodec.EncodePng(Render(photo, superpixels, pixel, side, scale));

    /// <summary>Renders the crop.</summary>
    public static RgbImage Render(RgbImage photo, SuperpixelMap superpixels, int pixel, int side = 96, int scale = 3)
    {
        ArgumentNullException.ThrowIfNull(photo);
        ArgumentNullException.ThrowIfNull(superpixels);
        if (superpixels.Width != photo.Width || superpixels.Height != photo.Height)
        {
            throw new ArgumentException("The photo and the superpixels differ in size.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(pixel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(pixel, superpixels.PixelCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(side, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        int width = Math.Min(side, photo.Width), height = Math.Min(side, photo.Height);
        int px = pixel % photo.Width, py = pixel / photo.Width;
        int left = Math.Clamp(px - (width / 2), 0, photo.Width - width), top = Math.Clamp(py - (height / 2), 0, photo.Height - height);
        int target = superpixels[pixel];
        var output = new byte[width * scale * height * scale * 3];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int ix = left + x, iy = top + y, source = (iy * photo.Width) + ix;
                ReadOnlySpan<byte> color = photo.Rgb.AsSpan(source * 3, 3);
                if (superpixels[source] == target && IsBoundary(superpixels, ix, iy, target))
                {
                    color = Outline;
                }

                if ((ix == px && Math.Abs(iy - py) <= 3) || (iy == py && Math.Abs(ix - px) <= 3))
                {
                    color = Marker;
                }

                for (int dy = 0; dy < scale; dy++)
                {
                    int row = (((y * scale) + dy) * width * scale) + (x * scale);
                    for (int dx = 0; dx < scale; dx++)
                    {
                        color.CopyTo(output.AsSpan((row + dx) * 3, 3));
                    }
                }
            }
        }

        return new RgbImage(width * scale, height * scale, output);
    }

    // A pixel of the superpixel with a 4-neighbour outside it (or on the image border).
    private static bool IsBoundary(SuperpixelMap map, int x, int y, int id) =>
        x == 0 || y == 0 || x == map.Width - 1 || y == map.Height - 1 ||
        map[(y * map.Width) + x - 1] != id || map[(y * map.Width) + x + 1] != id ||
        map[((y - 1) * map.Width) + x] != id || map[((y + 1) * map.Width) + x] != id;
}
