namespace Alc.Inference;

/// <summary>
/// The settings of segment-anything's automatic mask generation (<c>SamAutomaticMaskGenerator</c>), with its defaults: a
/// grid of single-point prompts, masks kept by predicted IoU and stability score, duplicates removed by box NMS, and small
/// masks dropped.
/// </summary>
/// <param name="PointsPerSide">Grid points along each side of the image (<c>points_per_side</c>, 32): PointsPerSide² prompts.</param>
/// <param name="PredictedIouThreshold">The least predicted IoU a mask needs (<c>pred_iou_thresh</c>, 0.88).</param>
/// <param name="StabilityScoreThreshold">
/// The least stability score (<c>stability_score_thresh</c>, 0.95): the IoU of the mask cut at logit +offset and at −offset.
/// </param>
/// <param name="StabilityScoreOffset">The logit offset of the stability score (<c>stability_score_offset</c>, 1.0).</param>
/// <param name="BoxNmsThreshold">Masks whose boxes overlap a better mask's box by more than this IoU are dropped (<c>box_nms_thresh</c>, 0.7).</param>
/// <param name="MinMaskArea">Masks of fewer pixels are dropped (segment-anything's <c>min_mask_region_area</c>, 0: none).</param>
public sealed record SamAutomaticMasks(
    int PointsPerSide = 32,
    float PredictedIouThreshold = 0.88f,
    float StabilityScoreThreshold = 0.95f,
    float StabilityScoreOffset = 1.0f,
    float BoxNmsThreshold = 0.7f,
    int MinMaskArea = 0)
{
    /// <summary>The named problems of these settings; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (PointsPerSide is < 1 or > 128)
        {
            problems.Add($"pointsPerSide must be 1..128 (got {PointsPerSide}).");
        }

        foreach (var (name, value) in new[] { ("predictedIouThreshold", PredictedIouThreshold), ("stabilityScoreThreshold", StabilityScoreThreshold), ("boxNmsThreshold", BoxNmsThreshold) })
        {
            if (!float.IsFinite(value) || value is < 0 or > 1)
            {
                problems.Add($"{name} must be in 0..1 (got {value}).");
            }
        }

        if (!float.IsFinite(StabilityScoreOffset) || StabilityScoreOffset is < 0 or > 100)
        {
            problems.Add($"stabilityScoreOffset must be in 0..100 (got {StabilityScoreOffset}).");
        }

        if (MinMaskArea < 0)
        {
            problems.Add($"minMaskArea must be 0 or more (got {MinMaskArea}).");
        }

        return problems;
    }
}
