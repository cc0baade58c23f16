namespace Alc.Core.Superpixels;

/// <summary>
/// Parameters of <see cref="Slic"/>, named and defaulted as in <c>skimage.segmentation.slic</c>
/// (n_segments = 100, compactness = 10, max_num_iter = 10, enforce_connectivity = True,
/// min_size_factor = 0.5, max_size_factor = 3). Each value is checked when it is set.
/// </summary>
/// <remarks>
/// Fixed to scikit-image's defaults and not configurable: sigma = 0 (no Gaussian pre-smoothing),
/// slic_zero = False, unit spacing, no mask, convert2lab = True, and start_label = 1 (ids start at 1, so
/// id 0 never occurs and needs no <c>PoolOptions.ExcludeZeroId</c>).
/// </remarks>
public sealed record SlicOptions
{
    /// <summary>scikit-image's defaults.</summary>
    public static SlicOptions Default { get; } = new();

    /// <summary>The approximate number of superpixels (n_segments), ≥ 1. The seed grid decides the exact count.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int SegmentCount
    {
        get;
        init => field = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(SegmentCount), value, $"SegmentCount must be ≥ 1, got {value}.");
    } = 100;

    /// <summary>
    /// Compactness m &gt; 0: colour distances are divided by m, so a larger m weights space more and gives
    /// squarer superpixels (d = d_lab²/m² + d_xy²/S²).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a finite number above 0.</exception>
    public double Compactness
    {
        get;
        init => field = double.IsFinite(value) && value > 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Compactness), value, $"Compactness must be a finite number > 0, got {value}.");
    } = 10.0;

    /// <summary>The most k-means iterations (max_num_iter), ≥ 1; iteration stops early only at a fixed point.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MaxIterations
    {
        get;
        init => field = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxIterations), value, $"MaxIterations must be ≥ 1, got {value}.");
    } = 10;

    /// <summary>Relabel so that every superpixel is 4-connected, merging small pieces into a neighbour.</summary>
    public bool EnforceConnectivity { get; init; } = true;

    /// <summary>
    /// Pieces smaller than this fraction of the mean superpixel size (pixels / seeds) are merged into an
    /// adjacent superpixel (min_size_factor), ≥ 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.</exception>
    public double MinSizeFactor
    {
        get;
        init => field = double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MinSizeFactor), value, $"MinSizeFactor must be a finite number ≥ 0, got {value}.");
    } = 0.5;

    /// <summary>
    /// Connected pieces are grown to at most this multiple of the mean superpixel size before a new id is
    /// started (max_size_factor), &gt; 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a finite number above 0.</exception>
    public double MaxSizeFactor
    {
        get;
        init => field = double.IsFinite(value) && value > 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxSizeFactor), value, $"MaxSizeFactor must be a finite number > 0, got {value}.");
    } = 3.0;
}
