using Alc.Integrations.Cvat.Rest;
using Alc.Integrations.Cvat.Tasks;

namespace Alc.Integrations.Cvat.Tests.Tasks;

/// <summary>Names that trace CVAT objects back to the engine, the label specs, and the shapes of a query.</summary>
public sealed class CorrectionTaskTests
{
    [Theory]
    [InlineData(42, ".png", "query-0000000042.png")]
    [InlineData(1234567890123, ".jpg", "query-1234567890123.jpg")]
    public void A_frame_name_carries_its_query_and_sorts_in_query_order(long id, string extension, string expected)
    {
        Assert.Equal(expected, QueryFrames.Name(id, extension));
        Assert.Equal(id, QueryFrames.QueryOf(expected));
        Assert.True(string.CompareOrdinal(QueryFrames.Name(9, ".png"), QueryFrames.Name(10, ".png")) < 0);
    }

    [Theory]
    [InlineData("query-42.gif")]
    [InlineData("holiday.png")]
    [InlineData("query-.png")]
    [InlineData("../query-42.png")]
    [InlineData("query-42.png.exe")]
    public void Other_frame_names_are_no_query(string name) => Assert.Null(QueryFrames.QueryOf(name));

    [Fact]
    public void A_task_name_gives_back_its_project_and_round()
    {
        Assert.Equal("alc-engine project 3 round 12", QueryFrames.TaskName(3, 12));
        Assert.Equal((3L, 12), QueryFrames.RoundOf("alc-engine project 3 round 12"));
        Assert.Null(QueryFrames.RoundOf("alc-engine project 3 round 12 (copy)"));
        Assert.Null(QueryFrames.RoundOf("holiday photos"));
    }

    [Fact]
    public void The_labels_are_the_classes_then_unlabelled_and_the_region_mask()
    {
        var specs = CorrectionLabels.Specs(["background", "cat"]);
        Assert.Equal(["background", "cat", CorrectionLabels.Unlabelled, CorrectionLabels.Region], specs.Select(s => (string)s!["name"]!));
        Assert.Equal("mask", (string)specs[3]!["type"]!);
        var attributes = specs[1]!["attributes"]!.AsArray();
        Assert.Equal([(CorrectionLabels.QueryAttribute, "text", ""), (CorrectionLabels.UnsureAttribute, "checkbox", "false")],
            attributes.Select(a => ((string)a!["name"]!, (string)a["input_type"]!, (string)a["default_value"]!)));
        Assert.Throws<ArgumentException>(() => CorrectionLabels.Specs(["cat", CorrectionLabels.Region]));
        Assert.Throws<ArgumentException>(() => CorrectionLabels.Specs(["cat", "cat"]));

        CvatLabel[] there = [new(1, "background", "any", []), new(2, CorrectionLabels.Region, "mask", [])];
        Assert.Equal(["cat", CorrectionLabels.Unlabelled], CorrectionLabels.Missing(["background", "cat"], there));
    }

    [Fact]
    public void A_point_sits_at_the_pixel_centre_with_the_query_id_and_unsure_unticked()
    {
        var cat = new CvatLabel(5, "cat", "any", [new(51, CorrectionLabels.QueryAttribute, "text", ""), new(52, CorrectionLabels.UnsureAttribute, "checkbox", "false")]);
        var point = QueryShapes.Point(frame: 3, cat, x: 7, y: 2, queryId: 42);
        Assert.Equal("""{"type":"points","frame":3,"label_id":5,"group":0,"source":"auto","occluded":false,"outside":false,"z_order":1,"rotation":0,"points":[7.5,2.5],"attributes":[{"spec_id":51,"value":"42"},{"spec_id":52,"value":"false"}]}""",
            point.ToJsonString());
        Assert.Throws<ArgumentException>(() => QueryShapes.Point(0, new CvatLabel(6, "dog", "any", []), 0, 0, 1));

        var region = QueryShapes.Region(3, new CvatLabel(9, CorrectionLabels.Region, "mask", []), [0, 1, 7, 2, 7, 2]);
        Assert.Equal("mask", (string)region["type"]!);
        Assert.Equal([0.0, 1, 7, 2, 7, 2], region["points"]!.AsArray().Select(p => (double)p!));
    }
}
