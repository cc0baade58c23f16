namespace Alc.Core.Pool;

/// <summary>Which superpixels may enter the pool of one image.</summary>
public sealed record PoolOptions
{
    /// <summary>Default options: every superpixel is a candidate.</summary>
    public static PoolOptions Default { get; } = new();

    /// <summary>
    /// Skip superpixel id 0. With Grounded-SAM maps id 0 is "no object" and never a candidate; with
    /// full-coverage superpixels (SLIC, SEEDS) it is an ordinary region.
    /// </summary>
    public bool ExcludeZeroId { get; init; }

    /// <summary>Superpixels of this image that already have an accepted answer; they leave the pool.</summary>
    public IReadOnlySet<int>? AnsweredSuperpixels { get; init; }

    /// <summary>Whether superpixel <paramref name="id"/> may be a candidate.</summary>
    public bool Admits(int id) => !(ExcludeZeroId && id == 0) && !(AnsweredSuperpixels?.Contains(id) ?? false);
}
