using System.Text.Json;
using Alc.Engine.Server.Contracts;

namespace Alc.Engine.Server.Tests.LabelStudio;

/// <summary>
/// A campaign driven only through the Label Studio endpoints reaches the labels the same campaign reaches through the
/// REST API: two projects with the same settings on one dataset, two rounds each, every query answered from ground truth —
/// one by a REST annotator, the other as Label Studio would deliver it (tasks from tasks.json and /predict, answers as
/// webhook payloads, rounds started by START_TRAINING).
/// </summary>
public sealed class LabelStudioCampaignTests : IDisposable
{
    private readonly Scratch _scratch = new();

    [Fact]
    public async Task Label_studio_and_the_rest_api_give_the_same_queries_and_the_same_labels()
    {
        string world = _scratch.WriteWorld();
        using var engine = new EngineFactory(_scratch.Data, new Dictionary<string, string?> { ["AllowedImportRoots"] = _scratch.Imports });
        var client = engine.CreateClient();
        var dataset = await client.ImportWorld("world", world);
        var rest = await client.CreateProject(dataset.Id, "through-rest");
        var studio = await client.CreateProject(dataset.Id, "through-label-studio");
        var truth = new GroundTruth(client, dataset.Id, dataset.Classes.Count);
        long annotation = 100;

        for (int number = 1; number <= 2; number++)
        {
            await client.RunRound(rest.Id);
            var batch = await client.Lease(rest.Id, "ann", 100);
            var answers = new List<AnswerItem>();
            foreach (var q in batch.Queries)
            {
                answers.Add(await truth.Answer(q));
            }

            Assert.True((await (await client.Answer(rest.Id, $"rest-{number}", new AnswerBatchRequest { Annotator = "ann", Answers = answers }))
                .Read<AnswerBatchResponse>()).RoundClosed);

            var started = await client.Deliver(studio.Id, WebhookBodies.Fixture("start-training.json"));
            Assert.Equal(number, started.GetProperty("round").GetInt32());
            Assert.Equal(JobState.Succeeded, (await client.WaitForJob(started.GetProperty("jobId").GetInt64())).State);

            var tasks = JsonDocument.Parse(await client.GetStringAsync($"{WebhookBodies.Prefix(studio.Id)}/tasks.json")).RootElement;
            var asked = new List<(long Image, int X, int Y, string Shown)>();
            JsonElement last = default;
            foreach (var task in tasks.EnumerateArray())
            {
                var data = System.Text.Json.Nodes.JsonNode.Parse(task.GetProperty("data").GetRawText())!;
                var prediction = (await client.Predict(studio.Id, data))[0];
                var (image, x, y, shown) = await Shown(client, prediction, (long)data["query_id"]!);
                asked.Add((image, x, y, shown));
                var map = await truth.Map(image);
                string right = dataset.Classes[map[(y * map.Width) + x]].Name;
                last = await client.Deliver(studio.Id, WebhookBodies.Annotation((long)data["query_id"]!, studio.Id, annotationId: annotation++,
                    trueLabel: right == shown ? null : right));
            }

            Assert.True(last.GetProperty("roundClosed").GetBoolean());
            // The same queries, in the same order, showing the same labels.
            Assert.Equal(batch.Queries.Select(q => (q.ImageId, q.X, q.Y, q.ShownClass)), asked);
        }

        foreach (var image in (await client.Get<ImagePageDto>($"/datasets/{dataset.Id}/images?split=train")).Items)
        {
            Assert.Equal(await client.GetByteArrayAsync($"/projects/{rest.Id}/images/{image.Id}/labels.png"),
                await client.GetByteArrayAsync($"/projects/{studio.Id}/images/{image.Id}/labels.png"));
        }

        var restMetrics = await client.Get<ProjectMetricsDto>($"/projects/{rest.Id}/metrics");
        var studioMetrics = await client.Get<ProjectMetricsDto>($"/projects/{studio.Id}/metrics");
        Assert.Equal(restMetrics.Rounds.Select(r => r.DataMIoU), studioMetrics.Rounds.Select(r => r.DataMIoU));
    }

    public void Dispose() => _scratch.Dispose();

    // Where the prediction's keypoint is (percent of the image → pixel) and the label it shows; the image from the query.
    private static async Task<(long Image, int X, int Y, string Shown)> Shown(HttpClient client, JsonElement prediction, long queryId)
    {
        var point = prediction.GetProperty("result")[0];
        var value = point.GetProperty("value");
        int width = point.GetProperty("original_width").GetInt32(), height = point.GetProperty("original_height").GetInt32();
        int x = (int)Math.Floor(value.GetProperty("x").GetDouble() / 100 * width);
        int y = (int)Math.Floor(value.GetProperty("y").GetDouble() / 100 * height);
        var query = await client.Get<QueryDto>($"/queries/{queryId}");
        return (query.ImageId, x, y, value.GetProperty("keypointlabels")[0].GetString()!);
    }
}
