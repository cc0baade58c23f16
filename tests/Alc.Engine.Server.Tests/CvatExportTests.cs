using System.IO.Compression;
using System.Net;
using Alc.Core.Maps;
using Alc.Engine.Server.Contracts;
using Alc.Imaging.Maps;
using Alc.Imaging.Png;

namespace Alc.Engine.Server.Tests;

/// <summary>format=cvat on the export routes: a CVAT "Segmentation mask 1.1" zip whose masks read back to the labels exported.</summary>
public sealed class CvatExportTests : IDisposable
{
    // The small world's four classes with their VOC palette colours; CVAT's background is the world's class 0.
    private const string WorldLabelMap = "# label:color_rgb:parts:actions\nbackground:0,0,0::\nchair:128,0,0::\nsofa:0,128,0::\ncat:128,128,0::\n";

    private readonly Scratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Project_export_as_cvat_is_a_zip_of_the_training_labels_D_t_and_the_validation_labels_with_its_files_at_the_root()
    {
        await using var setup = await QueryingProject.Start();
        var client = setup.Client;
        var response = await client.GetAsync($"/projects/{setup.Project.Id}/export?format=cvat");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{setup.Project.Name}-cvat-mask-1.1.zip", response.Content.Headers.ContentDisposition?.FileName);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());

        var train = (await client.Get<ImagePageDto>($"/datasets/{setup.Dataset.Id}/images?split=train")).Items;
        var val = (await client.Get<ImagePageDto>($"/datasets/{setup.Dataset.Id}/images?split=val")).Items;
        Assert.Equal(WorldLabelMap, Text(zip, "labelmap.txt"));
        Assert.Equal(string.Concat(train.Select(i => i.Stem + "\n")), Text(zip, "ImageSets/Segmentation/train.txt"));
        Assert.Equal(string.Concat(val.Select(i => i.Stem + "\n")), Text(zip, "ImageSets/Segmentation/val.txt"));
        var expectedFiles = train.Concat(val).SelectMany(i => new[] { $"JPEGImages/{i.Stem}.png", $"SegmentationClass/{i.Stem}.png", $"SegmentationObject/{i.Stem}.png" })
            .Append("ImageSets/Segmentation/train.txt").Append("ImageSets/Segmentation/val.txt").Append("labelmap.txt").Order(StringComparer.Ordinal);
        Assert.Equal(expectedFiles, zip.Entries.Where(e => !e.FullName.EndsWith('/')).Select(e => e.FullName).Order(StringComparer.Ordinal));

        foreach (var image in train)
        {
            var labels = LabelMapFile.Read(await client.GetStreamAsync($"/projects/{setup.Project.Id}/images/{image.Id}/labels.png"), "labels.png", 4);
            byte[] expected = [.. labels.Labels.ToArray().Select(v => v == LabelMap.Ignore ? (byte)0 : v)];
            Assert.Equal(expected, ClassIds(zip, image.Stem));
            Assert.Equal(await client.GetByteArrayAsync($"/datasets/{setup.Dataset.Id}/images/{image.Id}/photo"), Bytes(zip, $"JPEGImages/{image.Stem}.png"));
        }

        // Validation images keep the labels they were imported with: their ground truth.
        foreach (var image in val)
        {
            var truth = LabelMapFile.Read(await client.GetStreamAsync($"/datasets/{setup.Dataset.Id}/images/{image.Id}/labels.png?source=gt"), "gt.png", 4);
            Assert.Equal([.. truth.Labels.ToArray().Select(v => v == LabelMap.Ignore ? (byte)0 : v)], ClassIds(zip, image.Stem));
        }

        var problem = await (await client.GetAsync($"/projects/{setup.Project.Id}/export?format=cvat-xml")).Problem(400);
        Assert.Equal("format must be voc, coco or cvat (got 'cvat-xml').", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Dataset_export_as_cvat_lists_both_splits_and_a_bad_format_or_class_name_is_a_problem()
    {
        string world = _scratch.WriteWorld();
        await using var engine = new EngineFactory(_scratch.Data, new Dictionary<string, string?> { ["AllowedImportRoots"] = _scratch.Imports });
        var client = engine.CreateClient();
        var dataset = await client.ImportWorld("world", world);
        using (var zip = new ZipArchive(await client.GetStreamAsync($"/datasets/{dataset.Id}/export?format=cvat&labels=gt")))
        {
            Assert.Equal(WorldLabelMap, Text(zip, "labelmap.txt"));
            foreach (string split in new[] { "train", "val" })
            {
                var stems = File.ReadAllLines(Path.Combine(world, "splits", split + ".txt"));
                Assert.Equal(stems, Text(zip, $"ImageSets/Segmentation/{split}.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries));
                foreach (string stem in stems)
                {
                    var gt = LabelMapFile.Read(Path.Combine(world, "gt", stem + ".png"), 4);
                    Assert.Equal([.. gt.Labels.ToArray().Select(v => v == LabelMap.Ignore ? (byte)0 : v)], ClassIds(zip, stem));
                }
            }
        }

        var problem = await (await client.GetAsync($"/datasets/{dataset.Id}/export?format=tiff")).Problem(400);
        Assert.Equal("format must be voc, coco or cvat (got 'tiff').", problem.GetProperty("detail").GetString());

        // A name CVAT's labelmap.txt cannot hold is refused, not renamed: CVAT matches labels by name.
        var colon = await (await client.Post("/datasets", new CreateDatasetRequest
        {
            Name = "colon",
            Classes = [new ClassDto(0, "background", "#000000"), new ClassDto(1, "road:wet", "#800000")],
        })).Read<DatasetDto>(HttpStatusCode.Created);
        string stem0 = File.ReadAllLines(Path.Combine(world, "splits", "train.txt"))[0];
        var form = new MultipartFormDataContent
        {
            { new StringContent(stem0), "stem" },
            { new StringContent("train"), "split" },
            { new ByteArrayContent(File.ReadAllBytes(Path.Combine(world, "images", stem0 + ".png"))), "image", "photo.png" },
            { new ByteArrayContent(LabelMapFile.Encode(new LabelMap(32, 32, 2, new byte[1024]))), "pseudo", "pseudo.png" },
            { new ByteArrayContent(File.ReadAllBytes(Path.Combine(world, "superpixels", stem0 + ".png"))), "superpixels", "superpixels.png" },
        };
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/datasets/{colon.Id}/images", form)).StatusCode);
        problem = await (await client.GetAsync($"/datasets/{colon.Id}/export?format=cvat")).Problem(422);
        Assert.Equal("classes: class 1 is named 'road:wet', which CVAT's labelmap.txt cannot hold: ':' separates the fields of a line",
            problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/datasets/{colon.Id}/export?format=voc")).StatusCode);
    }

    private static byte[] Bytes(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name);
        Assert.True(entry is not null, $"{name} is missing from the zip");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Text(ZipArchive zip, string name) => System.Text.Encoding.UTF8.GetString(Bytes(zip, name));

    // SegmentationClass/<stem>.png (24-bit RGB) as class ids, through labelmap.txt's colours in line order (the world has no added line).
    private static byte[] ClassIds(ZipArchive zip, string stem)
    {
        var ids = Text(zip, "labelmap.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#'))
            .Select((line, id) => (Color: line.Split(':')[1], Id: (byte)id)).ToDictionary(l => l.Color, l => l.Id);
        var png = PngMapCodec.Read(Bytes(zip, $"SegmentationClass/{stem}.png"), stem);
        Assert.Equal(PngColorType.Rgb, png.Header.ColorType);
        var result = new byte[png.Width * png.Height];
        for (int y = 0; y < png.Height; y++)
        {
            for (int x = 0; x < png.Width; x++)
            {
                result[(y * png.Width) + x] = ids[$"{png.GetSample(x, y, 0)},{png.GetSample(x, y, 1)},{png.GetSample(x, y, 2)}"];
            }
        }

        return result;
    }
}
