using Alc.Core.Masks;

namespace Alc.Inference;

/// <summary>
/// SAM superpixels by segment-anything's automatic mask generation (one crop layer, as its defaults): the image is encoded
/// once, SAM is prompted with each point of a PointsPerSide² grid (cell centres), a mask is kept when its predicted IoU and
/// stability score reach their thresholds and it has at least MinMaskArea pixels, duplicates are removed by box NMS (best
/// predicted IoU first), and the kept masks are painted largest first (<see cref="MaskPainter"/>) — each mask one superpixel,
/// 0 where no mask lies.
/// </summary>
/// <param name="sam">SAM's encoder and decoder (not disposed here).</param>
/// <param name="settings">The generation settings.</param>
public sealed class SamMaskGenerator(SamPrompter sam, SamAutomaticMasks settings)
{
    /// <summary>The superpixel map of one RGB image, and how many masks were kept.</summary>
    public (int[] Superpixels, int Masks) Superpixels(byte[] rgb, int width, int height, CancellationToken cancellationToken = default)
    {
        var encoded = sam.Encode(rgb, width, height);
        var candidates = new List<(byte[] Mask, float Iou, Box Box, int Area)>();
        int n = settings.PointsPerSide;
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (logits, iou) = sam.LogitsForPoint(encoded, (i + 0.5f) * width / n, (j + 0.5f) * height / n);
                if (iou < settings.PredictedIouThreshold || Stability(logits, settings.StabilityScoreOffset) < settings.StabilityScoreThreshold)
                {
                    continue;
                }

                byte[] mask = Array.ConvertAll(logits, l => l > 0 ? (byte)1 : (byte)0);
                var (box, area) = Bounds(mask, width);
                if (area > 0 && area >= settings.MinMaskArea)
                {
                    candidates.Add((mask, iou, box, area));
                }
            }
        }

        // Box NMS, best predicted IoU first (ties: grid order), as segment-anything's batched_nms on one category.
        var kept = new List<(byte[] Mask, float Iou, Box Box, int Area)>();
        foreach (var candidate in candidates.Select((c, index) => (c, index)).OrderByDescending(t => t.c.Iou).ThenBy(t => t.index).Select(t => t.c))
        {
            if (kept.All(k => k.Box.IoU(candidate.Box) <= settings.BoxNmsThreshold))
            {
                kept.Add(candidate);
            }
        }

        var painted = MaskPainter.Paint(width, height, 1, [.. kept.Select(k => new ObjectMask(k.Mask, -1, k.Iou))]);
        return (painted.Superpixels, kept.Count);
    }

    // segment-anything's calculate_stability_score: |logit > offset| / |logit > −offset| (mask threshold 0).
    private static float Stability(float[] logits, float offset)
    {
        long inner = 0, outer = 0;
        foreach (float l in logits)
        {
            inner += l > offset ? 1 : 0;
            outer += l > -offset ? 1 : 0;
        }

        return outer == 0 ? 0 : inner / (float)outer;
    }

    private static (Box Box, int Area) Bounds(byte[] mask, int width)
    {
        int x0 = int.MaxValue, y0 = int.MaxValue, x1 = -1, y1 = -1, area = 0;
        for (int p = 0; p < mask.Length; p++)
        {
            if (mask[p] != 0)
            {
                int x = p % width, y = p / width;
                (x0, y0, x1, y1) = (Math.Min(x0, x), Math.Min(y0, y), Math.Max(x1, x), Math.Max(y1, y));
                area++;
            }
        }

        return (new Box(x0, y0, x1, y1), area);
    }

    /// <summary>A mask's bounding box, inclusive pixel coordinates.</summary>
    private readonly record struct Box(int X0, int Y0, int X1, int Y1)
    {
        // segment-anything's box IoU on x0, y0, x1, y1 corners (torchvision box_iou: areas without the +1).
        public float IoU(Box other)
        {
            float w = Math.Max(0, Math.Min(X1, other.X1) - Math.Max(X0, other.X0));
            float h = Math.Max(0, Math.Min(Y1, other.Y1) - Math.Max(Y0, other.Y0));
            float intersection = w * h;
            float union = ((X1 - X0) * (Y1 - Y0)) + ((other.X1 - other.X0) * (other.Y1 - other.Y0)) - intersection;
            return union <= 0 ? (this == other ? 1 : 0) : intersection / union;
        }
    }
}
