using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Alc.Core.Superpixels;

/// <summary>
/// The k-means part of SLIC over planar, compactness-scaled Lab images, following scikit-image's
/// <c>_slic_cython</c> (start_label = 1): each centroid claims the pixels of its ±2S window for which
/// d = (Δy² + Δx²)/S² + ‖Δlab‖²/m² is strictly smaller than the best so far, centroids taken in ascending
/// order (so ties keep the lower id); then centroids move to the means of their pixels.
/// </summary>
/// <remarks>
/// scikit-image loops centroid by centroid over a full-image distance array. Each pixel's result depends
/// only on the order in which its covering centroids are tried, so this class goes row by row instead,
/// trying the centroids whose window covers the row in ascending order: the same distances, bit for bit,
/// and the same winners, with the row's distances and labels kept in L1-sized buffers.
/// Centroids are stored 5 doubles each: y, x, L/m, a/m, b/m. A centroid that loses all its pixels becomes
/// NaN, as scikit-image's 0/0 mean does, and takes no part in later assignments.
/// </remarks>
internal sealed class SlicClustering : IDisposable
{
    /// <summary>Doubles per centroid: y, x and the three colour channels.</summary>
    public const int Stride = 5;

    private readonly int _width;
    private readonly int _height;
    private readonly int _count;
    private readonly int _windowY;
    private readonly int _windowX;
    private readonly double _spatialWeight;
    private readonly double[] _centroids;
    private readonly double[] _sums;
    private readonly int[] _members;
    private readonly int[] _xRange;
    private readonly int[] _rowStarts;
    private readonly int[] _rowCentroids;
    private readonly double[] _rowDistance;
    private readonly long[] _rowLabels;

    /// <summary>Rents the working buffers for <paramref name="count"/> centroids over a width×height image.</summary>
    public SlicClustering(int width, int height, int count, int windowY, int windowX, double spatialWeight)
    {
        _width = width;
        _height = height;
        _count = count;
        _windowY = windowY;
        _windowX = windowX;
        _spatialWeight = spatialWeight;
        _centroids = ArrayPool<double>.Shared.Rent(count * Stride);
        _sums = ArrayPool<double>.Shared.Rent(count * Stride);
        _members = ArrayPool<int>.Shared.Rent(count);
        _xRange = ArrayPool<int>.Shared.Rent(2 * count);
        _rowStarts = ArrayPool<int>.Shared.Rent(height + 1);

        // A window spans at most 4·windowY + 1 rows (or the whole image).
        long entries = (long)count * Math.Min(height, (4L * windowY) + 1);
        _rowCentroids = ArrayPool<int>.Shared.Rent((int)Math.Min(entries, Array.MaxLength));
        _rowDistance = ArrayPool<double>.Shared.Rent(width);
        _rowLabels = ArrayPool<long>.Shared.Rent(width);
        Centroids.Clear();
    }

    /// <summary>The centroids, <see cref="Stride"/> doubles each (y, x, L, a, b), in id order (id = index + 1).</summary>
    public Span<double> Centroids => _centroids.AsSpan(0, _count * Stride);

    /// <summary>
    /// One assignment pass: every live centroid claims the pixels of its window that it is strictly closer
    /// to than any earlier centroid. Pixels that no window reaches keep their label from the previous pass.
    /// </summary>
    public void Assign(ReadOnlySpan<double> l, ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<int> labels)
    {
        ReadOnlySpan<double> centroids = Centroids;
        Span<int> xRange = _xRange.AsSpan(0, 2 * _count);
        Span<int> rowStarts = _rowStarts.AsSpan(0, _height + 1);
        rowStarts.Clear();

        // Windows, then the centroids covering each row, ascending (a counting sort by row).
        for (int k = 0; k < _count; k++)
        {
            double cy = centroids[k * Stride];
            double cx = centroids[(k * Stride) + 1];
            if (double.IsNaN(cy))
            {
                xRange[2 * k] = 0;
                xRange[(2 * k) + 1] = 0;
                continue;
            }

            int yMin = (int)Math.Max(cy - (2.0 * _windowY), 0);
            int yMax = (int)Math.Min(cy + (2.0 * _windowY) + 1, _height);
            xRange[2 * k] = (int)Math.Max(cx - (2.0 * _windowX), 0);
            xRange[(2 * k) + 1] = (int)Math.Min(cx + (2.0 * _windowX) + 1, _width);
            for (int y = yMin; y < yMax; y++)
            {
                rowStarts[y + 1]++;
            }
        }

        for (int y = 0; y < _height; y++)
        {
            rowStarts[y + 1] += rowStarts[y];
        }

        Span<int> rowCentroids = _rowCentroids.AsSpan(0, rowStarts[_height]);
        for (int k = 0; k < _count; k++)
        {
            double cy = centroids[k * Stride];
            if (double.IsNaN(cy))
            {
                continue;
            }

            int yMin = (int)Math.Max(cy - (2.0 * _windowY), 0);
            int yMax = (int)Math.Min(cy + (2.0 * _windowY) + 1, _height);
            for (int y = yMin; y < yMax; y++)
            {
                rowCentroids[rowStarts[y]++] = k;
            }
        }

        // rowStarts[y] now holds the end of row y; the start is the previous row's end.
        Span<double> distance = _rowDistance.AsSpan(0, _width);
        Span<long> rowLabels = _rowLabels.AsSpan(0, _width);
        for (int y = 0, begin = 0; y < _height; y++)
        {
            int end = rowStarts[y];
            int row = y * _width;
            Span<int> rowOut = labels.Slice(row, _width);
            for (int x = 0; x < _width; x++)
            {
                rowLabels[x] = rowOut[x];
            }

            distance.Fill(double.MaxValue);
            foreach (int k in rowCentroids[begin..end])
            {
                AssignRow(centroids.Slice(k * Stride, Stride), y, k + 1, xRange[2 * k], xRange[(2 * k) + 1],
                    l.Slice(row, _width), a.Slice(row, _width), b.Slice(row, _width), distance, rowLabels);
            }

            for (int x = 0; x < _width; x++)
            {
                rowOut[x] = (int)rowLabels[x];
            }

            begin = end;
        }
    }

