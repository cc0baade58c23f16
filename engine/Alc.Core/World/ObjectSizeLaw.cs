namespace Alc.Core.World;

/// <summary>How the benchmark world draws its objects' sizes.</summary>
public enum ObjectSizeLaw
{
    /// <summary>Radii uniform in 8–22 % of the side: objects of similar size (the v1 world).</summary>
    Uniform,

    /// <summary>
    /// Areas log-normal (<see cref="WorldOptions.AreaMedian"/>, <see cref="WorldOptions.AreaSigma"/>), painted largest
    /// first: a few large objects hold most pixels and many are tiny, as in real detection data and SAM's masks.
    /// </summary>
    LogNormal,
}
