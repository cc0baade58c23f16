using SkiaSharp;

namespace Alc.Engine.Server.Tests.Cvat.Fake;

/// <summary>Real encoded images for uploads to the fake, made with SkiaSharp (which the engine's imaging library brings along).</summary>
internal static class CvatFakeTestImages
{
    /// <summary>A solid-color PNG of the given size.</summary>
    public static byte[] Png(int width, int height) => Encode(width, height, SKEncodedImageFormat.Png);

    /// <summary>A solid-color JPEG of the given size.</summary>
    public static byte[] Jpeg(int width, int height) => Encode(width, height, SKEncodedImageFormat.Jpeg);

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor(30, 140, 160));
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}
