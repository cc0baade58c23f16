using Alc.Imaging.Datasets;

namespace Alc.Imaging.Tests.Datasets;

public sealed class SplitFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"split-{Guid.NewGuid():N}.txt");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Skips_blank_and_comment_lines_and_trims_windows_line_ends()
    {
        File.WriteAllText(_path, "# my split\r\na\r\n\r\n  b  \r\n");
        Assert.Equal(["a", "b"], SplitFile.Read(_path, "splits/train.txt"));
    }

    [Theory]
    [InlineData("a\na\n", "line 2: the stem 'a' is listed twice")]
    [InlineData("ok\n../x\n", "line 2: the stem '../x' is not a plain file name")]
    [InlineData("sub/dir\n", "line 1: the stem 'sub/dir' is not a plain file name")]
    [InlineData(".env\n", "line 1: the stem '.env' is not a plain file name")]
    public void Refuses_duplicates_and_stems_that_are_not_plain_file_names(string content, string expected)
    {
        File.WriteAllText(_path, content);
        var ex = Assert.Throws<DatasetFormatException>(() => SplitFile.Read(_path, "splits/train.txt"));
        Assert.Equal($"splits/train.txt: {expected}", ex.Message.Split(" (no ")[0]);
    }

    [Fact]
    public void Writing_refuses_an_unsafe_stem()
    {
        Assert.Throws<DatasetFormatException>(() => SplitFile.Write(_path, ["fine", "../../etc/passwd"]));
        Assert.False(File.Exists(_path));
    }
}
