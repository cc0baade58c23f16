using Alc.Campaigns.Projects;
using Alc.Engine.Server.Apis;
using Alc.Storage;
using Alc.Storage.Queries;

namespace Alc.Engine.Server.Integrations;

/// <summary>What a query's answer covers, as a labeling tool shows it: its stored region, else its superpixel.</summary>
internal static class QueryCoverage
{
    /// <summary>A row-major mask of the query's image, 1 where the answer applies.</summary>
    public static byte[] Mask(QueryRow query, CampaignState state, BlobStore blobs)
    {
        var image = state.ById[query.ImageId];
        var covers = new byte[image.Width * image.Height];
        if (query.RegionBlob is not null)
        {
            return RegionMask.Draw(covers.Length, AutoCorrectionBlobs.DecodeRegion(blobs.Get(query.RegionBlob)), (byte)1);
        }

        var ids = image.Superpixels.Ids;
        for (int p = 0; p < covers.Length; p++)
        {
            covers[p] = ids[p] == query.SuperpixelId ? (byte)1 : (byte)0;
        }

        return covers;
    }
}
