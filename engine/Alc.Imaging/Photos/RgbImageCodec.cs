using System.Runtime.InteropServices;
using SkiaSharp;

namespace Alc.Imaging.Photos;

/// <summary>
/// Decodes photos (PNG, JPEG and the other formats SkiaSharp reads) into <see cref="RgbImage"/> and encodes
/// PNG (lossless) and JPEG (for exports). The header is checked against <see cref="ImageLimits"/> before any pixel memory is allocated;
/// corrupt, truncated or unsupported files raise <see cref="MapFormatException"/>.
/// </summary>
/// <remarks>
/// Pixels are taken as stored: no EXIF rotation (label maps are aligned with the stored pixel grid),
/// no colour-space conversion, alpha dropped (colours unpremultiplied). 16-bit PNGs are reduced to 8 bits.
/// </remarks>
public static class RgbImageCodec
{
    /// <summary>Decodes the image file at <paramref name="path"/>; error messages name the path as given.</summary>
    /// <exception cref="MapFormatException">The file is not a decodable image, is truncated or corrupt, or exceeds the limits.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static RgbImage Decode(string path, ImageLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ImageLimits l = limits ?? ImageLimits.Default;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.SequentialScan);
        return Decode(ReadAllBounded(stream, path, l), path, l);
    }

    /// <summary>Decodes an image from <paramref name="stream"/> (read to the end, not closed).</summary>
    /// <exception cref="MapFormatException">The data is not a decodable image, is truncated or corrupt, or exceeds the limits.</exception>
    /// <exception cref="IOException">The stream fails.</exception>
    public static RgbImage Decode(Stream stream, string fileName, ImageLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        ImageLimits l = limits ?? ImageLimits.Default;
        return Decode(ReadAllBounded(stream, fileName, l), fileName, l);
    }

    /// <summary>Decodes an encoded image held in memory.</summary>
    /// <exception cref="MapFormatException">The data is not a decodable image, is truncated or corrupt, or exceeds the limits.</exception>
    public static RgbImage Decode(byte[] encoded, string fileName, ImageLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        ArgumentNullException.ThrowIfNull(fileName);
        ImageLimits l = limits ?? ImageLimits.Default;
        using SKCodec codec = OpenCodec(encoded, fileName, l);
        SKImageInfo info = codec.Info;
        int width = info.Width;
        int height = info.Height;
        var rgba = new byte[4L * width * height];
        var target = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        GCHandle handle = GCHandle.Alloc(rgba, GCHandleType.Pinned);
        SKCodecResult result;
        try
        {
            result = codec.GetPixels(target, handle.AddrOfPinnedObject());
        }
        finally
        {
            handle.Free();
        }

        if (result != SKCodecResult.Success)
        {
            string reason = result == SKCodecResult.IncompleteInput
                ? "the image data is truncated"
                : $"the image data could not be decoded ({result}): the file is corrupt";
            throw new MapFormatException(fileName, reason);
        }

        var rgb = new byte[3L * width * height];
        for (int p = 0, q = 0; q < rgb.Length; p += 4, q += 3)
        {
            rgb[q] = rgba[p];
            rgb[q + 1] = rgba[p + 1];
            rgb[q + 2] = rgba[p + 2];
        }

        return new RgbImage(width, height, rgb);
    }

    /// <summary>Reads only the size of an encoded image (no pixels are decoded).</summary>
    /// <exception cref="MapFormatException">The data is not a decodable image or exceeds the limits.</exception>
    public static ImageSize ReadSize(byte[] encoded, string fileName, ImageLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        ArgumentNullException.ThrowIfNull(fileName);
        using SKCodec codec = OpenCodec(encoded, fileName, limits ?? ImageLimits.Default);
        return new ImageSize(codec.Info.Width, codec.Info.Height);
    }

    /// <summary>Encodes <paramref name="image"/> as a lossless 24-bit PNG.</summary>
    public static byte[] EncodePng(RgbImage image) => Encode(image, SKEncodedImageFormat.Png, 100);

    /// <summary>
    /// Encodes <paramref name="image"/> as a baseline JPEG of the given quality (1–100), for exports whose layout asks
    /// for JPEG (PASCAL VOC's <c>JPEGImages/</c>); lossy, so never used where pixels must round-trip.
    /// </summary>
    public static byte[] EncodeJpeg(RgbImage image, int quality = 95)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        return Encode(image, SKEncodedImageFormat.Jpeg, quality);
    }

    private static byte[] Encode(RgbImage image, SKEncodedImageFormat format, int quality)
    {
        ArgumentNullException.ThrowIfNull(image);
        int n = image.Width * image.Height;
        var rgba = new byte[4L * n];
        byte[] rgb = image.Rgb;
        for (int p = 0, q = 0; p < rgba.Length; p += 4, q += 3)
        {
            rgba[p] = rgb[q];
            rgba[p + 1] = rgb[q + 1];
            rgba[p + 2] = rgb[q + 2];
            rgba[p + 3] = 255;
        }

        var info = new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        GCHandle handle = GCHandle.Alloc(rgba, GCHandleType.Pinned);
        try
        {
            using var pixmap = new SKPixmap(info, handle.AddrOfPinnedObject(), info.RowBytes);
            using SKData? data = pixmap.Encode(format, quality);
            return data?.ToArray() ?? throw new InvalidOperationException($"SkiaSharp failed to encode the {format}.");
        }
        finally
        {
            handle.Free();
        }
    }

    /// <summary>Writes <paramref name="image"/> as a PNG file at <paramref name="path"/> (replacing it).</summary>
    public static void WritePng(string path, RgbImage image)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllBytes(path, EncodePng(image));
    }

    private static SKCodec OpenCodec(byte[] encoded, string fileName, ImageLimits limits)
    {
        if (encoded.Length == 0)
        {
            throw new MapFormatException(fileName, "the file is empty");
        }

        if (encoded.Length > limits.MaxEncodedBytes)
        {
            throw new MapFormatException(fileName, $"the file has {encoded.Length} bytes, more than the limit of {limits.MaxEncodedBytes}");
        }

        var stream = new SKMemoryStream(encoded);
        SKCodec? codec = SKCodec.Create(stream, out SKCodecResult result);
        if (codec is null)
        {
            stream.Dispose();
            throw new MapFormatException(fileName, $"not a decodable image ({result}): the file is corrupt or in an unsupported format");
        }

        SKImageInfo info = codec.Info;
        string? violation = info.Width < 1 || info.Height < 1
            ? $"the image declares an invalid size {info.Width}×{info.Height}"
            : limits.Violation(info.Width, info.Height, 4L * info.Width * info.Height);
        if (violation is not null)
        {
            codec.Dispose();
            throw new MapFormatException(fileName, $"{violation}; the file was refused before decoding");
        }

        return codec;
    }

    private static byte[] ReadAllBounded(Stream stream, string fileName, ImageLimits limits)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > limits.MaxEncodedBytes)
            {
                throw new MapFormatException(fileName, $"the file is larger than the limit of {limits.MaxEncodedBytes} bytes");
            }

            buffer.Write(chunk, 0, n);
        }

        return buffer.ToArray();
    }
}
