using System.Text.Json;
using System.Text.Json.Nodes;
using Alc.Core;
using Alc.Core.Maps;
using Alc.Integrations.LabelStudio.Brush;
using Alc.Integrations.LabelStudio.Config;
using Alc.Integrations.LabelStudio.Labels;
using CsCheck;

namespace Alc.Integrations.LabelStudio.Tests.Labels;

/// <summary>Label maps as Label Studio segmentation tasks: one mask per class present, class 0 unpainted, exact round trips.</summary>
public sealed class BrushTaskLabelsTests
{
    private static readonly ClassInfo[] Classes = [new(0, "background", "#000000"), new(1, "person", "#c00000"), new(2, "chair", "#00c000")];

    [Fact]
    public void A_map_becomes_one_mask_per_class_present_other_than_0_in_the_class_colour_at_half_alpha()
    {
        // 3×2: row 0 = background, person, person; row 1 = chair, ignore, background.
        var map = new LabelMap(3, 2, 3, [0, 1, 1, 2, LabelMap.Ignore, 0]);
        var task = BrushTaskLabels.Task("http://x/a.png", map, Classes);

        Assert.Equal("http://x/a.png", (string?)task["data"]!["image"]);
        var result = task["annotations"]![0]!["result"]!.AsArray();
        Assert.Equal(["person", "chair", "ignore"], result.Select(r => (string?)r!["value"]!["brushlabels"]![0]));
        Assert.All(result, r => Assert.Equal(SegmentationConfig.Label, (string?)r!["from_name"]));
        byte[] person = [.. result[0]!["value"]!["rle"]!.AsArray().Select(b => (byte)(int)b!)];
        Assert.Equal([0, 128, 128, 0, 0, 0], BrushRle.DecodeAlpha(person, 3, 2));
        Assert.Equal(BrushRle.Encode([0, 1, 1, 0, 0, 0], 3, 2, new BrushColor(0xc0, 0, 0, 128)), person);
    }

    [Fact]
    public void Every_map_survives_the_round_trip_through_the_task_json() =>
        Gen.Select(Gen.Int[1, 12], Gen.Int[1, 9]).SelectMany((w, h) => Gen.Byte[0, 3].Array[w * h].Select(labels => (w, h, labels)))
            .Sample(c =>
            {
                var labels = c.labels.Select(l => l == 3 ? LabelMap.Ignore : l).ToArray();
                var map = new LabelMap(c.w, c.h, 3, labels);
                var json = JsonDocument.Parse(BrushTaskLabels.Task("u", map, Classes).ToJsonString()).RootElement;
                Assert.Equal(labels, BrushTaskLabels.Read(json, Classes, c.w, c.h).Labels.ToArray());
            }, iter: 200);

    [Fact]
    public void A_later_mask_paints_over_an_earlier_one_and_the_last_annotation_not_skipped_counts()
    {
        string Item(string name, byte[] mask) => new JsonObject
        {
            ["type"] = "brushlabels", ["from_name"] = "label", ["to_name"] = "image", ["original_width"] = 2, ["original_height"] = 1,
            ["value"] = new JsonObject { ["format"] = "rle", ["rle"] = new JsonArray([.. BrushRle.Encode(mask, 2, 1).Select(b => (JsonNode)(int)b)]), ["brushlabels"] = new JsonArray(name) },
        }.ToJsonString();
        string task = $$"""
            {"annotations": [
              {"result": [{{Item("person", [1, 0])}}]},
              {"result": [{{Item("person", [1, 1])}}, {{Item("chair", [0, 1])}}]},
              {"result": [], "was_cancelled": true}]}
            """;
        Assert.Equal([1, 2], BrushTaskLabels.Read(JsonDocument.Parse(task).RootElement, Classes, 2, 1).Labels.ToArray());
    }

    [Theory]
    [InlineData("""{"data": {}}""", "no annotations")]
    [InlineData("""{"annotations": [{"was_cancelled": true, "result": []}]}""", "every annotation was skipped")]
    [InlineData("""{"annotations": [{"result": [{"type": "brushlabels", "from_name": "label", "original_width": 5, "original_height": 1, "value": {}}]}]}""", "5×1 mask on a 2×1 image")]
    [InlineData("""{"annotations": [{"result": [{"type": "brushlabels", "from_name": "label", "original_width": 2, "original_height": 1, "value": {"format": "rle", "rle": [1], "brushlabels": ["sofa"]}}]}]}""", "\"sofa\" is not a class")]
    [InlineData("""{"annotations": [{"result": [{"type": "brushlabels", "from_name": "label", "original_width": 2, "original_height": 1, "value": {"format": "rle", "rle": [0, 0, 0], "brushlabels": ["chair"]}}]}]}""", "the RLE is not a 2×1 brush mask")]
    public void A_bad_task_names_what_is_wrong(string task, string message)
    {
        var error = Assert.Throws<LabelStudioFormatException>(() => BrushTaskLabels.Read(JsonDocument.Parse(task).RootElement, Classes, 2, 1));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_segmentation_config_has_a_brush_label_per_class_and_ignore()
    {
        string xml = SegmentationConfig.Generate(Classes);
        Assert.Contains("""<BrushLabels name="label" toName="image">""", xml, StringComparison.Ordinal);
        Assert.Contains("""<Label value="chair" background="#00c000" />""", xml, StringComparison.Ordinal);
        Assert.Contains("""<Label value="ignore" background="#808080" />""", xml, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => SegmentationConfig.Generate([new ClassInfo(0, "ignore", "#000000")]));
    }
}
