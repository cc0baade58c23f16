using System.Net;
using Alc.Engine.Server.Contracts;
using Alc.Imaging.Maps;
using Alc.Integrations.Cvat.Masks;
using Alc.Integrations.Cvat.Tasks;

namespace Alc.Engine.Server.Tests.Cvat;

/// <summary>Pushing a querying round into the CVAT contract fake: what is made there, and that a second push makes nothing.</summary>
public sealed class CvatPushTests
{
    [Fact]
    public async Task A_push_makes_one_frame_per_query_with_its_point_and_region_and_a_repeat_makes_nothing()
    {
        await using var bridge = await CvatBridge.Start();
        var dataset = bridge.Engine.Dataset;
        var pushed = await bridge.Push();
        Assert.True(pushed.CreatedProject && pushed.CreatedTask && pushed.WebhookCreated);
        Assert.Equal(1, pushed.Round);
        Assert.Equal(bridge.Engine.Round.Queries, pushed.Queries);
        Assert.Equal($"{CvatBridge.EngineUrl}/integrations/cvat/projects/{bridge.ProjectId}/webhook", pushed.WebhookUrl);
        Assert.Equal(2 * pushed.Queries, pushed.ShapesAdded);

        var labels = await bridge.Rest.LabelsAsync("project_id", pushed.CvatProjectId, CancellationToken.None);
        Assert.Equal([.. dataset.Classes.Select(c => c.Name), CorrectionLabels.Unlabelled, CorrectionLabels.Region], labels.Select(l => l.Name));
        long job = Assert.Single(pushed.JobIds);
        var frames = await bridge.Rest.FramesAsync(job, CancellationToken.None);
        Assert.Equal(pushed.Queries, frames.Count);
        var shapes = (await bridge.Rest.AnnotationsAsync(job, CancellationToken.None)).GetProperty("shapes").EnumerateArray().ToList();
        foreach (var frame in frames)
        {
            long queryId = QueryFrames.QueryOf(frame.Name) ?? throw new InvalidOperationException(frame.Name);
            var query = await bridge.Client.Get<QueryDto>($"/queries/{queryId}");
            var onFrame = shapes.Where(s => s.GetProperty("frame").GetInt32() == frame.Number).ToList();
            var point = Assert.Single(onFrame, s => s.GetProperty("type").GetString() == "points");
            Assert.Equal([query.X + 0.5, query.Y + 0.5], point.GetProperty("points").EnumerateArray().Select(p => p.GetDouble()));
            Assert.Equal(query.ShownClass, labels.Single(l => l.Id == point.GetProperty("label_id").GetInt64()).Name);
            var queryAttribute = labels.Single(l => l.Name == query.ShownClass).Attributes.Single(a => a.Name == CorrectionLabels.QueryAttribute);
            Assert.Contains(point.GetProperty("attributes").EnumerateArray(),
                a => a.GetProperty("spec_id").GetInt64() == queryAttribute.Id && a.GetProperty("value").GetString() == $"{queryId}");

            // The mask is the query's superpixel (or its stored region), decoded from CVAT's RLE over the frame.
            var mask = Assert.Single(onFrame, s => s.GetProperty("type").GetString() == "mask");
            Assert.Equal(CorrectionLabels.Region, labels.Single(l => l.Id == mask.GetProperty("label_id").GetInt64()).Name);
            var covers = CvatMaskRle.Decode([.. mask.GetProperty("points").EnumerateArray().Select(p => p.GetDouble())], frame.Width, frame.Height);
            Assert.True(covers[(query.Y * frame.Width) + query.X]);
            if (query.Region is { } region)
            {
                Assert.Equal(region.Pixels, covers.Count(c => c));
            }
            else
            {
                await using var stream = await bridge.Client.GetStreamAsync($"/datasets/{dataset.Id}/images/{query.ImageId}/superpixels.png");
                var superpixels = SuperpixelMapFile.Read(stream, "superpixels.png");
                Assert.Equal(Enumerable.Range(0, covers.Length).Select(p => superpixels.Ids[p] == query.SuperpixelId), covers);
            }
        }

        var webhook = Assert.Single(await bridge.Rest.WebhooksAsync(pushed.CvatProjectId, CancellationToken.None));
        Assert.Equal(pushed.WebhookUrl, webhook.GetProperty("target_url").GetString());
        Assert.Equal(["update:job"], webhook.GetProperty("events").EnumerateArray().Select(e => e.GetString()));

        int writes = bridge.Cvat.Calls.Count(c => c.Method != "GET");
        var again = await bridge.Push(HttpStatusCode.OK);
        Assert.False(again.CreatedProject || again.CreatedTask || again.WebhookCreated);
        Assert.Equal(0, again.ShapesAdded);
        Assert.Equal((pushed.TaskId, pushed.JobIds.Single(), pushed.Queries), (again.TaskId, again.JobIds.Single(), again.Queries));
        Assert.Equal(writes, bridge.Cvat.Calls.Count(c => c.Method != "GET"));
    }

    [Fact]
    public async Task An_unreachable_cvat_is_a_502_that_names_it_and_changes_nothing()
    {
        await using var bridge = await CvatBridge.Start(settings: new Dictionary<string, string?> { ["Cvat:Url"] = "http://127.0.0.1:9" });
        string before = await bridge.Engine.Snapshot();
        var problem = await (await bridge.Client.PostAsync($"/integrations/cvat/projects/{bridge.ProjectId}/push", null)).Problem(502);
        Assert.Contains("http://127.0.0.1:9/ could not be reached", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await bridge.Engine.Snapshot());
    }

    [Fact]
    public async Task Push_and_webhook_refuse_until_the_integration_is_configured()
    {
        using var scratch = new Scratch();
        await using (var bare = new EngineFactory(scratch.Data))
        {
            var client = bare.CreateClient();
            var problem = await (await client.PostAsync("/integrations/cvat/projects/1/push", null)).Problem(409);
            Assert.Contains("ALC_CVAT__URL", problem.GetProperty("detail").GetString());
            var closed = await (await client.PostAsync("/integrations/cvat/projects/1/webhook", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))).Problem(403);
            Assert.Contains("ALC_CVAT__WEBHOOKSECRET", closed.GetProperty("detail").GetString());
        }

        await using var noSecret = new EngineFactory(scratch.Data, new Dictionary<string, string?> { ["Cvat:Url"] = "http://127.0.0.1:9", ["Cvat:Token"] = "t" });
        var refused = await (await noSecret.CreateClient().PostAsync("/integrations/cvat/projects/1/push", null)).Problem(409);
        Assert.Contains("ALC_CVAT__WEBHOOKSECRET", refused.GetProperty("detail").GetString());
    }
}
