namespace Alc.Core.Rle;

/// <content>Polygon and box rasterisation, as pycocotools <c>frPyObjects</c> (maskApi.c <c>rleFrPoly</c>, <c>rleFrBbox</c>).</content>
public sealed partial class CocoRle
{
    /// <summary>Largest absolute polygon coordinate accepted (pycocotools has no limit; beyond this the walk would take seconds).</summary>
    public const double MaxPolygonCoordinate = 10_000_000;

    /// <summary>Upsampling factor of the boundary walk (pycocotools' <c>scale</c>).</summary>
    private const int Upsample = 5;

    /// <summary>
    /// Rasterises one COCO polygon [x0, y0, x1, y1, …] (pixel coordinates, the polygon closes by itself) exactly as
    /// pycocotools <c>rleFrPoly</c>: vertices are scaled by 5 and rounded, every edge is walked one upsampled step
    /// at a time along its major axis, each crossing between two upsampled columns that lands on a pixel centre
    /// column is downsampled to a row boundary (ceil, clamped to 0..h), and the sorted boundaries of all columns
    /// become the runs (boundaries that coincide cancel in pairs). A pixel is set when its centre lies inside.
    /// </summary>
    /// <exception cref="ArgumentException">The size is out of range, the coordinate count is odd or below 6, or a coordinate is not finite or beyond ±<see cref="MaxPolygonCoordinate"/>.</exception>
    public static CocoRle FromPolygon(ReadOnlySpan<double> xy, int width, int height)
    {
        RequireSize(width, height);
        RequirePolygon(xy, nameof(xy), string.Empty);
        return Rasterise(xy, width, height);
    }

    /// <summary>
    /// Rasterises the polygons of one object (COCO <c>segmentation</c> as a list of polygons) and merges them into
    /// one mask by union, as pycocotools <c>annToRLE</c> does (<c>merge(frPyObjects(polygons, h, w))</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The list is empty or a polygon is invalid (the message names its index).</exception>
    public static CocoRle FromPolygons(IReadOnlyList<double[]> polygons, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        RequireSize(width, height);
        if (polygons.Count == 0)
        {
            throw new ArgumentException("An object needs at least one polygon.", nameof(polygons));
        }

        for (int i = 0; i < polygons.Count; i++)
        {
            if (polygons[i] is null)
            {
                throw new ArgumentException($"Polygon {i} is null.", nameof(polygons));
            }

            RequirePolygon(polygons[i], nameof(polygons), $"Polygon {i}: ");
        }

        var masks = new CocoRle[polygons.Count];
        for (int i = 0; i < masks.Length; i++)
        {
            masks[i] = Rasterise(polygons[i], width, height);
        }

        return Merge(masks);
    }

    /// <summary>
    /// Rasterises a COCO box [x, y, w, h] as pycocotools <c>frBbox</c>: the polygon (x, y), (x, y + h), (x + w, y + h),
    /// (x + w, y), so a box on whole pixel coordinates covers exactly its w·h pixels.
    /// </summary>
    /// <exception cref="ArgumentException">The size is out of range or a box value is not finite or too large.</exception>
    public static CocoRle FromBoundingBox(double x, double y, double boxWidth, double boxHeight, int width, int height)
    {
        RequireSize(width, height);
        double xEnd = x + boxWidth, yEnd = y + boxHeight;
        ReadOnlySpan<double> xy = [x, y, x, yEnd, xEnd, yEnd, xEnd, y];
        RequirePolygon(xy, nameof(boxWidth), "Box: ");
        return Rasterise(xy, width, height);
    }

    private static void RequirePolygon(ReadOnlySpan<double> xy, string paramName, string prefix)
    {
        if (xy.Length < 6 || (xy.Length & 1) != 0)
        {
            throw new ArgumentException(
                $"{prefix}a polygon needs an even number of coordinates, at least 6 (x0, y0, x1, y1, x2, y2, …); got {xy.Length}.", paramName);
        }

        for (int i = 0; i < xy.Length; i++)
        {
            if (!double.IsFinite(xy[i]) || Math.Abs(xy[i]) > MaxPolygonCoordinate)
            {
                throw new ArgumentException(
                    $"{prefix}coordinate {i} ({((i & 1) == 0 ? "x" : "y")} of vertex {i / 2}) is {xy[i]}; coordinates must be finite and within ±{MaxPolygonCoordinate:0}.",
                    paramName);
            }
        }
    }

