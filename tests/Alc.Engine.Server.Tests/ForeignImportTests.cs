using System.Net;
using Alc.Core.Maps;
using Alc.Engine.Server.Contracts;
using Alc.Imaging.Maps;
using Alc.Imaging.Photos;

namespace Alc.Engine.Server.Tests;

/// <summary>
/// One-step import of a VOC folder or a COCO JSON on the server (<c>POST /datasets/import</c> with <c>format</c>): the real
/// PASCAL VOC files of Debian's <c>labelme-examples</c> (installed by build/test.sh) land with their masks as D0, read by
/// index, and refusals name the field and store nothing.
/// </summary>
public sealed class ForeignImportTests : IDisposable
{
    private const string LabelmeVoc = "/usr/share/doc/labelme-examples/examples/semantic_segmentation/data_dataset_voc";
    private readonly Scratch _scratch = new();

    private EngineFactory Engine() => new(_scratch.Data, new Dictionary<string, string?> { ["AllowedImportRoots"] = _scratch.Imports });

    [Fact]
    public async Task A_real_voc_folder_imports_in_one_step_with_its_masks_as_pseudo_labels_and_slic_superpixels()
    {
        Assert.True(Directory.Exists(LabelmeVoc), $"{LabelmeVoc} is missing: run `apt-get install -y labelme-examples` (build/test.sh does).");
        string voc = Copy(LabelmeVoc, Path.Combine(_scratch.Imports, "voc"));
        string[] classNames = File.ReadAllLines(Path.Combine(voc, "class_names.txt")).Where(l => l.Length > 0).ToArray();
        string[] stems = Directory.GetFiles(Path.Combine(voc, "SegmentationClassPNG"), "*.png").Select(f => Path.GetFileNameWithoutExtension(f)!).Order().ToArray();
        await using var engine = Engine();
        var client = engine.CreateClient();

        var dataset = await (await client.Post("/datasets/import", new ImportDatasetRequest { Name = "labelme", Path = voc, Format = ImportFormat.Voc, SlicSegments = 50 }))
            .Read<DatasetDto>(HttpStatusCode.Created);
        // labelme writes "_background_" for class 0; the engine names it "background". No ImageSets/: every image is train.
        Assert.Equal(["background", .. classNames[1..]], dataset.Classes.Select(c => c.Name));
        Assert.Equal((21, 3, 0), (dataset.Classes.Count, dataset.TrainImages, dataset.ValImages));
        var images = await client.Get<ImagePageDto>($"/datasets/{dataset.Id}/images?limit=100");
        Assert.Equal(stems, images.Items.Select(i => i.Stem).Order());
        foreach (var image in images.Items)
        {
            var expected = LabelMapFile.Read(Path.Combine(voc, "SegmentationClassPNG", image.Stem + ".png"), classNames.Length);
            await using var served = await client.GetStreamAsync($"/datasets/{dataset.Id}/images/{image.Id}/labels.png");
            Assert.Equal(expected.Labels.ToArray(), LabelMapFile.Read(served, "served", classNames.Length).Labels.ToArray());
            // SLIC made the superpixels: several per image, not one.
            await using var superpixels = await client.GetStreamAsync($"/datasets/{dataset.Id}/images/{image.Id}/superpixels.png");
            Assert.True(SuperpixelMapFile.Read(superpixels, "served").Ids.ToArray().Distinct().Count() > 5);
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_scratch.Data, "tmp")));
    }

    [Fact]
    public async Task A_coco_json_imports_in_one_step_painted_as_its_masks()
    {
        string folder = Directory.CreateDirectory(Path.Combine(_scratch.Imports, "coco", "photos")).FullName;
        RgbImageCodec.WritePng(Path.Combine(folder, "a.png"), new RgbImage(4, 3, new byte[4 * 3 * 3]));
        string json = Path.Combine(_scratch.Imports, "coco", "a.json");
        // One dog (category 1) over the left half, as an uncompressed column-major RLE of the 4×3 image: counts [0, 6, 6].
        File.WriteAllText(json, """
            {"images":[{"id":7,"file_name":"a.png","width":4,"height":3}],
             "categories":[{"id":1,"name":"dog"}],
             "annotations":[{"id":1,"image_id":7,"category_id":1,"segmentation":{"size":[3,4],"counts":[0,6,6]}}]}
            """);
        await using var engine = Engine();
        var client = engine.CreateClient();

        var dataset = await (await client.Post("/datasets/import", new ImportDatasetRequest { Name = "coco", Path = json, Format = ImportFormat.Coco, Images = folder }))
            .Read<DatasetDto>(HttpStatusCode.Created);
        Assert.Equal(["background", "dog"], dataset.Classes.Select(c => c.Name));
        var image = (await client.Get<ImagePageDto>($"/datasets/{dataset.Id}/images")).Items.Single();
        await using var served = await client.GetStreamAsync($"/datasets/{dataset.Id}/images/{image.Id}/labels.png");
        Assert.Equal(new byte[] { 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0 }, LabelMapFile.Read(served, "served", 2).Labels.ToArray());
    }

    [Fact]
    public async Task Bad_import_requests_name_the_field_and_store_nothing()
    {
        string world = _scratch.WriteWorld();
        string json = Path.Combine(_scratch.Imports, "a.json");
        File.WriteAllText(json, "{ not json");
        string outside = Directory.CreateDirectory(Path.Combine(_scratch.Root, "outside", "inner")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(_scratch.Imports, "link"), Path.Combine(_scratch.Root, "outside"));
        await using var engine = Engine();
        var client = engine.CreateClient();

        async Task<string> Refused(ImportDatasetRequest request, int status) =>
            (await (await client.Post("/datasets/import", request)).Problem(status)).GetProperty("detail").GetString()!;

        Assert.Contains("images is required", await Refused(new() { Name = "a", Path = json, Format = ImportFormat.Coco }, 400), StringComparison.Ordinal);
        Assert.Contains("images applies to format coco", await Refused(new() { Name = "a", Path = world, Images = world }, 400), StringComparison.Ordinal);
        Assert.Contains("slicSegments must be 10–5000", await Refused(new() { Name = "a", Path = world, Format = ImportFormat.Voc, SlicSegments = 5 }, 400), StringComparison.Ordinal);
        Assert.Contains("slicSegments applies to format voc", await Refused(new() { Name = "a", Path = world, SlicSegments = 100 }, 400), StringComparison.Ordinal);
        // An ALC folder is not a VOC folder; a folder is not a COCO file; a broken JSON is unreadable.
        Assert.Contains("SegmentationClass", await Refused(new() { Name = "a", Path = world, Format = ImportFormat.Voc }, 422), StringComparison.Ordinal);
        Assert.Contains("File", await Refused(new() { Name = "a", Path = world, Format = ImportFormat.Coco, Images = world }, 404), StringComparison.Ordinal);
        Assert.Contains("a.json", await Refused(new() { Name = "a", Path = json, Format = ImportFormat.Coco, Images = world }, 422), StringComparison.Ordinal);
        // A link in the middle of the path that leads out of the import roots is judged by where it leads.
        Assert.Contains("leads outside", await Refused(new() { Name = "a", Path = Path.Combine(_scratch.Imports, "link", "inner") }, 403), StringComparison.Ordinal);
        Assert.True(Directory.Exists(outside));
        Assert.Empty(await client.Get<List<DatasetDto>>("/datasets"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_scratch.Data, "tmp")));
    }

    public void Dispose() => _scratch.Dispose();

    private static string Copy(string source, string target)
    {
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return target;
    }
}
