namespace Alc.Core.Superpixels;

/// <summary>
/// Makes every label 4-connected, with the semantics of scikit-image's
/// <c>_enforce_label_connectivity_cython</c> (start_label = 1): pixels are visited in raster order; each
/// unvisited pixel starts a breadth-first search over equal labels (neighbours in the order x+1, x−1,
/// y+1, y−1) that stops growing at <c>maxSize</c> pixels; a piece of fewer than <c>minSize</c> pixels takes
/// the id of the last differently-numbered neighbour the search met, any other piece gets the next new id.
/// </summary>
internal static class SlicConnectivity
{
    /// <summary>
    /// Writes connected ids 1..K into <paramref name="output"/> and returns K. <paramref name="queue"/>
    /// needs <paramref name="maxSize"/> entries.
    /// </summary>
    public static int Enforce(ReadOnlySpan<int> segments, int width, int minSize, int maxSize, Span<int> output, Span<int> queue)
    {
        const int Unvisited = 0;
        int n = segments.Length;
        int height = n / width;
        output.Clear();
        int next = 1;

        // True while pieces carry id `next` without having claimed it: only a small piece that met no other
        // id (the first piece in raster order, and pieces chained to it) does that.
        bool nextInUse = false;
        for (int start = 0; start < n; start++)
        {
            if (output[start] != Unvisited)
            {
                continue;
            }

            int label = segments[start];
            int adjacent = next;
            output[start] = next;
            queue[0] = start;
            int size = 1;
            int visited = 0;
            while (visited < size && size < maxSize)
            {
                int q = queue[visited];
                int qy = q / width;
                int qx = q - (qy * width);
                for (int i = 0; i < 4; i++)
                {
                    int nx = qx, ny = qy;
                    switch (i)
                    {
                        case 0: nx++; break;
                        case 1: nx--; break;
                        case 2: ny++; break;
                        default: ny--; break;
                    }

                    if ((uint)nx >= (uint)width || (uint)ny >= (uint)height)
                    {
                        continue;
                    }

                    int neighbour = (ny * width) + nx;
                    int id = output[neighbour];
                    if (segments[neighbour] == label && id == Unvisited)
                    {
                        output[neighbour] = next;
                        queue[size++] = neighbour;
                        if (size >= maxSize)
                        {
                            break;
                        }
                    }
                    else if (id != Unvisited && id != next)
                    {
                        adjacent = id;
                    }
                }

                visited++;
            }

            if (size < minSize)
            {
                foreach (int p in queue[..size])
                {
                    output[p] = adjacent;
                }

                nextInUse |= adjacent == next;
            }
            else
            {
                next++;
                nextInUse = false;
            }
        }

        return nextInUse ? next : next - 1;
    }
}
