using Alc.Imaging.Datasets;

namespace Alc.Imaging.Tests.Datasets;

public sealed class ClassesFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"classes-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_path);

    private string Problem(string json)
    {
        File.WriteAllText(_path, json);
        return Assert.Throws<DatasetFormatException>(() => ClassesFile.Read(_path)).Message;
    }

    [Fact]
    public void Reads_classes_in_any_order_and_fills_missing_colours_from_the_voc_palette()
    {
        File.WriteAllText(_path, """[{"id":1,"name":" chair "},{"id":0,"name":"background","color":"#FFFFFF"}]""");
        var classes = ClassesFile.Read(_path);
        Assert.Equal(["background", "chair"], classes.Select(c => c.Name));
        Assert.Equal(["#ffffff", "#800000"], classes.Select(c => c.Color));
    }

    [Theory]
    [InlineData("""[{"id":0,"name":"a"},{"id":2,"name":"b"}]""", "class id 2 is outside 0..1")]
    [InlineData("""[{"id":0,"name":"a"},{"id":0,"name":"b"}]""", "class id 0 appears twice")]
    [InlineData("""[{"id":0,"name":"a"},{"id":1,"name":"A"}]""", "the class name 'A' appears twice")]
    [InlineData("""[{"id":0,"name":""}]""", "class 0 has no name")]
    [InlineData("""[{"name":"a"}]""", "entry 0 has no \"id\"")]
    [InlineData("""[{"id":0,"name":"a","color":"red"}]""", "class 0 has colour 'red'")]
    [InlineData("""[]""", "a dataset has 1..255 classes, the file lists 0")]
    [InlineData("""{"id":0}""", "not a JSON array")]
    [InlineData("null", "the file holds null")]
    public void Names_what_is_wrong(string json, string expected)
    {
        string message = Problem(json);
        Assert.StartsWith("classes.json: ", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var ex = Assert.Throws<DatasetFormatException>(() => ClassesFile.Read(_path + ".missing"));
        Assert.Equal("classes.json: the file is missing", ex.Message);
    }
}
