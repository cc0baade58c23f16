using Alc.Core;
using Alc.Core.Acquisition;
using Alc.Core.Maps;
using Alc.Core.Pool;
using Alc.Core.Selection;
using Alc.Training;

namespace Alc.Campaigns;

/// <summary>
/// Step "pool → acquire → select" of a round: runs the model over the training images (batched, image by
/// image, so no split-wide probability array is held), builds each image's pool, scores it, keeps that
/// image's best B candidates (the global top-B can only come from them), and returns the global top-B as
/// correction queries.
/// </summary>
public static class QuerySelector
{
    /// <summary>Selects the round's queries.</summary>
    public static IReadOnlyList<CorrectionQuery> Select(IReadOnlyList<CampaignImage> images, ISegmentationPredictor model,
        CorrectionStrategy strategy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(strategy);
        var perImage = new List<ScoredCandidate>();
        var pools = new List<ImagePool>();
        using var probabilities = model.PredictProbabilities(images.Select(i => i.ToInput()), cancellationToken).GetEnumerator();
        foreach (var image in images)
        {
            if (!probabilities.MoveNext())
            {
                throw new InvalidOperationException("The model returned fewer outputs than images.");
            }

            var scoring = new ScoringImage(image.Key, new ProbabilityMap(image.Width, image.Height, model.ClassCount, probabilities.Current),
                image.Labels, image.Superpixels);
            pools.Add(BuildPool(scoring, image, strategy));
        }

        // Every pool of the round is built before any is scored, so round-wide statistics can feed the acquisition.
        var acquisition = Acquisitions.Create(strategy.Acquisition, strategy.Seed, RoundClassWeights(images, strategy, model.ClassCount));
        foreach (var pool in pools)
        {
            var scores = new double[pool.Count];
            acquisition.Score(pool, scores);
            var best = Enumerable.Range(0, pool.Count)
                .Select(i => new ScoredCandidate(pool.Image.Key, pool.Candidates[i], scores[i]))
                .OrderByDescending(c => c.Score).ThenBy(c => c.Candidate.Pixel)
                .Take(strategy.Budget);
            perImage.AddRange(best);
        }

        var byKey = images.ToDictionary(i => i.Key);
        return BatchSelector.SelectTop(perImage, strategy.Budget, strategy.PerImageCap)
            .Select(c => new CorrectionQuery(c.ImageKey, c.Candidate.Pixel, c.Candidate.SuperpixelId,
                byKey[c.ImageKey].Labels[c.Candidate.Pixel], c.Score))
            .ToList();
    }

    // ABC's weights come from the labels of every unqueried superpixel of the round; the other acquisitions need none.
    private static double[]? RoundClassWeights(IReadOnlyList<CampaignImage> images, CorrectionStrategy strategy, int classes)
    {
        if (!string.Equals(strategy.Acquisition.Trim(), Acquisitions.Abc, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var counts = new long[classes];
        foreach (var image in images)
        {
            AbcClassWeights.CountUnqueried(image.Labels, image.Superpixels, image.Answered, counts);
        }

        return AbcClassWeights.FromCounts(counts);
    }

    private static ImagePool BuildPool(ScoringImage scoring, CampaignImage image, CorrectionStrategy strategy)
    {
        var options = new PoolOptions { ExcludeZeroId = strategy.ExcludeZeroId, AnsweredSuperpixels = image.Answered };
        switch (strategy.Pool)
        {
            case PoolKind.Diversified:
                return DiversifiedPool.Build(scoring, options);
            case PoolKind.PixelPick:
                return PixelPickPool.Build(scoring, strategy.PixelPickSamples, strategy.Seed, options: options);
            case PoolKind.None:
                var pixels = Enumerable.Range(0, scoring.PixelCount).Where(p => options.Admits(image.Superpixels[p])).ToArray();
                return PixelPickPool.FromPixels(scoring, pixels);
            default:
                throw new ArgumentOutOfRangeException(nameof(strategy), strategy.Pool, "Unknown pool kind.");
        }
    }
}