    /// <summary>
    /// Moves every centroid to the mean position and colour of its pixels (sums in raster order, as
    /// scikit-image does). Returns false when no centroid moved, i.e. the clustering is at a fixed point.
    /// </summary>
    public bool Update(ReadOnlySpan<double> l, ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<int> labels)
    {
        Span<double> sums = _sums.AsSpan(0, _count * Stride);
        Span<int> members = _members.AsSpan(0, _count);
        sums.Clear();
        members.Clear();
        ref double sumsRef = ref MemoryMarshal.GetReference(sums);
        for (int y = 0, p = 0; y < _height; y++)
        {
            for (int x = 0; x < _width; x++, p++)
            {
                int k = labels[p] - 1;
                members[k]++; // also the bounds check that makes the unchecked row below safe
                ref double s = ref Unsafe.Add(ref sumsRef, k * Stride);
                s += y;
                Unsafe.Add(ref s, 1) += x;
                Unsafe.Add(ref s, 2) += l[p];
                Unsafe.Add(ref s, 3) += a[p];
                Unsafe.Add(ref s, 4) += b[p];
            }
        }

        Span<double> centroids = Centroids;
        bool moved = false;
        for (int k = 0; k < _count; k++)
        {
            double count = members[k];
            for (int j = k * Stride; j < (k + 1) * Stride; j++)
            {
                // 0/0 = NaN marks an emptied centroid, as in scikit-image.
                double mean = sums[j] / count;
                if (!mean.Equals(centroids[j]))
                {
                    moved = true;
                    centroids[j] = mean;
                }
            }
        }

        return moved;
    }

    /// <summary>Returns the rented buffers.</summary>
    public void Dispose()
    {
        ArrayPool<double>.Shared.Return(_centroids);
        ArrayPool<double>.Shared.Return(_sums);
        ArrayPool<int>.Shared.Return(_members);
        ArrayPool<int>.Shared.Return(_xRange);
        ArrayPool<int>.Shared.Return(_rowStarts);
        ArrayPool<int>.Shared.Return(_rowCentroids);
        ArrayPool<double>.Shared.Return(_rowDistance);
        ArrayPool<long>.Shared.Return(_rowLabels);
    }

    // d = ((Δy² + Δx²)·w) + ((Δl² + Δa²) + Δb²), in scikit-image's order of operations.
    private void AssignRow(
        ReadOnlySpan<double> c,
        int y,
        long id,
        int xMin,
        int xMax,
        ReadOnlySpan<double> l,
        ReadOnlySpan<double> a,
        ReadOnlySpan<double> b,
        Span<double> distance,
        Span<long> labels)
    {
        double cx = c[1], cl = c[2], ca = c[3], cb = c[4];
        double dy = c[0] - y;
        dy *= dy;
        int lanes = Vector<double>.Count;
        int x = xMin;
        if (Vector.IsHardwareAccelerated && xMax - xMin >= lanes)
        {
            ref double lRef = ref MemoryMarshal.GetReference(l);
            ref double aRef = ref MemoryMarshal.GetReference(a);
            ref double bRef = ref MemoryMarshal.GetReference(b);
            ref double dRef = ref MemoryMarshal.GetReference(distance);
            ref long idRef = ref MemoryMarshal.GetReference(labels);
            var weight = new Vector<double>(_spatialWeight);
            var vdy = new Vector<double>(dy);
            var vcx = new Vector<double>(cx);
            var vcl = new Vector<double>(cl);
            var vca = new Vector<double>(ca);
            var vcb = new Vector<double>(cb);
            var vid = new Vector<long>(id);
            var offsets = Vector<double>.Indices;
            while (true)
            {
                // The last vector may overlap the previous one: re-trying a centroid on a pixel changes nothing.
                if (x > xMax - lanes)
                {
                    x = xMax - lanes;
                }

                nuint p = (nuint)x;
                Vector<double> dx = vcx - (new Vector<double>(x) + offsets);
                Vector<double> t0 = Vector.LoadUnsafe(ref lRef, p) - vcl;
                Vector<double> t1 = Vector.LoadUnsafe(ref aRef, p) - vca;
                Vector<double> t2 = Vector.LoadUnsafe(ref bRef, p) - vcb;
                Vector<double> total = ((vdy + (dx * dx)) * weight) + ((t0 * t0) + (t1 * t1) + (t2 * t2));
                Vector<double> best = Vector.LoadUnsafe(ref dRef, p);
                Vector<long> closer = Vector.GreaterThan(best, total);
                Vector.ConditionalSelect(closer, total, best).StoreUnsafe(ref dRef, p);
                Vector.ConditionalSelect(closer, vid, Vector.LoadUnsafe(ref idRef, p)).StoreUnsafe(ref idRef, p);

                x += lanes;
                if (x >= xMax)
                {
                    return;
                }
            }
        }

        for (; x < xMax; x++)
        {
            double dx = cx - x;
            double t0 = l[x] - cl, t1 = a[x] - ca, t2 = b[x] - cb;
            double total = ((dy + (dx * dx)) * _spatialWeight) + ((t0 * t0) + (t1 * t1) + (t2 * t2));
            if (distance[x] > total)
            {
                distance[x] = total;
                labels[x] = id;
            }
        }
    }
}
