namespace Alc.Core.Maps;

/// <summary>
/// The label map of one image: one class id per pixel, row-major, <see cref="Ignore"/> (255) meaning
/// "no label". Class ids run from 0 to <see cref="ClassCount"/> − 1, so up to 255 classes are supported.
/// </summary>
/// <remarks>The map takes ownership of the array it is given; expansion writes into it in place.</remarks>
public sealed class LabelMap
{
    /// <summary>The label value that means "ignore this pixel" (not a class).</summary>
    public const byte Ignore = 255;

    /// <summary>The largest number of classes a label map can hold (ids 0..254).</summary>
    public const int MaxClasses = 255;

    private readonly byte[] _labels;

    /// <summary>Wraps <paramref name="labels"/> (row-major, length width·height) after validating every value.</summary>
    /// <exception cref="ArgumentException">Sizes disagree, the class count is out of range, or a pixel holds an id ≥ <paramref name="classCount"/> other than 255.</exception>
    public LabelMap(int width, int height, int classCount, byte[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        MapValidation.RequireSize(width, height, labels.Length, 1, nameof(labels));
        if (classCount is < 1 or > MaxClasses)
        {
            throw new ArgumentException($"Class count {classCount} is out of range: a label map holds 1..{MaxClasses} classes.", nameof(classCount));
        }

        if (classCount < MaxClasses)
        {
            // Vectorised search for the first id in [classCount, 254]; 255 is the ignore label.
            int bad = labels.AsSpan().IndexOfAnyInRange((byte)classCount, (byte)(Ignore - 1));
            if (bad >= 0)
            {
                throw new ArgumentException(
                    $"Pixel {MapValidation.Describe(bad, width)} has label {labels[bad]}, but the map has {classCount} classes (ids 0..{classCount - 1}; 255 = ignore).",
                    nameof(labels));
            }
        }

        Width = width;
        Height = height;
        ClassCount = classCount;
        _labels = labels;
    }

    /// <summary>Image width in pixels.</summary>
    public int Width { get; }

    /// <summary>Image height in pixels.</summary>
    public int Height { get; }

    /// <summary>Number of classes L; valid ids are 0..L−1.</summary>
    public int ClassCount { get; }

    /// <summary>Number of pixels (width·height).</summary>
    public int PixelCount => _labels.Length;

    /// <summary>The labels, row-major, writable.</summary>
    public Span<byte> Labels => _labels;

    /// <summary>The label at a linear pixel index.</summary>
    public byte this[int pixel] => _labels[pixel];

    /// <summary>A deep copy (expansion mutates maps; callers keep D0 apart from D_t with this).</summary>
    public LabelMap Clone() => new(Width, Height, ClassCount, (byte[])_labels.Clone(), trusted: true);

    private LabelMap(int width, int height, int classCount, byte[] labels, bool trusted)
    {
        _ = trusted;
        Width = width;
        Height = height;
        ClassCount = classCount;
        _labels = labels;
    }
}
