namespace Alc.Core.Metrics;

/// <summary>
/// The size distribution of a dataset's masks (superpixels), each as a share of its image's area, so worlds and a
/// user's own SAM masks can be compared: real SAM / Grounded-SAM masks are heavy-tailed (a few large masks hold most
/// pixels, many are tiny), which is what makes a mask's size matter to the acquisition.
/// </summary>
public sealed class MaskSizeStatistics
{
    private readonly List<double> _shares = [];

    /// <summary>Masks counted.</summary>
    public int Count => _shares.Count;

    /// <summary>Adds the masks of one image.</summary>
    /// <param name="ids">The image's superpixel id per pixel.</param>
    public void Add(ReadOnlySpan<int> ids)
    {
        if (ids.IsEmpty)
        {
            return;
        }

        var areas = new Dictionary<int, int>();
        foreach (int id in ids)
        {
            areas[id] = areas.GetValueOrDefault(id) + 1;
        }

        foreach (int area in areas.Values)
        {
            _shares.Add((double)area / ids.Length);
        }
    }

    /// <summary>The median mask's share of its image (0 when there are no masks).</summary>
    public double MedianShare
    {
        get
        {
            if (_shares.Count == 0)
            {
                return 0;
            }

            var sorted = _shares.Order().ToList();
            int mid = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }

    /// <summary>The mean mask's share of its image (0 when there are no masks).</summary>
    public double MeanShare => _shares.Count == 0 ? 0 : _shares.Average();

    /// <summary>
    /// The share of all mask area (in image-area units, so every image weighs the same) held by the largest 10 % of
    /// masks (⌈n/10⌉ of n masks): ⌈n/10⌉/n when all masks are the same size, towards 1 for a heavy tail.
    /// </summary>
    public double LargestTenthShare
    {
        get
        {
            if (_shares.Count == 0)
            {
                return 0;
            }

            int top = Math.Max(1, (int)Math.Ceiling(_shares.Count * 0.1));
            return _shares.OrderDescending().Take(top).Sum() / _shares.Sum();
        }
    }
}
