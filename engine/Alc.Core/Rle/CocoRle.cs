using System.Runtime.InteropServices;

namespace Alc.Core.Rle;

/// <summary>
/// A binary mask in COCO run-length encoding, bit-compatible with pycocotools (<c>maskApi.c</c>): the counts
/// alternate runs of 0s and 1s, starting with 0s (the first count is 0 when the first pixel is set), over
/// the pixels in column-major (Fortran) order — down each column, columns left to right.
/// </summary>
/// <remarks>
/// Immutable. Counts are kept exactly as given or produced; like pycocotools nothing canonicalises them, so
/// a mask read from a COCO file is written back byte for byte. The only invariant is that the counts sum to
/// <see cref="Width"/>·<see cref="Height"/>. The type is split by concern: masks (<c>CocoRle.Mask.cs</c>),
/// the compressed counts string, merge and IoU, and polygon rasterisation.
/// </remarks>
public sealed partial class CocoRle : IEquatable<CocoRle>
{
    private readonly uint[] _counts;

    /// <summary>Wraps a copy of <paramref name="counts"/> (uncompressed COCO RLE) for a mask of the given size.</summary>
    /// <exception cref="ArgumentException">A side is below 1, width·height exceeds the largest .NET array, or the counts do not sum to width·height.</exception>
    public CocoRle(int width, int height, ReadOnlySpan<uint> counts)
        : this(width, height, counts.ToArray())
    {
    }

    /// <summary>Takes ownership of <paramref name="counts"/> after validating it (for arrays this assembly built).</summary>
    private CocoRle(int width, int height, uint[] counts)
    {
        RequireSize(width, height);
        ulong sum = 0;
        ulong area = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            sum += counts[i];
            if ((i & 1) == 1)
            {
                area += counts[i];
            }
        }

        long pixels = (long)width * height;
        if (sum != (ulong)pixels)
        {
            throw new ArgumentException(
                $"The {counts.Length} counts sum to {sum} pixels, but a {width}×{height} mask has {pixels}.", nameof(counts));
        }

        Width = width;
        Height = height;
        Area = (int)area;
        _counts = counts;
    }

    /// <summary>Mask width in pixels (COCO <c>size[1]</c>).</summary>
    public int Width { get; }

    /// <summary>Mask height in pixels (COCO <c>size[0]</c>).</summary>
    public int Height { get; }

    /// <summary>Number of pixels (width·height), which the counts sum to.</summary>
    public int PixelCount => Width * Height;

    /// <summary>The run lengths: 0s, 1s, 0s, … in column-major order (COCO uncompressed <c>counts</c>).</summary>
    public ReadOnlySpan<uint> Counts => _counts;

    /// <summary>Number of set pixels: the sum of the odd-indexed counts (pycocotools <c>area</c>).</summary>
    public int Area { get; }

    /// <summary>The mask with no pixel set: counts [width·height], as <see cref="Encode"/> writes it.</summary>
    public static CocoRle Empty(int width, int height)
    {
        RequireSize(width, height);
        return new CocoRle(width, height, new uint[] { (uint)(width * height) });
    }

    /// <summary>The mask with every pixel set: counts [0, width·height], as <see cref="Encode"/> writes it.</summary>
    public static CocoRle Full(int width, int height)
    {
        RequireSize(width, height);
        return new CocoRle(width, height, new uint[] { 0, (uint)(width * height) });
    }

    /// <summary>
    /// The tight bounding box, as pycocotools <c>toBbox</c>: it reads the first and last pixel of each run
    /// of 1s; a run that wraps from one column into the next spans every row. An odd trailing count (the final
    /// run of 0s) is ignored; with no run of 1s the box is (0, 0, 0, 0).
    /// </summary>
    public RleBoundingBox BoundingBox()
    {
        int pairs = _counts.Length / 2 * 2;
        if (pairs == 0)
        {
            return default;
        }

        uint h = (uint)Height;
        uint xStart = (uint)Width, yStart = h, xEnd = 0, yEnd = 0, runStartColumn = 0, position = 0;
        for (int j = 0; j < pairs; j++)
        {
            // Even j: position is the first pixel of the run of 1s; odd j: one past its last pixel.
            // Unchecked like pycocotools' uint arithmetic (only a 1-run of length 0 at the start can wrap).
            position = unchecked(position + _counts[j]);
            uint pixel = unchecked(position - (uint)(j & 1));
            uint y = pixel % h;
            uint x = (pixel - y) / h;
            if ((j & 1) == 0)
            {
                runStartColumn = x;
            }
            else if (runStartColumn < x)
            {
                yStart = 0;
                yEnd = h - 1;
            }

            xStart = Math.Min(xStart, x);
            xEnd = Math.Max(xEnd, x);
            yStart = Math.Min(yStart, y);
            yEnd = Math.Max(yEnd, y);
        }

        return new RleBoundingBox((int)xStart, (int)yStart, (int)(xEnd - xStart + 1), (int)(yEnd - yStart + 1));
    }

    /// <summary>True when both masks have the same size and identical counts (not merely the same pixels).</summary>
    public bool Equals(CocoRle? other) =>
        other is not null && Width == other.Width && Height == other.Height && _counts.AsSpan().SequenceEqual(other._counts);

    /// <summary>True when <paramref name="obj"/> is a <see cref="CocoRle"/> equal to this one.</summary>
    public override bool Equals(object? obj) => Equals(obj as CocoRle);

    /// <summary>A hash of the size and the counts.</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Width);
        hash.Add(Height);
        hash.AddBytes(MemoryMarshal.AsBytes(_counts.AsSpan()));
        return hash.ToHashCode();
    }

    /// <summary>"3×4 RLE, 5 counts, area 6" — a short description for logs and test failures.</summary>
    public override string ToString() => $"{Width}×{Height} RLE, {_counts.Length} counts, area {Area}";

    private static void RequireSize(int width, int height)
    {
        if (width < 1 || height < 1 || (long)width * height > Array.MaxLength)
        {
            throw new ArgumentException(
                $"Mask size {width}×{height} is out of range: each side must be at least 1 and width·height at most {Array.MaxLength}.",
                width < 1 ? nameof(width) : nameof(height));
        }
    }
}
