using Alc.Core.Maps;
using Alc.Imaging.Overlays;
using Alc.Imaging.Photos;

namespace Alc.Imaging.Tests.Overlays;

public sealed class QueryCropTests
{
    private static readonly QueryCaption Chair = QueryCaption.Of("chair", "#c00000");

    // A red photo (the colour the old red cross-hair vanished on) split into two superpixels at column 20.
    private static (RgbImage Photo, SuperpixelMap Segments) RedWorld(int width = 32, int height = 32)
    {
        var rgb = new byte[width * height * 3];
        for (int p = 0; p < width * height; p++)
        {
            rgb[p * 3] = 200;
        }

        var ids = new int[width * height];
        for (int p = 0; p < ids.Length; p++)
        {
            ids[p] = p % width < 20 ? 1 : 2;
        }

        return (new RgbImage(width, height, rgb), new SuperpixelMap(width, height, ids));
    }

    private static byte[] At(RgbImage image, int x, int y) => image.Rgb.AsSpan(((y * image.Width) + x) * 3, 3).ToArray();

    [Fact]
    public void A_small_image_is_zoomed_around_the_pixel_with_context_on_every_side()
    {
        var (photo, _) = RedWorld();
        // 32 px: a 16-px window (half the image) at 24×; the pixel at (2, 30) shifts the window inside the image.
        Assert.Equal(new CropWindow(8, 8, 16, 16, 24), CropWindow.Around(photo, (16 * 32) + 16));
        Assert.Equal(new CropWindow(0, 16, 16, 16, 24), CropWindow.Around(photo, (30 * 32) + 2));
        // A 500 × 375 photo: a 128-px window at 3×.
        var large = new RgbImage(500, 375, new byte[500 * 375 * 3]);
        Assert.Equal(new CropWindow(186, 123, 128, 128, 3), CropWindow.Around(large, (187 * 500) + 250));
    }

    [Fact]
    public void The_caption_band_shows_the_shown_labels_colour_and_white_text_for_its_name()
    {
        var (photo, segments) = RedWorld();
        var crop = QueryCrop.Render(photo, segments, (16 * 32) + 16, Chair);
        Assert.Equal((16 * 24, (16 * 24) + OverlayPainter.CaptionHeight), (crop.Width, crop.Height));
        Assert.Equal(new byte[] { 0xc0, 0, 0 }, At(crop, 22, 22));
        // The name is written: some band pixels right of the swatch are light.
        int light = 0;
        for (int x = 46; x < 140; x++)
        {
            for (int y = 8; y < 36; y++)
            {
                light += At(crop, x, y)[1] > 180 ? 1 : 0;
            }
        }

        Assert.True(light > 40, $"{light} light pixels where the class name should be");
    }

    [Fact]
    public void The_marker_is_white_on_black_so_it_shows_on_a_red_object_and_the_outline_follows_the_superpixel_edge()
    {
        var (photo, segments) = RedWorld();
        int pixel = (16 * 32) + 16;
        var crop = QueryCrop.Render(photo, segments, pixel, Chair);
        var pixels = Enumerable.Range(0, crop.Width * crop.Height).Select(p => At(crop, p % crop.Width, p / crop.Width)).ToList();
        Assert.Contains(pixels, c => c[0] > 240 && c[1] > 240 && c[2] > 240);
        Assert.Contains(pixels, c => c[0] < 16 && c[1] < 16 && c[2] < 16);
        // The superpixel edge at image column 20 = window column 12 → output x 288, drawn in yellow.
        int y = OverlayPainter.CaptionHeight + (2 * 24);
        Assert.Equal(new byte[] { 255, 230, 0 }, At(crop, 12 * 24, y));
        // Away from the edge and the marker the photo is untouched.
        Assert.Equal(new byte[] { 200, 0, 0 }, At(crop, 3 * 24, y));
    }

    [Fact]
    public void The_context_view_blends_each_class_colour_over_the_whole_image_and_leaves_ignore_bare()
    {
        var (photo, segments) = RedWorld();
        var labels = new byte[32 * 32];
        for (int p = 0; p < labels.Length; p++)
        {
            labels[p] = p % 32 < 20 ? (byte)1 : LabelMap.Ignore;
        }

        var classes = new[] { QueryCaption.Of("background", "#000000"), QueryCaption.Of("sky", "#0000ff") };
        var view = QueryContext.Render(photo, new LabelMap(32, 32, 2, labels), classes, segments, 0, classes[1]);
        Assert.Equal((512, 512 + OverlayPainter.CaptionHeight), (view.Width, view.Height));
        int y = OverlayPainter.CaptionHeight + (20 * 16);
        Assert.Equal(new byte[] { 100, 0, 128 }, At(view, 8 * 16, y));
        Assert.Equal(new byte[] { 200, 0, 0 }, At(view, 28 * 16, y));
    }
}