    /// <summary>
    /// The rleFrPoly algorithm, streamed: the upsampled boundary points are visited in pycocotools' order and only
    /// the column crossings are kept, so memory grows with the crossings, not with the boundary length.
    /// </summary>
    private static CocoRle Rasterise(ReadOnlySpan<double> xy, int width, int height)
    {
        int vertices = xy.Length / 2;
        var boundaries = new RunBuffer(4 * vertices + 16);
        try
        {
            var walk = new BoundaryWalk(width, height, boundaries);
            for (int j = 0; j < vertices; j++)
            {
                int next = j + 1 == vertices ? 0 : j + 1;
                WalkEdge(ScaleRound(xy[2 * j]), ScaleRound(xy[(2 * j) + 1]), ScaleRound(xy[2 * next]), ScaleRound(xy[(2 * next) + 1]), ref walk);
            }

            boundaries.Add((uint)(width * height));
            return new CocoRle(width, height, BoundariesToCounts(boundaries));
        }
        finally
        {
            boundaries.Dispose();
        }
    }

    /// <summary>(int)(5·v + 0.5) with C's truncation toward zero (so negative values round up at .5 and beyond).</summary>
    private static int ScaleRound(double v) => (int)((Upsample * v) + .5);

    /// <summary>
    /// Visits the upsampled points of one edge from its start vertex to its end vertex, one unit step along the
    /// major axis. Rounding of the minor coordinate is computed from the lower end (the edge is flipped when it
    /// runs backwards), so an edge rasterises the same in both directions.
    /// </summary>
    private static void WalkEdge(int xStart, int yStart, int xEnd, int yEnd, ref BoundaryWalk walk)
    {
        int dx = Math.Abs(xEnd - xStart), dy = Math.Abs(yStart - yEnd);
        bool flip = (dx >= dy && xStart > xEnd) || (dx < dy && yStart > yEnd);
        if (flip)
        {
            (xStart, xEnd) = (xEnd, xStart);
            (yStart, yEnd) = (yEnd, yStart);
        }

        if (dx == 0 && dy == 0)
        {
            // A repeated vertex: one point. pycocotools divides 0 by 0 for its row here, but both neighbours of
            // this point share its column, so that row is never read; any value gives the same mask.
            walk.Visit(xStart, yStart);
        }
        else if (dx >= dy)
        {
            double slope = (double)(yEnd - yStart) / dx;
            for (int d = 0; d <= dx; d++)
            {
                int t = flip ? dx - d : d;
                walk.Visit(t + xStart, (int)(yStart + (slope * t) + .5));
            }
        }
        else
        {
            double slope = (double)(xEnd - xStart) / dy;
            for (int d = 0; d <= dy; d++)
            {
                int t = flip ? dy - d : d;
                walk.Visit((int)(xStart + (slope * t) + .5), t + yStart);
            }
        }
    }

    /// <summary>
    /// Turns the column-major boundary positions (plus the closing w·h) into counts: sort, take differences, and
    /// fold each zero difference (two boundaries at one position cancel) and the difference after it into the
    /// previous count. Works in place; the first count stays 0 when pixel 0 is inside.
    /// </summary>
    private static uint[] BoundariesToCounts(RunBuffer boundaries)
    {
        Span<uint> a = boundaries.Items;
        a.Sort();
        uint previous = 0;
        for (int j = 0; j < a.Length; j++)
        {
            uint position = a[j];
            a[j] -= previous;
            previous = position;
        }

        int m = 1;
        int k = 1;
        while (k < a.Length)
        {
            if (a[k] > 0)
            {
                a[m++] = a[k++];
            }
            else
            {
                k++;
                if (k < a.Length)
                {
                    a[m - 1] += a[k++];
                }
            }
        }

        return a[..m].ToArray();
    }

    /// <summary>
    /// The state of the boundary walk: the previous upsampled point, and the list of row boundaries found where
    /// the walk crosses from one upsampled column to the next.
    /// </summary>
    private struct BoundaryWalk(int width, int height, RunBuffer boundaries)
    {
        private bool _started;
        private int _u;
        private int _v;

        /// <summary>
        /// Records a boundary when the walk moves to another upsampled column and the crossing sits on a pixel-centre
        /// column: with c the lower of the two columns (pycocotools' choice, also for steps of more than one),
        /// pixel column x = (c + 0.5)/5 − 0.5 must be a whole number in 0..w−1, i.e. c = 5x + 2; the boundary row is
        /// ceil((r + 0.5)/5 − 0.5) = ceil((r − 2)/5), clamped to 0..h, with r the lower of the two rows.
        /// (Integer forms of pycocotools' double expressions; they agree exactly for every int input.)
        /// </summary>
        public void Visit(int u, int v)
        {
            if (_started && u != _u)
            {
                long column = (u < _u ? u : u - 1L) - 2;
                if (column >= 0 && column % Upsample == 0 && column / Upsample <= width - 1)
                {
                    long row = (long)Math.Min(v, _v) - 2;
                    long y = row <= 0 ? 0 : Math.Min((row + Upsample - 1) / Upsample, height);
                    boundaries.Add((uint)(((column / Upsample) * height) + y));
                }
            }

            _started = true;
            _u = u;
            _v = v;
        }
    }
}
