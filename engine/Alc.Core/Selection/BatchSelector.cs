using Alc.Core.Acquisition;
using Alc.Core.Pool;

namespace Alc.Core.Selection;

/// <summary>
/// Query batch selection, eq. (7) repeated B times: the global top-B candidates by score. Ties keep a
/// stable order (image key, then pixel index, ascending), so a run is reproducible. An optional cap
/// limits how many queries one image may receive.
/// </summary>
public static class BatchSelector
{
    /// <summary>Selects up to <paramref name="budget"/> candidates.</summary>
    /// <param name="candidates">Every scored candidate of the round.</param>
    /// <param name="budget">B, the number of queries.</param>
    /// <param name="perImageCap">At most this many per image; null for no cap (the paper's setting).</param>
    /// <exception cref="ArgumentException">A score is NaN (an acquisition bug, never silently ranked).</exception>
    public static IReadOnlyList<ScoredCandidate> SelectTop(IEnumerable<ScoredCandidate> candidates, int budget, int? perImageCap = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfNegative(budget);
        if (perImageCap is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(perImageCap), perImageCap, "The per-image cap must be ≥ 1 when given.");
        }

        var all = candidates.ToArray();
        for (int i = 0; i < all.Length; i++)
        {
            if (double.IsNaN(all[i].Score))
            {
                throw new ArgumentException(
                    $"Candidate pixel {all[i].Candidate.Pixel} of image {all[i].ImageKey} has a NaN score.", nameof(candidates));
            }
        }

        Array.Sort(all, Compare);
        var selected = new List<ScoredCandidate>(Math.Min(budget, all.Length));
        Dictionary<int, int>? perImage = perImageCap is null ? null : [];
        foreach (var candidate in all)
        {
            if (selected.Count == budget)
            {
                break;
            }

            if (perImage is not null)
            {
                int taken = perImage.GetValueOrDefault(candidate.ImageKey);
                if (taken >= perImageCap)
                {
                    continue;
                }

                perImage[candidate.ImageKey] = taken + 1;
            }

            selected.Add(candidate);
        }

        return selected;
    }

    /// <summary>Scores every pool with <paramref name="acquisition"/> and returns the flattened candidates.</summary>
    public static List<ScoredCandidate> ScoreAll(IEnumerable<ImagePool> pools, IAcquisition acquisition)
    {
        ArgumentNullException.ThrowIfNull(pools);
        ArgumentNullException.ThrowIfNull(acquisition);
        var scored = new List<ScoredCandidate>();
        foreach (var pool in pools)
        {
            var scores = new double[pool.Count];
            acquisition.Score(pool, scores);
            for (int i = 0; i < pool.Count; i++)
            {
                scored.Add(new ScoredCandidate(pool.Image.Key, pool.Candidates[i], scores[i]));
            }
        }

        return scored;
    }

    // Score descending, then image key and pixel ascending: a total order, so the unstable sort is deterministic.
    private static int Compare(ScoredCandidate a, ScoredCandidate b)
    {
        int byScore = b.Score.CompareTo(a.Score);
        if (byScore != 0)
        {
            return byScore;
        }

        int byImage = a.ImageKey.CompareTo(b.ImageKey);
        return byImage != 0 ? byImage : a.Candidate.Pixel.CompareTo(b.Candidate.Pixel);
    }
}
