using Alc.Core.Numerics;
using Alc.Core.Pool;

namespace Alc.Core.Acquisition;

/// <summary>
/// Seeded random baseline: each candidate gets a uniform score in [0, 1) that depends only on the seed,
/// the image key and the superpixel id, so the same seed ranks the same candidates identically whatever
/// order images are scored in.
/// </summary>
public sealed class RandomAcquisition(long seed) : IAcquisition
{
    /// <summary>The seed.</summary>
    public long Seed { get; } = seed;

    /// <inheritdoc />
    public string Name => "random";

    /// <inheritdoc />
    public void Score(ImagePool pool, Span<double> scores)
    {
        AcquisitionGuard.Require(pool, scores);
        for (int i = 0; i < pool.Count; i++)
        {
            scores[i] = SplitMix64.Uniform(Seed, pool.Image.Key, pool.Candidates[i].SuperpixelId);
        }
    }
}
