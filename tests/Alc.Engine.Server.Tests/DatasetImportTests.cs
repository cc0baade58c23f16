using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Alc.Core.Maps;
using Alc.Engine.Server.Contracts;
using Alc.Imaging.Maps;

namespace Alc.Engine.Server.Tests;

/// <summary>Dataset creation and import: valid data lands, bad data is a 4xx problem and leaves no dataset behind.</summary>
public sealed class DatasetImportTests : IDisposable
{
    private readonly Scratch _scratch = new();

    private EngineFactory Engine(int maxUploadMegabytes = 512) => new(_scratch.Data, new Dictionary<string, string?>
    {
        ["AllowedImportRoots"] = _scratch.Imports,
        ["MaxUploadMegabytes"] = maxUploadMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    [Fact]
    public async Task A_folder_import_stores_every_image_and_serves_its_bytes_labels_and_exports()
    {
        string world = _scratch.WriteWorld();
        await using var engine = Engine();
        var client = engine.CreateClient();
        var dataset = await client.ImportWorld("world", world);
        Assert.Equal(Alc.Core.World.WorldClasses.Create(4).Select(c => c.Name), dataset.Classes.Select(c => c.Name));
        var page = await client.Get<ImagePageDto>($"/datasets/{dataset.Id}/images?offset=2&limit=3");
        Assert.Equal(12, page.Total);
        Assert.Equal(3, page.Items.Count);
        var image = page.Items[0];
        Assert.Equal(File.ReadAllBytes(Path.Combine(world, "images", image.Stem + ".png")),
            await client.GetByteArrayAsync($"/datasets/{dataset.Id}/images/{image.Id}/photo"));
        await using (var served = await client.GetStreamAsync($"/datasets/{dataset.Id}/images/{image.Id}/labels.png"))
        {
            var expected = LabelMapFile.Read(Path.Combine(world, "pseudo", image.Stem + ".png"), 4);
            Assert.Equal(expected.Labels.ToArray(), LabelMapFile.Read(served, "served", 4).Labels.ToArray());
        }

        var voc = await client.GetAsync($"/datasets/{dataset.Id}/export?format=voc&labels=gt");
        Assert.Equal("application/zip", voc.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await voc.Content.ReadAsStreamAsync());
        Assert.Equal(12, zip.Entries.Count(e => e.FullName.Contains("SegmentationClass/", StringComparison.Ordinal)));
        await (await client.GetAsync($"/datasets/{dataset.Id}/export?format=tiff")).Problem(400);
        await (await client.GetAsync($"/datasets/{dataset.Id}/images?split=test")).Problem(400);

        // Same name again is a conflict.
        await (await client.Post("/datasets/import", new ImportDatasetRequest { Name = "world", Path = world })).Problem(409);
    }

    [Fact]
    public async Task Paths_outside_the_allowed_roots_or_with_dotdot_are_refused()
    {
        string world = _scratch.WriteWorld();
        string outside = Path.Combine(_scratch.Root, "outside");
        Directory.CreateDirectory(outside);
        await using var engine = Engine();
        var client = engine.CreateClient();
        await (await client.Post("/datasets/import", new ImportDatasetRequest { Name = "a", Path = outside })).Problem(403);
        await (await client.Post("/datasets/import", new ImportDatasetRequest { Name = "b", Path = "/etc" })).Problem(403);
        await (await client.Post("/datasets/import", new ImportDatasetRequest { Name = "c", Path = Path.Combine(_scratch.Imports, "..", "outside") })).Problem(400);
        await (await client.Post("/datasets/import", new ImportDatasetRequest { Name = "d", Path = world + "/../world" })).Problem(400);
        // Found by the contract fuzzer (seed 20261202): a NUL in the path made the file API throw (500).
        var nul = await (await client.Post("/datasets/import", new ImportDatasetRequest { Name = "e", Path = world + "\u0000x" })).Problem(400);
        Assert.Contains("control characters", nul.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await client.Post("/datasets/import", new ImportDatasetRequest { Name = "e", Path = Path.Combine(_scratch.Imports, "missing") })).Problem(404);
        // A link inside the root that leads out of it is judged by its target.
        Directory.CreateSymbolicLink(Path.Combine(_scratch.Imports, "link"), outside);
        await (await client.Post("/datasets/import", new ImportDatasetRequest { Name = "f", Path = Path.Combine(_scratch.Imports, "link") })).Problem(403);
        Assert.Empty(await client.Get<List<DatasetDto>>("/datasets"));
    }

    [Fact]
    public async Task A_folder_with_a_corrupt_png_or_a_wrong_size_map_is_422_and_imports_nothing()
    {
        string corrupt = _scratch.WriteWorld("corrupt");
        string stem = File.ReadAllLines(Path.Combine(corrupt, "splits", "train.txt"))[0];
        File.WriteAllBytes(Path.Combine(corrupt, "pseudo", stem + ".png"), [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
        string wrongSize = _scratch.WriteWorld("wrong-size");
        LabelMapFile.Write(Path.Combine(wrongSize, "gt", stem + ".png"), new LabelMap(16, 16, 4, new byte[256]));
        await using var engine = Engine();
        var client = engine.CreateClient();
        var problem = await (await client.Post("/datasets/import", new ImportDatasetRequest { Name = "a", Path = corrupt })).Problem(422);
        Assert.Contains(problem.GetProperty("errors").GetProperty("dataset").EnumerateArray(), e => e.GetString()!.Contains(stem, StringComparison.Ordinal));
        await (await client.Post("/datasets/import", new ImportDatasetRequest { Name = "b", Path = wrongSize })).Problem(422);
        Assert.Empty(await client.Get<List<DatasetDto>>("/datasets"));
    }

    [Fact]
    public async Task An_uploaded_zip_imports_and_zip_slip_oversize_and_non_zip_uploads_are_refused()
    {
        string world = _scratch.WriteWorld();
        string good = Path.Combine(_scratch.Root, "good.zip");
        ZipFile.CreateFromDirectory(world, good, CompressionLevel.Fastest, includeBaseDirectory: true);
        string slip = Path.Combine(_scratch.Root, "slip.zip");
        using (var archive = ZipFile.Open(slip, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(archive.CreateEntry("../../escaped.txt").Open());
            writer.Write("outside");
        }

        await using var engine = Engine(maxUploadMegabytes: 1);
        var client = engine.CreateClient();
        var dataset = await (await client.PostAsync("/datasets/upload", Upload("zipped", File.ReadAllBytes(good)))).Read<DatasetDto>(HttpStatusCode.Created);
        Assert.Equal(8, dataset.TrainImages);

        await (await client.PostAsync("/datasets/upload", Upload("slip", File.ReadAllBytes(slip)))).Problem(422);
        Assert.False(File.Exists(Path.Combine(_scratch.Data, "escaped.txt")));
        await (await client.PostAsync("/datasets/upload", Upload("junk", [1, 2, 3, 4]))).Problem(422);
        await (await client.PostAsync("/datasets/upload", Upload("huge", new byte[1_500_000]))).Problem(413);
        Assert.Single(await client.Get<List<DatasetDto>>("/datasets"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_scratch.Data, "tmp")));
    }

    [Fact]
    public async Task Images_added_one_by_one_are_decoded_and_checked_against_the_photo_size_and_the_classes()
    {
        string world = _scratch.WriteWorld();
        string stem = File.ReadAllLines(Path.Combine(world, "splits", "train.txt"))[0];
        byte[] photo = File.ReadAllBytes(Path.Combine(world, "images", stem + ".png"));
        byte[] pseudo = File.ReadAllBytes(Path.Combine(world, "pseudo", stem + ".png"));
        byte[] superpixels = File.ReadAllBytes(Path.Combine(world, "superpixels", stem + ".png"));
        byte[] small = LabelMapFile.Encode(new LabelMap(16, 16, 4, new byte[256]));
        byte[] outOfRange = LabelMapFile.Encode(new LabelMap(32, 32, 10, Enumerable.Repeat((byte)9, 1024).ToArray()));
        await using var engine = Engine();
        var client = engine.CreateClient();
        var dataset = await (await client.Post("/datasets", new CreateDatasetRequest
        {
            Name = "manual",
            Classes = [new ClassDto(0, "background", "#000000"), new ClassDto(1, "a", "#800000"), new ClassDto(2, "b", "#008000"), new ClassDto(3, "c", "#808000")],
        })).Read<DatasetDto>(HttpStatusCode.Created);
        string path = $"/datasets/{dataset.Id}/images";

        await (await client.PostAsync(path, ImageForm(stem, photo: [1, 2, 3], pseudo, superpixels))).Problem(422);
        await (await client.PostAsync(path, ImageForm(stem, photo, small, superpixels))).Problem(422);
        await (await client.PostAsync(path, ImageForm(stem, photo, outOfRange, superpixels))).Problem(422);
        await (await client.PostAsync(path, ImageForm("../evil", photo, pseudo, superpixels))).Problem(400);
        Assert.Equal(0, (await client.Get<DatasetDto>($"/datasets/{dataset.Id}")).TrainImages);

        var image = await (await client.PostAsync(path, ImageForm(stem, photo, pseudo, superpixels))).Read<ImageDto>(HttpStatusCode.Created);
        Assert.Equal((32, 32, false), (image.Width, image.Height, image.HasGroundTruth));
        await (await client.PostAsync(path, ImageForm(stem, photo, pseudo, superpixels))).Problem(409);

        await (await client.Post("/datasets", new CreateDatasetRequest { Name = "bad", Classes = [new ClassDto(1, "x", "red")] })).Problem(400);
    }

    private static MultipartFormDataContent Upload(string name, byte[] zip)
    {
        var form = new MultipartFormDataContent { { new StringContent(name), "name" } };
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "archive", "dataset.zip");
        return form;
    }

    private static MultipartFormDataContent ImageForm(string stem, byte[] photo, byte[] pseudo, byte[] superpixels) => new()
    {
        { new StringContent(stem), "stem" },
        { new StringContent("train"), "split" },
        { new ByteArrayContent(photo), "image", "photo.png" },
        { new ByteArrayContent(pseudo), "pseudo", "pseudo.png" },
        { new ByteArrayContent(superpixels), "superpixels", "superpixels.png" },
    };

    public void Dispose() => _scratch.Dispose();
}
