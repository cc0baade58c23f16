using Alc.Engine.Ui.Tests;
using Alc.Integrations.LabelStudio.Config;

namespace Alc.Integrations.LabelStudio.Editor.Tests;

/// <summary>
/// Screenshots of the real editor showing a query as the engine predicts it, saved to <c>screenshots/</c> in the
/// test output for <c>examples/LabelStudio/README.md</c>: the 800×600 task, before and after the annotator says wrong.
/// </summary>
[Collection(EditorGroup.Name)]
public sealed class ReadmeScreenshotTests(EditorFixture editors)
{
    [Fact]
    public async Task The_showcase_task_is_shown_with_its_query_and_the_true_labels_appear_when_the_verdict_is_wrong()
    {
        QueryTask task = QueryTask.Showcase;
        await using LabelStudioEditor editor = await editors.OpenAsync();
        await editor.LoadAsync(task);
        await editor.ScreenshotAsync(Path.Combine(Screenshots.Folder, "editor-query.png"));

        await editor.ChooseAsync(LabelingConfigNames.Wrong);
        await editor.ChooseAsync("table");
        await editor.ScreenshotAsync(Path.Combine(Screenshots.Folder, "editor-query-wrong.png"));
        SubmittedResult result = SubmittedResult.Parse(await editor.SubmitAsync());

        Assert.Equal(["table"], result.Choices(LabelingConfigNames.TrueLabel));
        Assert.Equal(task.PointX, (double)result.One(LabelingConfigNames.QueryPoint)["value"]!["x"]!);
        Assert.True(File.Exists(Path.Combine(Screenshots.Folder, "editor-query.png")));
    }
}
