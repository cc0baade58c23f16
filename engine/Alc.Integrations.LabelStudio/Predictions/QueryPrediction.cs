using System.Text.Json.Nodes;
using Alc.Integrations.LabelStudio.Brush;
using Alc.Integrations.LabelStudio.Config;

namespace Alc.Integrations.LabelStudio.Predictions;

/// <summary>
/// A correction query as a Label Studio prediction: a keypoint at the queried pixel labelled with the label it
/// shows, and a brush mask of what the answer covers (its superpixel, or a region check's region). The annotator
/// sees both over the image and answers the verdict; the prediction's score is the query's acquisition score.
/// </summary>
/// <param name="Width">Image width in pixels.</param>
/// <param name="Height">Image height in pixels.</param>
/// <param name="Pixel">The queried pixel, row-major (y·W + x).</param>
/// <param name="ShownLabel">The shown label's class name (a label of the config's KeyPointLabels).</param>
/// <param name="Covers">Row-major W·H mask of what the answer covers (nonzero inside).</param>
/// <param name="Score">The query's score.</param>
/// <param name="ModelVersion">The model version Label Studio files the prediction under (it changes every round).</param>
public sealed record QueryPrediction(int Width, int Height, int Pixel, string ShownLabel, byte[] Covers, double Score, string ModelVersion)
{
    /// <summary>Result id of the keypoint (Label Studio keeps a prediction's ids when the annotator starts from it).</summary>
    public const string PointId = "alc-point";

    /// <summary>Result id of the brush mask.</summary>
    public const string RegionId = "alc-region";

    /// <summary>The keypoint's size, in percent of the image width (Label Studio's <c>value.width</c>).</summary>
    public const double PointWidthPercent = 1.0;

    /// <summary>The keypoint's position in percent of the image (Label Studio's coordinates): the queried pixel's centre.</summary>
    public (double X, double Y) PointPercent => ((Pixel % Width + 0.5) / Width * 100.0, (Pixel / Width + 0.5) / Height * 100.0);

    /// <summary>The prediction object <c>{result, score, model_version}</c> of Label Studio's <c>/predict</c> response and task import.</summary>
    /// <exception cref="ArgumentException">The pixel is outside the image or the mask is not W·H.</exception>
    public JsonObject ToJson()
    {
        if (Pixel < 0 || Pixel >= (long)Width * Height)
        {
            throw new ArgumentException($"Pixel {Pixel} is outside the {Width}×{Height} image.", nameof(Pixel));
        }

        var (x, y) = PointPercent;
        var point = new JsonObject
        {
            ["id"] = PointId,
            ["from_name"] = LabelingConfigNames.QueryPoint,
            ["to_name"] = LabelingConfigNames.Image,
            ["type"] = "keypointlabels",
            ["original_width"] = Width,
            ["original_height"] = Height,
            ["image_rotation"] = 0,
            ["readonly"] = true,
            ["value"] = new JsonObject
            {
                ["x"] = x,
                ["y"] = y,
                ["width"] = PointWidthPercent,
                ["keypointlabels"] = new JsonArray(ShownLabel),
            },
        };
        var region = new JsonObject
        {
            ["id"] = RegionId,
            ["from_name"] = LabelingConfigNames.QueryRegion,
            ["to_name"] = LabelingConfigNames.Image,
            ["type"] = "brushlabels",
            ["original_width"] = Width,
            ["original_height"] = Height,
            ["image_rotation"] = 0,
            ["readonly"] = true,
            ["value"] = new JsonObject
            {
                ["format"] = "rle",
                ["rle"] = new JsonArray([.. BrushRle.Encode(Covers, Width, Height, BrushColor.TranslucentGold).Select(b => (JsonNode)JsonValue.Create((int)b))]),
                ["brushlabels"] = new JsonArray(LabelingConfigNames.QueryRegionLabel),
            },
        };
        return new JsonObject
        {
            ["result"] = new JsonArray(point, region),
            ["score"] = double.IsFinite(Score) ? Score : 0,
            ["model_version"] = ModelVersion,
        };
    }
}
