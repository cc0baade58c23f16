using Alc.Imaging.Datasets;
using Alc.Imaging.Importers;
using Alc.Imaging.Photos;

namespace Alc.Imaging.Tests.Importers;

public sealed class CocoImporterTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "alc-coco-" + Guid.NewGuid().ToString("N"));

    public CocoImporterTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "photos"));
        RgbImageCodec.WritePng(Path.Combine(_root, "photos", "a.png"), new RgbImage(4, 3, new byte[4 * 3 * 3]));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Output => Path.Combine(_root, "out");

    private ImportSummary Import(string annotations)
    {
        string json = $$"""
            {"images":[{"id":7,"file_name":"a.png","width":4,"height":3}],
             "categories":[{"id":3,"name":"cat"},{"id":1,"name":"dog"}],
             "annotations":[{{annotations}}]}
            """;
        File.WriteAllText(Path.Combine(_root, "a.json"), json);
        return CocoImporter.Import(Path.Combine(_root, "a.json"), Path.Combine(_root, "photos"), Output);
    }

    [Fact]
    public void Paints_polygons_and_both_rle_forms_largest_first_with_categories_in_id_order()
    {
        // 4×3 image. dog (category 1 → class 1): uncompressed RLE of the left half (columns 0–1, column-major
        // counts [0, 6, 6]). cat (category 3 → class 2): compressed RLE of pixel (x=1, y=1) only — column-major
        // index 1·3 + 1 = 4, counts [4, 1, 7]; the first three counts are stored as is, one 5-bit group each:
        // '0'+4, '0'+1, '0'+7 = "417". A second cat: the polygon of the unit box at (3, 0).
        var summary = Import("""
            {"id":1,"image_id":7,"category_id":1,"segmentation":{"size":[3,4],"counts":[0,6,6]}},
            {"id":2,"image_id":7,"category_id":3,"segmentation":{"size":[3,4],"counts":"417"}},
            {"id":3,"image_id":7,"category_id":3,"segmentation":[[3,0,4,0,4,1,3,1]]}
            """);
        Assert.Equal(3, summary.Classes);
        // The count is the images written (it read 0 when no progress was passed).
        Assert.Equal(1, summary.Images["train"]);
        var dataset = DatasetFolder.Open(Output);
        Assert.Equal(["background", "dog", "cat"], dataset.Classes.Select(c => c.Name));
        var size = dataset.ImageSize("a");
        // Row-major: row 0 = dog dog bg cat(polygon) ; row 1 = dog cat bg bg ; row 2 = dog dog bg bg.
        Assert.Equal([1, 1, 0, 2, 1, 2, 0, 0, 1, 1, 0, 0], dataset.ReadPseudo("a", size).Labels.ToArray());
        // Superpixels: dog mask (6 px) painted first = 1; the two 1-px cat masks follow in input order.
        Assert.Equal([1, 1, 0, 3, 1, 2, 0, 0, 1, 1, 0, 0], dataset.ReadSuperpixels("a", size).Ids.ToArray());
    }

    [Theory]
    [InlineData("""{"id":9,"image_id":7,"category_id":5,"segmentation":[]}""", "annotation 9 has unknown category 5")]
    [InlineData("""{"id":9,"image_id":7,"category_id":1,"segmentation":{"size":[4,4],"counts":[16]}}""", "annotation 9: RLE size 4×4 differs from the image's 4×3")]
    [InlineData("""{"id":9,"image_id":7,"category_id":1,"segmentation":{"size":[3,4],"counts":[5]}}""", "annotation 9:")]
    [InlineData("""{"id":9,"image_id":7,"category_id":1,"segmentation":"oops"}""", "annotation 9: segmentation must be polygons or RLE")]
    [InlineData("""{"id":9,"image_id":7,"category_id":1,"segmentation":[[0,0,1]]}""", "annotation 9:")]
    public void Bad_annotations_are_named_and_nothing_is_written(string annotation, string expected)
    {
        var ex = Assert.Throws<DatasetFormatException>(() => Import(annotation));
        Assert.Contains("a.json: image 7 ('a.png')", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Output) && Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories).Any());
        Assert.Empty(Directory.GetDirectories(_root, ".out.import-*"));
    }

    [Fact]
    public void A_photo_whose_size_disagrees_with_the_json_is_refused()
    {
        File.WriteAllText(Path.Combine(_root, "b.json"), """{"images":[{"id":1,"file_name":"a.png","width":5,"height":3}],"categories":[],"annotations":[]}""");
        var ex = Assert.Throws<DatasetFormatException>(() => CocoImporter.Import(Path.Combine(_root, "b.json"), Path.Combine(_root, "photos"), Output));
        Assert.Contains("the JSON says 5×3 but the photo is 4×3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_json_is_named()
    {
        File.WriteAllText(Path.Combine(_root, "c.json"), "{ nope");
        var ex = Assert.Throws<DatasetFormatException>(() => CocoImporter.Import(Path.Combine(_root, "c.json"), _root, Output));
        Assert.StartsWith("c.json: not a readable COCO JSON file", ex.Message, StringComparison.Ordinal);
    }
}
