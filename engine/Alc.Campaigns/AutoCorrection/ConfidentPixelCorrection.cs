using Alc.Core.Correction;

namespace Alc.Campaigns.AutoCorrection;

/// <summary>
/// <see cref="CorrectionMethod.ConfidentPixels"/>: in every image, pixels of unqueried superpixels where the judging model
/// is confident of another class than their label take that class (<see cref="ConfidentRelabel"/>, seeds at τ, growth
/// down to τ_grow). Answered superpixels and checked pixels are frozen: a person vouched for them. It then proposes the
/// region checks worth asking (<see cref="RegionCheck"/>).
/// </summary>
internal static class ConfidentPixelCorrection
{
    public static AutoCorrectionRecord Run(IReadOnlyList<CampaignImage> images, Dictionary<int, ImageInference> inference,
        LabelCorrectionOptions options, bool excludeZeroId, int checkCount, List<RegionCheck> checks)
    {
        var candidateChecks = new List<RegionCheck>();
        var tally = new CorrectionTally();
        int candidates = 0;
        foreach (var image in images)
        {
            var outputs = inference[image.Key];
            var frozen = Frozen(image, excludeZeroId, out int unqueried);
            candidates += unqueried;
            var result = ConfidentRelabel.Apply(image.Labels, outputs.Predicted, outputs.Confidence, frozen, options.SeedThreshold, options.GrowThreshold);
            tally.Add(result, image.Labels, image.GroundTruth, result.ChangedPixels.Select(p => image.Superpixels[p]).Distinct().Count());
            if (checkCount > 0)
            {
                // Relabelled pixels now agree with ŷ, so only the regions the rule was unsure of remain.
                candidateChecks.AddRange(DisagreementRegions.Find(image.Labels, outputs.Predicted, outputs.Confidence, frozen, options.CheckThreshold)
                    .Where(r => r.Pixels.Length >= options.MinCheckPixels)
                    .Select(r => new RegionCheck(image.Key, r)));
            }
        }

        // The regions expected to fix the most pixels: Σ f(ŷ) over the region.
        checks.AddRange(candidateChecks.OrderByDescending(c => c.Region.Mass).ThenBy(c => c.ImageKey).ThenBy(c => c.Pixel).Take(checkCount));

        return tally.ToRecord(images, candidates) with { Threshold = options.SeedThreshold };
    }

    // Pixels of answered superpixels (and of id 0 when the strategy leaves it alone) and pixels a region check covered.
    private static bool[] Frozen(CampaignImage image, bool excludeZeroId, out int unqueried)
    {
        var frozen = new bool[image.Labels.PixelCount];
        var index = image.Superpixels.Index;
        unqueried = 0;
        for (int k = 0; k < index.Count; k++)
        {
            int id = index.Ids[k];
            if ((excludeZeroId && id == 0) || image.Answered.Contains(id))
            {
                foreach (int p in index.PixelsAt(k))
                {
                    frozen[p] = true;
                }
            }
            else
            {
                unqueried++;
            }
        }

        foreach (int p in image.Checked)
        {
            frozen[p] = true;
        }

        return frozen;
    }
}
