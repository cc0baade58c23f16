namespace Alc.Core.Rle;

/// <summary>
/// The tight bounding box of an RLE mask in pixels, as pycocotools <c>toBbox</c> reports it:
/// <c>[x, y, w, h]</c> with (x, y) the top-left pixel and w, h the covered columns and rows.
/// An empty mask has the box (0, 0, 0, 0).
/// </summary>
/// <param name="X">Leftmost column that holds a set pixel.</param>
/// <param name="Y">Topmost row that holds a set pixel.</param>
/// <param name="Width">Number of columns from <paramref name="X"/> to the rightmost set column, inclusive.</param>
/// <param name="Height">Number of rows from <paramref name="Y"/> to the lowest set row, inclusive.</param>
public readonly record struct RleBoundingBox(int X, int Y, int Width, int Height)
{
    /// <summary>True for the box of an empty mask (no set pixel).</summary>
    public bool IsEmpty => Width == 0 || Height == 0;
}
