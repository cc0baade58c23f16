using Alc.Core.Maps;
using Alc.Imaging.Png;

namespace Alc.Imaging.Maps;

/// <summary>
/// Label-map files of the ALC folder format (<c>pseudo/&lt;stem&gt;.png</c>, <c>gt/&lt;stem&gt;.png</c>): PNGs of
/// class ids, 255 = ignore, stored as grayscale (any bit depth, values unscaled) or palette images
/// (PASCAL VOC masks), which are read by index, never by colour.
/// </summary>
public static class LabelMapFile
{
    /// <summary>Reads the label map at <paramref name="path"/>; error messages name the path as given.</summary>
    /// <param name="path">The PNG file.</param>
    /// <param name="classCount">Number of classes L of the dataset (1..255); ids must be below it or 255.</param>
    /// <param name="expectedSize">When set, the map must have this size (its image's); checked before decoding.</param>
    /// <param name="limits">Size limits; <see cref="ImageLimits.Default"/> when null.</param>
    /// <exception cref="MapFormatException">The file is not a valid grayscale or palette PNG, exceeds the limits, has the wrong size, or holds an id ≥ L other than 255 (the message names the first such pixel).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is outside 1..255.</exception>
    public static LabelMap Read(string path, int classCount, ImageSize? expectedSize = null, ImageLimits? limits = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classCount, LabelMap.MaxClasses);
        using FileStream stream = PngMapCodec.OpenRead(path);
        return Read(stream, path, classCount, expectedSize, limits);
    }

    /// <summary>Reads a label map from <paramref name="stream"/>; <paramref name="fileName"/> names it in error messages.</summary>
    /// <param name="stream">The PNG bytes (read to the end, not closed).</param>
    /// <param name="fileName">Name used in error messages, for example "pseudo/2007_000032.png".</param>
    /// <param name="classCount">Number of classes L of the dataset (1..255); ids must be below it or 255.</param>
    /// <param name="expectedSize">When set, the map must have this size (its image's); checked before decoding.</param>
    /// <param name="limits">Size limits; <see cref="ImageLimits.Default"/> when null.</param>
    /// <exception cref="MapFormatException">The data is not a valid grayscale or palette PNG, exceeds the limits, has the wrong size, or holds an id ≥ L other than 255.</exception>
    /// <exception cref="IOException">The stream fails.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is outside 1..255.</exception>
    public static LabelMap Read(Stream stream, string fileName, int classCount, ImageSize? expectedSize = null, ImageLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classCount, LabelMap.MaxClasses);

        PngMap png = PngDecoder.Decode(stream, fileName, limits ?? ImageLimits.Default, header =>
        {
            if (header.ColorType is not (PngColorType.Grayscale or PngColorType.Indexed))
            {
                return $"is {header.DescriptionWithArticle} PNG; label maps must be grayscale or palette (indexed) PNGs of class ids (255 = ignore)";
            }

            return expectedSize is { } expected && header.Size != expected ? header.Size.SizeMismatch(expected) : null;
        });

        byte[] labels;
        if (png.Header.BitDepth == 16)
        {
            int[] values = png.ToInt32();
            labels = new byte[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                int v = values[i];
                if (v != LabelMap.Ignore && v >= classCount)
                {
                    throw BadClass(fileName, i, png.Width, v, classCount);
                }

                labels[i] = (byte)v;
            }
        }
        else
        {
            labels = png.UnpackBytes();
            if (classCount < LabelMap.MaxClasses)
            {
                int bad = labels.AsSpan().IndexOfAnyInRange((byte)classCount, (byte)(LabelMap.Ignore - 1));
                if (bad >= 0)
                {
                    throw BadClass(fileName, bad, png.Width, labels[bad], classCount);
                }
            }
        }

        try
        {
            return new LabelMap(png.Width, png.Height, classCount, labels);
        }
        catch (ArgumentException ex)
        {
            throw new MapFormatException(fileName, ex.Message, ex);
        }
    }

    /// <summary>Encodes <paramref name="map"/> as PNG bytes (deterministic: the same map gives the same bytes).</summary>
    public static byte[] Encode(LabelMap map, LabelMapEncoding encoding = LabelMapEncoding.VocPalette)
    {
        ArgumentNullException.ThrowIfNull(map);
        return encoding switch
        {
            LabelMapEncoding.VocPalette => PngMapCodec.EncodeIndexed(map.Width, map.Height, map.Labels, VocPalette.Rgb),
            LabelMapEncoding.Gray8 => PngMapCodec.EncodeGray8(map.Width, map.Height, map.Labels),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Unknown label map encoding."),
        };
    }

    /// <summary>Writes <paramref name="map"/> as a PNG to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, LabelMap map, LabelMapEncoding encoding = LabelMapEncoding.VocPalette)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(Encode(map, encoding));
    }

    /// <summary>Writes <paramref name="map"/> as a PNG file at <paramref name="path"/> (replacing it).</summary>
    public static void Write(string path, LabelMap map, LabelMapEncoding encoding = LabelMapEncoding.VocPalette)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllBytes(path, Encode(map, encoding));
    }

    private static MapFormatException BadClass(string fileName, int pixel, int width, int value, int classCount) =>
        new(fileName, $"pixel (x={pixel % width}, y={pixel / width}) has class {value} but the dataset has {classCount} classes (ids 0..{classCount - 1}; 255 = ignore)");
}
