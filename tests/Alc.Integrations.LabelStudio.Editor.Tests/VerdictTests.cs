using System.Text.Json.Nodes;
using Alc.Integrations.LabelStudio.Config;

namespace Alc.Integrations.LabelStudio.Editor.Tests;

/// <summary>
/// An annotator's verdicts in the real editor, read back from its own <c>serializeAnnotation()</c>: the choices the
/// engine reads, the required verdict, and the true label that only counts while the verdict is wrong.
/// </summary>
[Collection(EditorGroup.Name)]
public sealed class VerdictTests(EditorFixture editors)
{
    [Fact]
    public async Task Confirming_gives_the_confirm_choice_and_leaves_the_query_point_as_predicted()
    {
        SubmittedResult result = await Answer("confirm");

        Assert.Equal([LabelingConfigNames.Confirm], result.Choices(LabelingConfigNames.Verdict));
        Assert.Null(result.Choices(LabelingConfigNames.TrueLabel));
        JsonObject point = result.One(LabelingConfigNames.QueryPoint);
        Assert.True(JsonNode.DeepEquals(QueryTask.Small.PredictionResult()[0]!["value"], point["value"]), point.ToJsonString());
    }

    [Fact]
    public async Task Wrong_with_a_true_label_gives_both_choices()
    {
        SubmittedResult result = await Answer(LabelingConfigNames.Wrong, "table");

        Assert.Equal([LabelingConfigNames.Wrong], result.Choices(LabelingConfigNames.Verdict));
        Assert.Equal(["table"], result.Choices(LabelingConfigNames.TrueLabel));
        Assert.Equal(QueryTask.ShownLabel, (string?)result.One(LabelingConfigNames.QueryPoint)["value"]!["keypointlabels"]![0]);
    }

    [Fact]
    public async Task Unsure_gives_the_unsure_choice_alone()
    {
        SubmittedResult result = await Answer(LabelingConfigNames.Unsure);

        Assert.Equal([LabelingConfigNames.Unsure], result.Choices(LabelingConfigNames.Verdict));
        Assert.Null(result.Choices(LabelingConfigNames.TrueLabel));
    }

    [Fact]
    public async Task Submitting_without_a_verdict_is_refused_with_the_editors_warning_naming_the_verdict()
    {
        await using LabelStudioEditor editor = await editors.OpenAsync();
        await editor.LoadAsync(QueryTask.Small);

        var refused = await Assert.ThrowsAsync<SubmitRefusedException>(editor.SubmitAsync);

        Assert.Contains($"\"{LabelingConfigNames.Verdict}\"", refused.Warning, StringComparison.Ordinal);
        Assert.Null(await editor.Page.EvaluateAsync<string?>("() => window.alcSubmitted && JSON.stringify(window.alcSubmitted)"));
    }

    [Fact]
    public async Task A_true_label_chosen_and_then_hidden_by_going_back_to_confirm_is_dropped_from_the_result()
    {
        // The true label's Choices is shown only while the verdict is wrong (visibleWhen); the editor serializes a
        // hidden Choices as nothing, even though its checkbox is still ticked underneath.
        SubmittedResult result = await Answer(LabelingConfigNames.Wrong, "table", LabelingConfigNames.Confirm);

        Assert.Equal([LabelingConfigNames.Confirm], result.Choices(LabelingConfigNames.Verdict));
        Assert.Null(result.Choices(LabelingConfigNames.TrueLabel));
        Assert.Equal(3, result.Items.Count);
    }

    /// <summary>Loads the small task, clicks <paramref name="choices"/> in order and submits.</summary>
    private async Task<SubmittedResult> Answer(params string[] choices)
    {
        await using LabelStudioEditor editor = await editors.OpenAsync();
        await editor.LoadAsync(QueryTask.Small);
        foreach (string choice in choices)
        {
            await editor.ChooseAsync(choice);
        }

        return SubmittedResult.Parse(await editor.SubmitAsync());
    }
}
