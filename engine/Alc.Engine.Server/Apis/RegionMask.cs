namespace Alc.Engine.Server.Apis;

/// <summary>A region check's region (its pixel indices) drawn as a full-image mask: what its RLE, its PNG and its crop outline are made from.</summary>
internal static class RegionMask
{
    /// <summary>A row-major mask of <paramref name="pixelCount"/> entries: <paramref name="inside"/> on the region's pixels, 0 elsewhere.</summary>
    public static T[] Draw<T>(int pixelCount, int[] region, T inside)
    {
        var mask = new T[pixelCount];
        foreach (int p in region)
        {
            mask[p] = inside;
        }

        return mask;
    }
}
