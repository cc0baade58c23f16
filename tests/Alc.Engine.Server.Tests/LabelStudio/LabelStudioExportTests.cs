using System.Text.Json;
using Alc.Core;
using Alc.Integrations.LabelStudio.Labels;

namespace Alc.Engine.Server.Tests.LabelStudio;

/// <summary>D_t as Label Studio tasks: every training image's current labels come back exactly from its brush masks.</summary>
public sealed class LabelStudioExportTests
{
    [Fact]
    public async Task The_export_holds_every_training_image_with_its_current_labels_and_the_segmentation_config_names_every_class()
    {
        await using var p = await QueryingProject.Start();
        var query = await p.Client.Get<Contracts.QueryDto>("/queries/2");
        await p.Client.Deliver(p.Project.Id, WebhookBodies.Annotation(2, p.Project.Id, trueLabel: p.Dataset.Classes.First(c => c.Id != query.ShownLabel).Name));

        string prefix = WebhookBodies.Prefix(p.Project.Id);
        var classes = p.Dataset.Classes.Select(c => new ClassInfo(c.Id, c.Name, c.Color)).ToList();
        var tasks = JsonDocument.Parse(await p.Client.GetStringAsync($"{prefix}/export.json")).RootElement;
        Assert.Equal(p.Dataset.TrainImages, tasks.GetArrayLength());
        var truth = new GroundTruth(p.Client, p.Dataset.Id, classes.Count);
        foreach (var task in tasks.EnumerateArray())
        {
            var url = new Uri(task.GetProperty("data").GetProperty("image").GetString()!);
            long imageId = long.Parse(url.Segments[^1], System.Globalization.CultureInfo.InvariantCulture);
            var current = await truth.Map(imageId, projectId: p.Project.Id);
            Assert.Equal(current.Labels.ToArray(), BrushTaskLabels.Read(task, classes, current.Width, current.Height).Labels.ToArray());
            Assert.Equal("image/png", (await p.Client.GetAsync(url.PathAndQuery)).Content.Headers.ContentType?.MediaType);
        }

        string config = await p.Client.GetStringAsync($"{prefix}/segmentation.xml");
        Assert.All(classes, c => Assert.Contains($"<Label value=\"{c.Name}\"", config, StringComparison.Ordinal));
    }
}
