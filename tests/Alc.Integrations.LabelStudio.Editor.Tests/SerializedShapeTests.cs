using System.Text.Json.Nodes;
using Alc.Integrations.LabelStudio.Brush;
using Alc.Integrations.LabelStudio.Config;

namespace Alc.Integrations.LabelStudio.Editor.Tests;

/// <summary>
/// What the real editor's <c>serializeAnnotation()</c> makes of the engine's prediction once an annotator submits:
/// the exact keys of each item, the query point's coordinates, and the brush mask, which the editor re-encodes from
/// its canvas rather than passing the predicted RLE through.
/// </summary>
[Collection(EditorGroup.Name)]
public sealed class SerializedShapeTests(EditorFixture editors)
{
    private static readonly string[] PointKeys = ["original_width", "original_height", "image_rotation", "value", "id", "from_name", "to_name", "type"];

    // The brush item has no image_rotation, unlike the keypoint.
    private static readonly string[] BrushKeys = ["original_width", "original_height", "value", "id", "from_name", "to_name", "type"];

    private static readonly string[] ChoicesKeys = ["value", "id", "from_name", "to_name", "type"];

    [Fact]
    public async Task On_the_small_task_the_query_point_and_the_region_come_back_exactly_and_a_choice_has_a_fresh_random_id()
    {
        QueryTask task = QueryTask.Small;
        SubmittedResult result = await Confirm(task);

        // The small image is shown at its natural size (the editor enlarges nothing), so the canvas the editor
        // re-encodes the mask from is pixel for pixel the decoded prediction.
        Assert.Equal(task.RegionMask, Mask(task, result));

        JsonObject verdict = result.One(LabelingConfigNames.Verdict);
        Assert.Equal(ChoicesKeys, Keys(verdict));
        Assert.Equal(["choices"], Keys(verdict["value"]!.AsObject()));
        Assert.Equal("choices", (string?)verdict["type"]);
        Assert.Equal(LabelingConfigNames.Image, (string?)verdict["to_name"]);
        Assert.False(string.IsNullOrEmpty((string?)verdict["id"]));
        Assert.Equal(3, result.Items.Count);
    }

    [Fact]
    public async Task On_the_large_task_shown_scaled_down_the_point_comes_back_exactly_and_the_region_resampled_with_a_rim()
    {
        QueryTask task = QueryTask.Large;
        SubmittedResult result = await Confirm(task);

        // The 1600×1200 image is drawn at 750 px wide; the editor re-encodes the mask by rendering its canvas layer
        // back up to natural size, so the region comes back resampled: observed, the whole region plus an
        // antialiased rim (partial alpha) one pixel wide along an edge. Only what survives any such resampling is
        // asserted: the right size, the interior set, nothing far outside.
        byte[] mask = Mask(task, result);
        const int Rim = 3;
        var (x0, y0, x1, y1) = Bounds(task);
        for (int y = 0; y < task.Height; y++)
        {
            for (int x = 0; x < task.Width; x++)
            {
                bool set = mask[(y * task.Width) + x] == 1;
                bool interior = x >= x0 + Rim && x <= x1 - Rim && y >= y0 + Rim && y <= y1 - Rim;
                bool farOutside = x < x0 - Rim || x > x1 + Rim || y < y0 - Rim || y > y1 + Rim;
                Assert.True(set || !interior, $"Interior pixel ({x}, {y}) is missing from the mask.");
                Assert.True(!set || !farOutside, $"Pixel ({x}, {y}), more than {Rim} px outside the region, is in the mask.");
            }
        }
    }

    /// <summary>
    /// Loads <paramref name="task"/>, confirms and submits, and checks what holds at every size: the query point
    /// exactly as predicted, and the brush item's keys, id, label and natural size.
    /// </summary>
    private async Task<SubmittedResult> Confirm(QueryTask task)
    {
        await using LabelStudioEditor editor = await editors.OpenAsync();
        await editor.LoadAsync(task);
        await editor.ChooseAsync(LabelingConfigNames.Confirm);
        SubmittedResult result = SubmittedResult.Parse(await editor.SubmitAsync());
        AssertPoint(task, result.One(LabelingConfigNames.QueryPoint));
        AssertBrushItem(task, result.One(LabelingConfigNames.QueryRegion));
        return result;
    }

    /// <summary>The submitted brush mask decoded at the task's natural size.</summary>
    private static byte[] Mask(QueryTask task, SubmittedResult result) =>
        BrushRle.DecodeMask(Rle(result.One(LabelingConfigNames.QueryRegion)), task.Width, task.Height);

    /// <summary>The keypoint comes back key for key and bit for bit as predicted.</summary>
    private static void AssertPoint(QueryTask task, JsonObject point)
    {
        Assert.Equal(PointKeys, Keys(point));
        Assert.Equal(["x", "y", "width", "keypointlabels"], Keys(point["value"]!.AsObject()));
        Assert.Equal(QueryTask.PointId, (string?)point["id"]);
        Assert.Equal("keypointlabels", (string?)point["type"]);
        Assert.Equal(LabelingConfigNames.Image, (string?)point["to_name"]);
        Assert.Equal(task.Width, (int)point["original_width"]!);
        Assert.Equal(task.Height, (int)point["original_height"]!);
        Assert.Equal(0, (int)point["image_rotation"]!);
        Assert.Equal(task.PointX, (double)point["value"]!["x"]!);
        Assert.Equal(task.PointY, (double)point["value"]!["y"]!);
        Assert.Equal(QueryTask.PointWidth, (double)point["value"]!["width"]!);
        Assert.Equal([QueryTask.ShownLabel], Strings(point["value"]!["keypointlabels"]!));
    }

    /// <summary>The brush item has the predicted id, label and natural size, whatever its mask.</summary>
    private static void AssertBrushItem(QueryTask task, JsonObject brush)
    {
        Assert.Equal(BrushKeys, Keys(brush));
        Assert.Equal(["format", "rle", "brushlabels"], Keys(brush["value"]!.AsObject()));
        Assert.Equal(QueryTask.RegionId, (string?)brush["id"]);
        Assert.Equal("brushlabels", (string?)brush["type"]);
        Assert.Equal(LabelingConfigNames.Image, (string?)brush["to_name"]);
        Assert.Equal(task.Width, (int)brush["original_width"]!);
        Assert.Equal(task.Height, (int)brush["original_height"]!);
        Assert.Equal("rle", (string?)brush["value"]!["format"]);
        Assert.Equal([LabelingConfigNames.QueryRegionLabel], Strings(brush["value"]!["brushlabels"]!));
    }

    /// <summary>The region's bounding box, inclusive (the region is a rectangle at every scale).</summary>
    private static (int X0, int Y0, int X1, int Y1) Bounds(QueryTask task)
    {
        int first = Array.IndexOf(task.RegionMask, (byte)1), last = Array.LastIndexOf(task.RegionMask, (byte)1);
        return (first % task.Width, first / task.Width, last % task.Width, last / task.Width);
    }

    private static string[] Keys(JsonObject item) => [.. item.Select(p => p.Key)];

    private static string[] Strings(JsonNode array) => [.. array.AsArray().Select(s => s!.GetValue<string>())];

    private static byte[] Rle(JsonObject brush) => [.. brush["value"]!["rle"]!.AsArray().Select(b => (byte)b!.GetValue<int>())];
}
