using Alc.Core.Maps;
using Alc.Imaging.Png;

namespace Alc.Imaging.Maps;

/// <summary>
/// Superpixel-map files of the ALC folder format (<c>superpixels/&lt;stem&gt;.png</c>): region ids stored as a
/// 16-bit grayscale PNG (all 16 bits kept), an 8-bit (or lower) grayscale PNG, or a 24-bit RGB PNG with
/// id = R + 256·G + 65536·B. Id 0 means "no object".
/// </summary>
public static class SuperpixelMapFile
{
    /// <summary>The largest id a file can hold (24-bit RGB).</summary>
    public const int MaxId = 0xFFFFFF;

    /// <summary>Reads the superpixel map at <paramref name="path"/>; error messages name the path as given.</summary>
    /// <param name="path">The PNG file.</param>
    /// <param name="expectedSize">When set, the map must have this size (its image's); checked before decoding.</param>
    /// <param name="limits">Size limits; <see cref="ImageLimits.Default"/> when null.</param>
    /// <exception cref="MapFormatException">The file is not a valid grayscale or 24-bit RGB PNG, exceeds the limits or has the wrong size.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static SuperpixelMap Read(string path, ImageSize? expectedSize = null, ImageLimits? limits = null)
    {
        using FileStream stream = PngMapCodec.OpenRead(path);
        return Read(stream, path, expectedSize, limits);
    }

    /// <summary>Reads a superpixel map from <paramref name="stream"/>; <paramref name="fileName"/> names it in error messages.</summary>
    /// <param name="stream">The PNG bytes (read to the end, not closed).</param>
    /// <param name="fileName">Name used in error messages, for example "superpixels/2007_000032.png".</param>
    /// <param name="expectedSize">When set, the map must have this size (its image's); checked before decoding.</param>
    /// <param name="limits">Size limits; <see cref="ImageLimits.Default"/> when null.</param>
    /// <exception cref="MapFormatException">The data is not a valid grayscale or 24-bit RGB PNG, exceeds the limits or has the wrong size.</exception>
    /// <exception cref="IOException">The stream fails.</exception>
    public static SuperpixelMap Read(Stream stream, string fileName, ImageSize? expectedSize = null, ImageLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);

        PngMap png = PngDecoder.Decode(stream, fileName, limits ?? ImageLimits.Default, header =>
        {
            bool supported = header.ColorType == PngColorType.Grayscale
                || (header.ColorType == PngColorType.Rgb && header.BitDepth == 8);
            if (!supported)
            {
                return $"is {header.DescriptionWithArticle} PNG; superpixel maps must be grayscale (8- or 16-bit) or 24-bit RGB (id = R + 256·G + 65536·B) PNGs of region ids";
            }

            return expectedSize is { } expected && header.Size != expected ? header.Size.SizeMismatch(expected) : null;
        });

        int[] ids;
        if (png.Header.ColorType == PngColorType.Grayscale)
        {
            ids = png.ToInt32();
        }
        else
        {
            ids = new int[png.Width * png.Height];
            ReadOnlySpan<byte> rgb = png.Pixels;
            for (int i = 0; i < ids.Length; i++)
            {
                ids[i] = rgb[3 * i] | (rgb[(3 * i) + 1] << 8) | (rgb[(3 * i) + 2] << 16);
            }
        }

        try
        {
            return new SuperpixelMap(png.Width, png.Height, ids);
        }
        catch (ArgumentException ex)
        {
            throw new MapFormatException(fileName, ex.Message, ex);
        }
    }

    /// <summary>
    /// Encodes <paramref name="map"/> as PNG bytes: 16-bit grayscale when every id is below 65536, else 24-bit RGB.
    /// Deterministic: the same map gives the same bytes.
    /// </summary>
    /// <exception cref="ArgumentException">An id exceeds <see cref="MaxId"/>.</exception>
    public static byte[] Encode(SuperpixelMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        ReadOnlySpan<int> ids = map.Ids;
        int max = 0;
        foreach (int id in ids)
        {
            max = Math.Max(max, id);
        }

        if (max <= ushort.MaxValue)
        {
            var values = new ushort[ids.Length];
            for (int i = 0; i < ids.Length; i++)
            {
                values[i] = (ushort)ids[i];
            }

            return PngMapCodec.EncodeGray16(map.Width, map.Height, values);
        }

        if (max > MaxId)
        {
            throw new ArgumentException($"Superpixel id {max} cannot be stored: a superpixel PNG holds ids up to {MaxId} (24-bit RGB).", nameof(map));
        }

        var rgb = new byte[checked(ids.Length * 3)];
        for (int i = 0; i < ids.Length; i++)
        {
            int id = ids[i];
            rgb[3 * i] = (byte)id;
            rgb[(3 * i) + 1] = (byte)(id >> 8);
            rgb[(3 * i) + 2] = (byte)(id >> 16);
        }

        return PngMapCodec.EncodeRgb24(map.Width, map.Height, rgb);
    }

    /// <summary>Writes <paramref name="map"/> as a PNG to <paramref name="stream"/>.</summary>
    /// <exception cref="ArgumentException">An id exceeds <see cref="MaxId"/>.</exception>
    public static void Write(Stream stream, SuperpixelMap map)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(Encode(map));
    }

    /// <summary>Writes <paramref name="map"/> as a PNG file at <paramref name="path"/> (replacing it).</summary>
    /// <exception cref="ArgumentException">An id exceeds <see cref="MaxId"/>.</exception>
    public static void Write(string path, SuperpixelMap map)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllBytes(path, Encode(map));
    }
}
