using System.Text.Json.Nodes;
using Alc.Core;
using Alc.Imaging.Png;
using Alc.Integrations.LabelStudio.Brush;
using Alc.Integrations.LabelStudio.Config;

namespace Alc.Integrations.LabelStudio.Editor.Tests;

/// <summary>
/// A correction task as the engine would send it to Label Studio: the PNG image, the labeling config of the
/// dataset's classes, and one prediction with the query point (labelled with its current class) and the queried
/// region as a brush mask.
/// </summary>
/// <param name="Name">The image's file name, unique per task.</param>
/// <param name="Width">The image width in pixels.</param>
/// <param name="Height">The image height in pixels.</param>
/// <param name="Png">The encoded image.</param>
/// <param name="QueryX">The queried pixel's column.</param>
/// <param name="QueryY">The queried pixel's row.</param>
/// <param name="RegionMask">The queried region, one byte per pixel (1 inside), row-major at natural size.</param>
public sealed record QueryTask(string Name, int Width, int Height, byte[] Png, int QueryX, int QueryY, byte[] RegionMask)
{
    /// <summary>The class the query point is shown with (the pixel's current label).</summary>
    public const string ShownLabel = "chair";

    /// <summary>The result id of the query point in the prediction.</summary>
    public const string PointId = "qp1";

    /// <summary>The result id of the query region in the prediction.</summary>
    public const string RegionId = "qr1";

    /// <summary>The query point's radius, in percent of the image width (the keypoint's <c>width</c>).</summary>
    public const double PointWidth = 1.0;

    /// <summary>The dataset's classes: background, person, chair, table (VOC colours).</summary>
    public static IReadOnlyList<ClassInfo> Classes { get; } =
        [new(0, "background", "#000000"), new(1, "person", "#c08080"), new(2, "chair", "#c00000"), new(3, "table", "#c08000")];

    /// <summary>The 64×48 task: query pixel (20, 15), region x 12..35, y 8..29; the editor shows it at natural size.</summary>
    public static QueryTask Small { get; } = Create("small.png", 1);

    /// <summary>The same scene at 800×600, for a screenshot a person can read.</summary>
    public static QueryTask Showcase { get; } = Create("showcase.png", 12.5);

    /// <summary>The same scene at 1600×1200, wider than the editor's 750 px, so it is shown scaled down.</summary>
    public static QueryTask Large { get; } = Create("large.png", 25);

    /// <summary>The labeling config of <see cref="Classes"/>, as the library generates it.</summary>
    public static string Config { get; } = LabelingConfig.Generate([.. Classes]);

    /// <summary>The query point's x in percent of the width, at the pixel's centre.</summary>
    public double PointX => (QueryX + 0.5) / Width * 100;

    /// <summary>The query point's y in percent of the height, at the pixel's centre.</summary>
    public double PointY => (QueryY + 0.5) / Height * 100;

    /// <summary>The prediction's result: the query point and the query region's brush mask.</summary>
    public JsonArray PredictionResult() =>
    [
        Item(PointId, LabelingConfigNames.QueryPoint, "keypointlabels", new JsonObject
        {
            ["x"] = PointX,
            ["y"] = PointY,
            ["width"] = PointWidth,
            ["keypointlabels"] = new JsonArray(ShownLabel),
        }),
        Item(RegionId, LabelingConfigNames.QueryRegion, "brushlabels", new JsonObject
        {
            ["format"] = "rle",
            ["rle"] = new JsonArray([.. BrushRle.Encode(RegionMask, Width, Height, BrushColor.TranslucentGold).Select(b => (JsonNode)(int)b)]),
            ["brushlabels"] = new JsonArray(LabelingConfigNames.QueryRegionLabel),
        }),
    ];

    /// <summary>The Label Studio task JSON: the image at <paramref name="imageUrl"/> and the one prediction, no annotations.</summary>
    public string TaskJson(string imageUrl) => new JsonObject
    {
        ["id"] = 1,
        ["data"] = new JsonObject { [LabelingConfigNames.ImageDataKey] = imageUrl },
        ["annotations"] = new JsonArray(),
        ["predictions"] = new JsonArray(new JsonObject { ["model_version"] = "alc-test", ["result"] = PredictionResult() }),
    }.ToJsonString();

    /// <summary>A result item on the image at its natural size, unrotated.</summary>
    private JsonObject Item(string id, string fromName, string type, JsonObject value) => new()
    {
        ["id"] = id,
        ["from_name"] = fromName,
        ["to_name"] = LabelingConfigNames.Image,
        ["type"] = type,
        ["original_width"] = Width,
        ["original_height"] = Height,
        ["image_rotation"] = 0,
        ["value"] = value,
    };

    /// <summary>The scene at <paramref name="scale"/> pixels per unit, its query pixel at the unit's centre.</summary>
    private static QueryTask Create(string name, double scale)
    {
        int width = (int)(QueryScene.Width * scale), height = (int)(QueryScene.Height * scale);
        byte[] png = PngMapCodec.EncodeRgb24(width, height, QueryScene.Render(width, height, scale));
        return new QueryTask(name, width, height, png,
            (int)((QueryScene.QueryX + 0.5) * scale), (int)((QueryScene.QueryY + 0.5) * scale),
            QueryScene.RegionMask(width, height, scale));
    }
}
