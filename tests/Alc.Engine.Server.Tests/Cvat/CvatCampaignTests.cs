using Alc.Engine.Server.Contracts;
using Alc.Integrations.Cvat.Tasks;

namespace Alc.Engine.Server.Tests.Cvat;

/// <summary>
/// A campaign driven through CVAT (the contract fake) reaches the labels the same campaign reaches through the REST API:
/// two projects with the same settings on one dataset, two rounds each, every query answered from ground truth — one by
/// a REST annotator, the other by editing the points of the round's CVAT job and marking it completed, which also
/// starts the next round.
/// </summary>
public sealed class CvatCampaignTests
{
    [Fact]
    public async Task Cvat_and_the_rest_api_give_the_same_queries_and_the_same_labels()
    {
        await using var bridge = await CvatBridge.Start();
        var client = bridge.Client;
        var dataset = bridge.Engine.Dataset;
        var truth = new GroundTruth(client, dataset.Id, dataset.Classes.Count);
        var rest = await client.CreateProject(dataset.Id, "through-rest");

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

            var pushed = await bridge.Push();
            Assert.Equal(number, pushed.Round);
            long job = pushed.JobIds.Single();
            var asked = new List<(long Image, int X, int Y, string Shown)>();
            foreach (var frame in await bridge.Rest.FramesAsync(job, CancellationToken.None))
            {
                var query = await client.Get<QueryDto>($"/queries/{QueryFrames.QueryOf(frame.Name)}");
                asked.Add((query.ImageId, query.X, query.Y, query.ShownClass));
                var map = await truth.Map(query.ImageId);
                string right = dataset.Classes[map[(query.Y * map.Width) + query.X]].Name;
                if (right != query.ShownClass)
                {
                    bridge.Cvat.SetShapeLabel(job, (await bridge.PointOf(job, query.Id)).ShapeId, right);
                }
            }

            // The same queries, in the same order, showing the same labels.
            Assert.Equal(batch.Queries.OrderBy(q => q.Id).Select(q => (q.ImageId, q.X, q.Y, q.ShownClass)), asked);
            var receipt = await bridge.Complete(job);
            Assert.Equal((asked.Count, true, number + 1), (receipt.Stored, receipt.RoundClosed, receipt.NextRound));
            Assert.Equal(JobState.Succeeded, (await client.WaitForJob(receipt.TrainingJobId!.Value)).State);
        }

        // The CVAT project's third round was started by its last completion (its job may relabel D_t): the REST project's too.
        await client.RunRound(rest.Id);

        foreach (var image in (await client.Get<ImagePageDto>($"/datasets/{dataset.Id}/images?split=train")).Items)
        {
            Assert.Equal(await client.GetByteArrayAsync($"/projects/{rest.Id}/images/{image.Id}/labels.png"),
                await client.GetByteArrayAsync($"/projects/{bridge.ProjectId}/images/{image.Id}/labels.png"));
        }

        var restMetrics = await client.Get<ProjectMetricsDto>($"/projects/{rest.Id}/metrics");
        var cvatMetrics = await client.Get<ProjectMetricsDto>($"/projects/{bridge.ProjectId}/metrics");
        Assert.Equal(restMetrics.Rounds.Select(r => r.DataMIoU), cvatMetrics.Rounds.Select(r => r.DataMIoU));
    }
}
