using System.Text.Json;
using Alc.Integrations.Cvat.Annotations;
using Alc.Integrations.Cvat.Rest;
using Alc.Integrations.Cvat.Tasks;

namespace Alc.Integrations.Cvat.Tests.Annotations;

/// <summary>The verdict rules of a completed job's points, and every unreadable case refused whole.</summary>
public sealed class CorrectionReaderTests
{
    // Labels as CVAT numbers them: classes cat (1), dog (2), the unlabelled point label (3), the region mask label (4).
    private static readonly CvatLabel[] Labels =
    [
        Label(1, "cat", 11, 12), Label(2, "dog", 21, 22), Label(3, CorrectionLabels.Unlabelled, 31, 32),
        new(4, CorrectionLabels.Region, "mask", []),
    ];

    private static readonly string[] Classes = ["cat", "dog"];

    // Frames 10..12 ask queries 7, 8 and 9 on 4×3 images; all three were shown as "cat".
    private static readonly CvatFrame[] Frames =
    [
        new(10, QueryFrames.Name(7, ".png"), 4, 3), new(11, QueryFrames.Name(8, ".png"), 4, 3), new(12, QueryFrames.Name(9, ".jpg"), 4, 3),
    ];

    [Fact]
    public void Kept_changed_deleted_unsure_and_unlabelled_points_give_their_verdicts()
    {
        var answers = Read(
            Point(100, 10, 1, 1.5, 2.5, query: "7"),
            Point(101, 11, 2, 0.5, 0.5),
            Mask(102, 12),
            Point(103, 12, 3, 3.9, 2.9));
        Assert.Equal(
            [
                new CorrectionAnswer(7, 10, 100, CorrectionKind.Confirm, null),
                new CorrectionAnswer(8, 11, 101, CorrectionKind.Correct, "dog"),
                new CorrectionAnswer(9, 12, 103, CorrectionKind.Unsure, null),
            ],
            answers);

        // No point on a frame (deleted): unsure; the ticked box: unsure whatever the label.
        Assert.Equal(CorrectionKind.Unsure, Read(Point(100, 10, 1, 1, 1), Point(101, 11, 2, 1, 1)).Single(a => a.QueryId == 9).Kind);
        Assert.Null(Read().Single(a => a.QueryId == 9).ShapeId);
        var ticked = Read(Point(100, 10, 2, 1, 1, unsure: "true")).Single(a => a.QueryId == 7);
        Assert.Equal((CorrectionKind.Unsure, (string?)null, (long?)100), (ticked.Kind, ticked.Label, ticked.ShapeId));
    }

    [Fact]
    public void A_query_shown_as_unlabelled_is_confirmed_by_keeping_the_label()
    {
        var answers = CorrectionReader.Read(Annotations(Point(100, 10, 3, 1, 1)), [Frames[0]], Labels, Classes, _ => CorrectionLabels.Unlabelled);
        Assert.Equal(CorrectionKind.Confirm, Assert.Single(answers).Kind);
    }

    [Theory]
    [InlineData(-0.1, 1, "moved off the image")]
    [InlineData(4.0, 1, "moved off the image")]
    [InlineData(1, 3.0, "moved off the image")]
    [InlineData(double.NaN, 1, "moved off the image")]
    public void A_point_off_its_image_is_refused(double x, double y, string expected)
    {
        string json = x is double.NaN ? Point(100, 10, 1, 0, 0).Replace("[0, 0]", "[\"x\", 0]", StringComparison.Ordinal) : Point(100, 10, 1, x, y);
        var error = Assert.Throws<CvatFormatException>(() => Read(json));
        Assert.Contains(x is double.NaN ? "has no x, y" : expected, error.Message);
    }

    [Fact]
    public void Unreadable_jobs_are_refused_naming_the_cause()
    {
        Assert.Contains("two points", Refused(Point(100, 10, 1, 1, 1), Point(101, 10, 2, 2, 2)));
        Assert.Contains("label id 99, which is not a label of the task", Refused(Point(100, 10, 99, 1, 1)));
        Assert.Contains("\"alc-region\", which is not a class", Refused(Point(100, 10, 4, 1, 1)));
        Assert.Contains("frame 13, which is not a frame of the job", Refused(Point(100, 13, 1, 1, 1)));
        Assert.Contains("says query 8, but the frame asks query 7", Refused(Point(100, 10, 1, 1, 1, query: "8")));
        Assert.Contains("no shapes array", Assert.Throws<CvatFormatException>(() =>
            CorrectionReader.Read(JsonDocument.Parse("{\"version\": 0}").RootElement, Frames, Labels, Classes, _ => "cat")).Message);
        Assert.Contains("not a correction frame", Assert.Throws<CvatFormatException>(() =>
            CorrectionReader.Read(Annotations(), [new CvatFrame(0, "holiday.png", 4, 3)], Labels, Classes, _ => "cat")).Message);
        Assert.Contains("query 8, which is not a query of this round", Assert.Throws<CvatFormatException>(() =>
            CorrectionReader.Read(Annotations(), Frames, Labels, Classes, q => q == 8 ? null : "cat")).Message);
    }

    [Fact]
    public void A_query_attribute_that_a_label_change_reset_to_empty_is_not_an_error()
    {
        Assert.Equal(CorrectionKind.Correct, Read(Point(100, 10, 2, 1, 1, query: "")).Single(a => a.QueryId == 7).Kind);
    }

    private static string Refused(params string[] shapes) => Assert.Throws<CvatFormatException>(() => Read(shapes)).Message;

    private static IReadOnlyList<CorrectionAnswer> Read(params string[] shapes) => CorrectionReader.Read(Annotations(shapes), Frames, Labels, Classes, _ => "cat");

    private static JsonElement Annotations(params string[] shapes) =>
        JsonDocument.Parse($"{{\"version\": 3, \"tags\": [], \"shapes\": [{string.Join(", ", shapes)}], \"tracks\": []}}").RootElement;

    // A points shape as CVAT returns it; attribute spec ids are label * 10 + 1 (query) and + 2 (unsure).
    private static string Point(long id, int frame, long label, double x, double y, string? query = null, string unsure = "false")
    {
        string attributes = label is 1 or 2 or 3
            ? $"[{(query is null ? "" : $"{{\"spec_id\": {(label * 10) + 1}, \"value\": \"{query}\"}}, ")}{{\"spec_id\": {(label * 10) + 2}, \"value\": \"{unsure}\"}}]"
            : "[]";
        return $"{{\"id\": {id}, \"type\": \"points\", \"frame\": {frame}, \"label_id\": {label}, \"group\": 0, \"source\": \"manual\", " +
            $"\"points\": [{x.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {y.ToString(System.Globalization.CultureInfo.InvariantCulture)}], \"attributes\": {attributes}}}";
    }

    private static string Mask(long id, int frame) =>
        $"{{\"id\": {id}, \"type\": \"mask\", \"frame\": {frame}, \"label_id\": 4, \"points\": [0, 1, 0, 0, 0, 0], \"attributes\": []}}";

    private static CvatLabel Label(long id, string name, long query, long unsure) =>
        new(id, name, "any", [new(query, CorrectionLabels.QueryAttribute, "text", ""), new(unsure, CorrectionLabels.UnsureAttribute, "checkbox", "false")]);
}
