using System.Globalization;
using System.Text.Json.Nodes;
using Alc.Integrations.Cvat.Rest;

namespace Alc.Integrations.Cvat.Tasks;

/// <summary>The shapes the bridge puts on a query's frame: the question as a point, and what its answer covers as a mask.</summary>
public static class QueryShapes
{
    /// <summary>
    /// The queried pixel as a <c>points</c> shape at its centre (<c>x + 0.5, y + 0.5</c>, so reading it back floors to
    /// the pixel) with the shown label, the query id in <see cref="CorrectionLabels.QueryAttribute"/> and unsure unticked.
    /// </summary>
    /// <param name="frame">The query's frame number.</param>
    /// <param name="shown">The label the point shows (the pixel's current class, or <see cref="CorrectionLabels.Unlabelled"/>).</param>
    /// <param name="x">Pixel column.</param>
    /// <param name="y">Pixel row.</param>
    /// <param name="queryId">The query.</param>
    /// <exception cref="ArgumentException">The label lacks the bridge's attributes.</exception>
    public static JsonObject Point(int frame, CvatLabel shown, int x, int y, long queryId)
    {
        ArgumentNullException.ThrowIfNull(shown);
        var query = shown.Attributes.FirstOrDefault(a => a.Name == CorrectionLabels.QueryAttribute)
            ?? throw new ArgumentException($"CVAT label \"{shown.Name}\" has no \"{CorrectionLabels.QueryAttribute}\" attribute.", nameof(shown));
        var unsure = shown.Attributes.FirstOrDefault(a => a.Name == CorrectionLabels.UnsureAttribute)
            ?? throw new ArgumentException($"CVAT label \"{shown.Name}\" has no \"{CorrectionLabels.UnsureAttribute}\" attribute.", nameof(shown));
        return Shape("points", frame, shown.Id, [x + 0.5, y + 0.5], zOrder: 1, new JsonArray(
            new JsonObject { ["spec_id"] = query.Id, ["value"] = queryId.ToString(CultureInfo.InvariantCulture) },
            new JsonObject { ["spec_id"] = unsure.Id, ["value"] = "false" }));
    }

    /// <summary>What the answer covers as a <c>mask</c> shape of the <see cref="CorrectionLabels.Region"/> label, under the point.</summary>
    /// <param name="frame">The query's frame number.</param>
    /// <param name="region">The region label.</param>
    /// <param name="points">The mask's CVAT RLE points (<see cref="Masks.CvatMaskRle"/>).</param>
    public static JsonObject Region(int frame, CvatLabel region, IReadOnlyList<int> points)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(points);
        return Shape("mask", frame, region.Id, [.. points.Select(p => (double)p)], zOrder: 0, new JsonArray());
    }

    private static JsonObject Shape(string type, int frame, long labelId, double[] points, int zOrder, JsonArray attributes) => new()
    {
        ["type"] = type,
        ["frame"] = frame,
        ["label_id"] = labelId,
        ["group"] = 0,
        ["source"] = "auto",
        ["occluded"] = false,
        ["outside"] = false,
        ["z_order"] = zOrder,
        ["rotation"] = 0,
        ["points"] = new JsonArray([.. points.Select(p => (JsonNode)p)]),
        ["attributes"] = attributes,
    };
}
