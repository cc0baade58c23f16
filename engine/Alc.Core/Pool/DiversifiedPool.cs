using Alc.Core.Maps;

namespace Alc.Core.Pool;

/// <summary>
/// The diversified pixel pool X^d (eq. 3–6): one representative pixel per superpixel s, the pixel of
/// s' = {x ∈ s : ŷ(x) = D(s)} whose softmax vector is most similar (cosine) to the mean over s'.
/// Ties go to the lowest linear index.
/// </summary>
public static class DiversifiedPool
{
    /// <summary>Builds the pool of one image in one streaming pass per superpixel.</summary>
    public static ImagePool Build(ScoringImage image, PoolOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        options ??= PoolOptions.Default;
        SuperpixelIndex index = image.Superpixels.Index;
        int classes = image.ClassCount;

        int admitted = 0;
        int largest = 0;
        for (int k = 0; k < index.Count; k++)
        {
            if (options.Admits(index.Ids[k]))
            {
                admitted++;
                largest = Math.Max(largest, index.PixelsAt(k).Length);
            }
        }

        var candidates = new PoolCandidate[admitted];
        var cilSums = new double[admitted];
        var directions = new double[admitted * classes];
        using var scan = new SuperpixelScan(image, largest);
        for (int k = 0, i = 0; k < index.Count; k++)
        {
            int id = index.Ids[k];
            if (!options.Admits(id))
            {
                continue;
            }

            ScanStatistics stats = scan.Scan(index.PixelsAt(k), directions.AsSpan(i * classes, classes));
            candidates[i] = new PoolCandidate(id, stats.Representative, stats.Size, stats.SubsetSize, stats.DominantLabel);
            cilSums[i] = stats.CilSum;
            i++;
        }

        return new ImagePool(image, candidates, cilSums, directions);
    }
}
