using Alc.Core.Pool;

namespace Alc.Core.Acquisition;

/// <summary>Argument checks shared by the acquisitions.</summary>
internal static class AcquisitionGuard
{
    public static void Require(ImagePool pool, Span<double> scores)
    {
        ArgumentNullException.ThrowIfNull(pool);
        if (scores.Length < pool.Count)
        {
            throw new ArgumentException($"The score span holds {scores.Length} values but the pool has {pool.Count} candidates.", nameof(scores));
        }
    }
}
