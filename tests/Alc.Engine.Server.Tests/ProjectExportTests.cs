using System.IO.Compression;
using System.Net;
using Alc.Imaging.Maps;
using Alc.Imaging.Photos;

namespace Alc.Engine.Server.Tests;

/// <summary>
/// A project's VOC export is a VOC folder a VOC reader takes as is: JPEG photos under <c>JPEGImages/*.jpg</c>, both split
/// lists filled, a top folder named after the project, and a README saying which labels it holds.
/// </summary>
public sealed class ProjectExportTests : IDisposable
{
    private readonly Scratch _scratch = new();

    [Fact]
    public async Task The_voc_export_has_jpeg_photos_both_splits_the_projects_name_and_says_what_its_labels_are()
    {
        string world = _scratch.WriteWorld();
        await using var engine = new EngineFactory(_scratch.Data, new Dictionary<string, string?> { ["AllowedImportRoots"] = _scratch.Imports });
        var client = engine.CreateClient();
        var dataset = await client.ImportWorld("world", world);
        var project = await client.CreateProject(dataset.Id, "street scenes/v2");

        var response = await client.GetAsync($"/projects/{project.Id}/export?format=voc");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("street-scenes-v2-voc.zip", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.All(zip.Entries, e => Assert.StartsWith("street-scenes-v2/", e.FullName, StringComparison.Ordinal));
        string Text(string name)
        {
            using var reader = new StreamReader(zip.GetEntry($"street-scenes-v2/{name}")!.Open());
            return reader.ReadToEnd();
        }

        string[] Lines(string name) => Text(name).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string[] train = File.ReadAllLines(Path.Combine(world, "splits", "train.txt")), val = File.ReadAllLines(Path.Combine(world, "splits", "val.txt"));
        Assert.Equal(train, Lines("ImageSets/Segmentation/train.txt"));
        Assert.Equal(val, Lines("ImageSets/Segmentation/val.txt"));
        Assert.Contains("D_t", Text("README.txt"), StringComparison.Ordinal);
        Assert.Contains("'street scenes/v2'", Text("README.txt"), StringComparison.Ordinal);
        foreach (string stem in train.Concat(val))
        {
            // The world's photos are PNGs: the export re-encodes them as the JPEGs VOC readers look for, at the same size.
            var photo = zip.GetEntry($"street-scenes-v2/JPEGImages/{stem}.jpg")!;
            using var bytes = new MemoryStream();
            using (var stream = photo.Open())
            {
                stream.CopyTo(bytes);
            }

            Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF }, bytes.ToArray()[..3]);
            var decoded = RgbImageCodec.Decode(bytes.ToArray(), stem + ".jpg");
            Assert.Equal((32, 32), (decoded.Width, decoded.Height));
        }

        // Validation images keep the labels they were imported with: their ground truth here.
        foreach (string stem in val)
        {
            using var mask = zip.GetEntry($"street-scenes-v2/SegmentationClass/{stem}.png")!.Open();
            var expected = LabelMapFile.Read(Path.Combine(world, "gt", stem + ".png"), 4);
            Assert.Equal(expected.Labels.ToArray(), LabelMapFile.Read(mask, stem, 4).Labels.ToArray());
        }
    }

    public void Dispose() => _scratch.Dispose();
}
