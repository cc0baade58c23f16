namespace Alc.Integrations.Cvat.Masks;

/// <summary>
/// A pixel rectangle as CVAT's mask points end with it: <c>[left, top, right, bottom]</c>, all four INCLUSIVE
/// (a one-pixel box has <c>Left == Right</c> and <c>Top == Bottom</c>). x grows to the right, y downwards.
/// </summary>
/// <remarks>The struct does not validate itself: a box with <c>Right &lt; Left</c> or <c>Bottom &lt; Top</c> is
/// inverted, has a <see cref="Width"/> or <see cref="Height"/> of zero or less, and contains no pixel.
/// <see cref="CvatMaskRle"/> rejects such boxes.</remarks>
/// <param name="Left">Column of the leftmost pixel.</param>
/// <param name="Top">Row of the topmost pixel.</param>
/// <param name="Right">Column of the rightmost pixel (inclusive).</param>
/// <param name="Bottom">Row of the bottommost pixel (inclusive).</param>
public readonly record struct CvatBox(int Left, int Top, int Right, int Bottom)
{
    /// <summary>Number of pixel columns, <c>Right − Left + 1</c>; zero or negative for an inverted box.</summary>
    public int Width => Right - Left + 1;

    /// <summary>Number of pixel rows, <c>Bottom − Top + 1</c>; zero or negative for an inverted box.</summary>
    public int Height => Bottom - Top + 1;

    /// <summary>Whether pixel (<paramref name="x"/>, <paramref name="y"/>) lies inside the box, edges included; always false for an inverted box.</summary>
    public bool Contains(int x, int y) => x >= Left && x <= Right && y >= Top && y <= Bottom;
}
