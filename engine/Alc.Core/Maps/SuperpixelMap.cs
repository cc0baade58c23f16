namespace Alc.Core.Maps;

/// <summary>
/// The superpixel map of one image: one non-negative region id per pixel, row-major. Ids need not be
/// contiguous (SAM mask ids, SLIC labels); id 0 may mean "no object" (see <c>PoolOptions.ExcludeZeroId</c>).
/// </summary>
/// <remarks>The map takes ownership of the array. Its <see cref="Index"/> (pixels grouped by id) is built once, on first use.</remarks>
public sealed class SuperpixelMap
{
    private readonly int[] _ids;
    private SuperpixelIndex? _index;

    /// <summary>Wraps <paramref name="ids"/> (row-major, length width·height) after validating that every id is ≥ 0.</summary>
    /// <exception cref="ArgumentException">Sizes disagree or a pixel holds a negative id.</exception>
    public SuperpixelMap(int width, int height, int[] ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        MapValidation.RequireSize(width, height, ids.Length, 1, nameof(ids));
        int bad = ids.AsSpan().IndexOfAnyInRange(int.MinValue, -1);
        if (bad >= 0)
        {
            throw new ArgumentException($"Pixel {MapValidation.Describe(bad, width)} has superpixel id {ids[bad]}; ids must be ≥ 0.", nameof(ids));
        }

        Width = width;
        Height = height;
        _ids = ids;
    }

    /// <summary>Image width in pixels.</summary>
    public int Width { get; }

    /// <summary>Image height in pixels.</summary>
    public int Height { get; }

    /// <summary>Number of pixels (width·height).</summary>
    public int PixelCount => _ids.Length;

    /// <summary>The ids, row-major.</summary>
    public ReadOnlySpan<int> Ids => _ids;

    /// <summary>The superpixel id at a linear pixel index.</summary>
    public int this[int pixel] => _ids[pixel];

    /// <summary>Pixels grouped by superpixel (built on first use, then cached; the map is immutable).</summary>
    public SuperpixelIndex Index => _index ??= SuperpixelIndex.Build(_ids);
}
