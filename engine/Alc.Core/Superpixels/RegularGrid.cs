namespace Alc.Core.Superpixels;

/// <summary>
/// About n points spaced as evenly as possible over an array shape, with the semantics of
/// <c>skimage.util.regular_grid</c>: step (size/n)^(1/ndim) along every axis, except that axes too short
/// for a step take a step equal to their length and the remaining axes share the rest. Along axis d the
/// points sit at starts[d], starts[d] + steps[d], … with start = ⌊step/2⌋ and step rounded half to even.
/// </summary>
internal static class RegularGrid
{
    public const int MaxDimensions = 8;

    /// <summary>Fills the start and step of each axis of <paramref name="shape"/> for about <paramref name="points"/> points.</summary>
    public static void Compute(ReadOnlySpan<int> shape, long points, Span<int> starts, Span<int> steps)
    {
        int ndim = shape.Length;
        if (ndim is < 1 or > MaxDimensions || starts.Length < ndim || steps.Length < ndim || points < 1)
        {
            throw new ArgumentException("Invalid grid request.", nameof(shape));
        }

        double size = 1;
        foreach (int extent in shape)
        {
            size *= extent;
        }

        if (size <= points)
        {
            // Every position is a point.
            starts[..ndim].Clear();
            steps[..ndim].Fill(1);
            return;
        }

        // Axes by ascending length; a stable order (numpy's argsort of so few values is stable too).
        Span<int> order = stackalloc int[ndim];
        for (int d = 0; d < ndim; d++)
        {
            int j = d;
            while (j > 0 && shape[order[j - 1]] > shape[d])
            {
                order[j] = order[j - 1];
                j--;
            }

            order[j] = d;
        }

        Span<double> sorted = stackalloc double[ndim];
        for (int i = 0; i < ndim; i++)
        {
            sorted[i] = shape[order[i]];
        }

        Span<double> step = stackalloc double[ndim];
        step.Fill(Math.Pow(size / points, 1.0 / ndim));
        if (AnyShorter(sorted, step))
        {
            // Give the shortest axes a whole step each until the rest fit.
            for (int dim = 0; dim < ndim - 1; dim++)
            {
                step[dim] = sorted[dim];
                double rest = 1;
                for (int i = dim + 1; i < ndim; i++)
                {
                    rest *= sorted[i];
                }

                step[(dim + 1)..].Fill(Math.Pow(rest / points, 1.0 / (ndim - dim - 1)));
                if (!AnyShorter(sorted, step))
                {
                    break;
                }
            }
        }

        for (int i = 0; i < ndim; i++)
        {
            starts[order[i]] = (int)Math.Floor(step[i] / 2);
            steps[order[i]] = Math.Max(1, (int)Math.Round(step[i], MidpointRounding.ToEven));
        }
    }

    private static bool AnyShorter(ReadOnlySpan<double> sorted, ReadOnlySpan<double> step)
    {
        for (int i = 0; i < sorted.Length; i++)
        {
            if (sorted[i] < step[i])
            {
                return true;
            }
        }

        return false;
    }
}
