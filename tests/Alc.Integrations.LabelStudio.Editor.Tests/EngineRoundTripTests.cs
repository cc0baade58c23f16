using System.Text.Json;
using System.Text.Json.Nodes;
using Alc.Core.Cost;
using Alc.Core.World;
using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Tests;
using Alc.Engine.Server.Tests.LabelStudio;
using Alc.Engine.Ui.Tests;
using Alc.Integrations.LabelStudio.Config;
using Alc.Storage.Answers;
using Microsoft.Extensions.DependencyInjection;

namespace Alc.Integrations.LabelStudio.Editor.Tests;

/// <summary>
/// The whole Label Studio path with the real editor as the client: a real engine (HTTP pipeline, SQLite file) makes the
/// config, the task and its prediction; the editor shows them and an annotator answers; the editor's own
/// <c>serializeAnnotation()</c> goes back to the engine in Label Studio's webhook shape, and the engine stores exactly that answer.
/// No Label Studio server runs here: the editor is the part of Label Studio that produces what its webhooks carry.
/// </summary>
[Collection(EditorGroup.Name)]
public sealed class EngineRoundTripTests(EditorFixture editors)
{
    // Images large enough for the editor to show at a readable size (it never enlarges small ones).
    private static readonly WorldOptions World = Scratch.SmallWorld with { Size = 320, Train = 4, Val = 2 };

    [Fact]
    public async Task A_wrong_verdict_with_a_true_label_chosen_in_the_editor_is_stored_as_that_correction()
    {
        await using var p = await QueryingProject.Start(world: World);
        var (task, query) = await FirstTask(p);
        var truth = p.Dataset.Classes.First(c => c.Id != query.ShownLabel);

        await using var editor = await editors.OpenAsync();
        await editor.LoadAsync(await p.Client.GetStringAsync($"{WebhookBodies.Prefix(p.Project.Id)}/config.xml"), await EditorTask(p, task));
        await editor.ScreenshotAsync(Path.Combine(Screenshots.Folder, "engine-task.png"));
        await editor.ChooseAsync(LabelingConfigNames.Wrong);
        await editor.ChooseAsync(truth.Name);
        await editor.ScreenshotAsync(Path.Combine(Screenshots.Folder, "engine-task-wrong.png"));
        var serialized = JsonNode.Parse(await editor.SubmitAsync())!.AsArray();

        // The engine's keypoint comes back from the editor where the engine put it (the editor converts percent to
        // canvas pixels and back, so the last bits of a double may differ) with its shown label.
        var predicted = task["predictions"]![0]!["result"]![0]!["value"]!;
        var point = serialized.Single(i => (string?)i!["from_name"] == LabelingConfigNames.QueryPoint)!["value"]!;
        Assert.Equal((double)predicted["x"]!, (double)point["x"]!, 1e-9);
        Assert.Equal((double)predicted["y"]!, (double)point["y"]!, 1e-9);
        Assert.Equal(query.ShownClass, (string?)point["keypointlabels"]![0]);

        var stored = await Deliver(p, query.Id, serialized);
        Assert.Equal(QueryVerdict.Correct, stored.Verdict);
        Assert.Equal(truth.Id, stored.Label);
        Assert.Equal("label-studio/annotation-17", stored.Source);
        Assert.True((await p.Client.Get<QueryDto>($"/queries/{query.Id}")).Answered);
    }

    [Fact]
    public async Task A_confirm_in_the_editor_is_stored_as_a_confirm_and_an_unsure_update_supersedes_it()
    {
        await using var p = await QueryingProject.Start(world: World);
        var (task, query) = await FirstTask(p);
        string config = await p.Client.GetStringAsync($"{WebhookBodies.Prefix(p.Project.Id)}/config.xml");

        await using (var editor = await editors.OpenAsync())
        {
            await editor.LoadAsync(config, await EditorTask(p, task));
            await editor.ChooseAsync(LabelingConfigNames.Confirm);
            Assert.Equal(QueryVerdict.Confirm, (await Deliver(p, query.Id, JsonNode.Parse(await editor.SubmitAsync())!.AsArray())).Verdict);
        }

        await using (var editor = await editors.OpenAsync())
        {
            await editor.LoadAsync(config, await EditorTask(p, task));
            await editor.ChooseAsync(LabelingConfigNames.Unsure);
            var revised = await Deliver(p, query.Id, JsonNode.Parse(await editor.SubmitAsync())!.AsArray(), updated: true);
            Assert.Equal(QueryVerdict.Unsure, revised.Verdict);
            Assert.Null(revised.Label);
        }
    }

    // The first task of the engine's tasks.json, with its query.
    private static async Task<(JsonNode Task, QueryDto Query)> FirstTask(QueryingProject p)
    {
        var tasks = JsonNode.Parse(await p.Client.GetStringAsync($"{WebhookBodies.Prefix(p.Project.Id)}/tasks.json"))!.AsArray();
        Assert.Equal(p.Round.Queries, tasks.Count);
        var task = tasks[0]!;
        long queryId = (long)task["data"]!["query_id"]!;
        return (task, await p.Client.Get<QueryDto>($"/queries/{queryId}"));
    }

    // The task as the editor gets it: the prediction from the engine's /predict, the image from the engine, served at the editor's origin.
    private async Task<string> EditorTask(QueryingProject p, JsonNode task)
    {
        var data = task["data"]!.DeepClone().AsObject();
        var prediction = (await p.Client.Predict(p.Project.Id, data.DeepClone()))[0];
        byte[] image = await p.Client.GetByteArrayAsync(new Uri((string)data["image"]!).PathAndQuery);
        data["image"] = editors.AddImage($"engine-{p.Project.Id}-{data["query_id"]}.png", image);
        return new JsonObject
        {
            ["id"] = 1,
            ["data"] = data,
            ["annotations"] = new JsonArray(),
            ["predictions"] = new JsonArray(JsonNode.Parse(prediction.GetRawText())),
        }.ToJsonString();
    }

    // Posts the editor's result in Label Studio's webhook shape; returns what the engine stored for the query.
    private static async Task<AnswerRow> Deliver(QueryingProject p, long queryId, JsonArray result, bool updated = false)
    {
        var body = WebhookBodies.Annotation(queryId, p.Project.Id, updated: updated);
        body["annotation"]!["result"] = result;
        var response = await p.Client.Deliver(p.Project.Id, body);
        Assert.Equal(updated ? "revised" : "stored", response.GetProperty("status").GetString());
        return p.Engine.Services.GetRequiredService<AnswerRepository>().ForQuery(queryId)!;
    }
}
