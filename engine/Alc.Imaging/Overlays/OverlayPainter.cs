using System.Runtime.InteropServices;
using Alc.Core.Maps;
using Alc.Imaging.Photos;
using SkiaSharp;

namespace Alc.Imaging.Overlays;

/// <summary>
/// What every query overlay draws: the zoomed photo under a caption band (the shown class's colour swatch and name), the outline
/// of what the answer covers (yellow on a black halo) and a marker on the queried pixel. The marker is a white ring on a black
/// ring with four ticks: it needs no hue to be seen, so it stands out on any colour and to colour-blind eyes.
/// </summary>
internal static class OverlayPainter
{
    /// <summary>Height of the caption band above the photo, in output pixels.</summary>
    public const int CaptionHeight = 44;

    private static readonly SKColor Band = new(0x1b, 0x1b, 0x1b);
    private static readonly SKColor Halo = SKColors.Black;
    private static readonly SKColor OutlineColor = new(0xff, 0xe6, 0x00);

    /// <summary>
    /// Draws the overlay of <paramref name="window"/> of <paramref name="photo"/>; <paramref name="tint"/>, when given, returns the
    /// colour to blend (half and half) over an image pixel, or null to leave it.
    /// </summary>
    public static RgbImage Draw(RgbImage photo, CropWindow window, SuperpixelMap outline, int pixel, QueryCaption caption, Func<int, QueryCaption?>? tint = null)
    {
        ArgumentNullException.ThrowIfNull(photo);
        ArgumentNullException.ThrowIfNull(outline);
        ArgumentNullException.ThrowIfNull(caption);
        if (outline.Width != photo.Width || outline.Height != photo.Height)
        {
            throw new ArgumentException("The photo and the outline map differ in size.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(pixel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(pixel, outline.PixelCount);
        int width = window.Width * window.Scale, height = (window.Height * window.Scale) + CaptionHeight;
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        Marshal.Copy(Photo(photo, window, tint, width, height), 0, bitmap.GetPixels(), width * height * 4);
        using (var canvas = new SKCanvas(bitmap))
        {
            DrawOutline(canvas, outline, outline[pixel], window);
            DrawMarker(canvas, pixel % photo.Width, pixel / photo.Width, window);
            DrawCaption(canvas, caption, width);
        }

        var rgba = new byte[width * height * 4];
        Marshal.Copy(bitmap.GetPixels(), rgba, 0, rgba.Length);
        var rgb = new byte[width * height * 3];
        for (int p = 0, q = 0; q < rgb.Length; p += 4, q += 3)
        {
            rgb[q] = rgba[p];
            rgb[q + 1] = rgba[p + 1];
            rgb[q + 2] = rgba[p + 2];
        }

        return new RgbImage(width, height, rgb);
    }

    // The window's pixels, zoomed nearest-neighbour below the (still empty) caption band, tinted where asked.
    private static byte[] Photo(RgbImage photo, CropWindow window, Func<int, QueryCaption?>? tint, int width, int height)
    {
        var rgba = new byte[width * height * 4];
        Span<byte> color = stackalloc byte[4];
        color[3] = 255;
        for (int y = 0; y < window.Height; y++)
        {
            for (int x = 0; x < window.Width; x++)
            {
                int source = ((window.Top + y) * photo.Width) + window.Left + x;
                photo.Rgb.AsSpan(source * 3, 3).CopyTo(color);
                if (tint?.Invoke(source) is { } t)
                {
                    color[0] = (byte)((color[0] + t.Red + 1) / 2);
                    color[1] = (byte)((color[1] + t.Green + 1) / 2);
                    color[2] = (byte)((color[2] + t.Blue + 1) / 2);
                }

                for (int dy = 0; dy < window.Scale; dy++)
                {
                    int row = CaptionHeight + (y * window.Scale) + dy;
                    for (int dx = 0; dx < window.Scale; dx++)
                    {
                        color.CopyTo(rgba.AsSpan(((row * width) + (x * window.Scale) + dx) * 4, 4));
                    }
                }
            }
        }

        return rgba;
    }

    // Every edge between a pixel of the outlined segment and a pixel outside it (or the image border), in output coordinates.
    private static void DrawOutline(SKCanvas canvas, SuperpixelMap map, int id, CropWindow w)
    {
        using var path = new SKPathBuilder();
        for (int y = w.Top; y < w.Top + w.Height; y++)
        {
            for (int x = w.Left; x < w.Left + w.Width; x++)
            {
                if (map[(y * map.Width) + x] != id)
                {
                    continue;
                }

                float left = (x - w.Left) * w.Scale, top = CaptionHeight + ((y - w.Top) * w.Scale), s = w.Scale;
                if (Outside(map, x - 1, y, id))
                {
                    Segment(path, left, top, left, top + s);
                }

                if (Outside(map, x + 1, y, id))
                {
                    Segment(path, left + s, top, left + s, top + s);
                }

                if (Outside(map, x, y - 1, id))
                {
                    Segment(path, left, top, left + s, top);
                }

                if (Outside(map, x, y + 1, id))
                {
                    Segment(path, left, top + s, left + s, top + s);
                }
            }
        }

        float width = Math.Clamp(w.Scale / 4f, 1.5f, 3f);
        Stroke(canvas, path, Halo, width + 2.5f);
        Stroke(canvas, path, OutlineColor, width);
    }

    private static void DrawMarker(SKCanvas canvas, int px, int py, CropWindow w)
    {
        float cx = (px - w.Left + 0.5f) * w.Scale, cy = CaptionHeight + ((py - w.Top + 0.5f) * w.Scale);
        float r = Math.Max(1.5f * w.Scale, 9f);
        using var path = new SKPathBuilder();
        path.AddCircle(cx, cy, r);
        Segment(path, cx - r - 10, cy, cx - r - 3, cy);
        Segment(path, cx + r + 3, cy, cx + r + 10, cy);
        Segment(path, cx, cy - r - 10, cx, cy - r - 3);
        Segment(path, cx, cy + r + 3, cx, cy + r + 10);
        Stroke(canvas, path, Halo, 5f);
        Stroke(canvas, path, SKColors.White, 2.5f);
    }

    private static void DrawCaption(SKCanvas canvas, QueryCaption caption, int width)
    {
        using var fill = new SKPaint { Color = Band, Style = SKPaintStyle.Fill };
        canvas.DrawRect(0, 0, width, CaptionHeight, fill);
        fill.Color = new SKColor(caption.Red, caption.Green, caption.Blue);
        canvas.DrawRect(8, 8, 28, 28, fill);
        using var border = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Stroke, StrokeWidth = 2, IsAntialias = true };
        canvas.DrawRect(8, 8, 28, 28, border);
        using var font = new SKFont(OverlayFont.Typeface, 20);
        using var text = new SKPaint { Color = SKColors.White, IsAntialias = true };
        canvas.DrawText(caption.ClassName, 46, 29, SKTextAlign.Left, font, text);
    }

    private static bool Outside(SuperpixelMap map, int x, int y, int id) =>
        x < 0 || y < 0 || x >= map.Width || y >= map.Height || map[(y * map.Width) + x] != id;

    private static void Segment(SKPathBuilder path, float x0, float y0, float x1, float y1)
    {
        path.MoveTo(x0, y0);
        path.LineTo(x1, y1);
    }

    private static void Stroke(SKCanvas canvas, SKPathBuilder builder, SKColor color, float width)
    {
        using var paint = new SKPaint { Color = color, Style = SKPaintStyle.Stroke, StrokeWidth = width, StrokeCap = SKStrokeCap.Square, IsAntialias = true };
        using var path = builder.Snapshot();
        canvas.DrawPath(path, paint);
    }
}
