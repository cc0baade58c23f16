namespace Alc.Engine.Tests;

public class DatasetValidateTests
{
    private static TempFolder World()
    {
        var temp = new TempFolder();
        Assert.Equal(0, Cli.Run("synth", "--out", temp["w"], "--train", "3", "--val", "1", "--size", "32").ExitCode);
        return temp;
    }

    [Fact]
    public void A_missing_folder_or_classes_file_is_invalid()
    {
        using var temp = new TempFolder();
        var (code, output) = Cli.Run("dataset", "validate", temp["nothing"]);
        Assert.Equal(1, code);
        Assert.Contains("the dataset folder does not exist", output, StringComparison.Ordinal);
        Directory.CreateDirectory(temp["empty"]);
        (code, output) = Cli.Run("dataset", "validate", temp["empty"]);
        Assert.Equal(1, code);
        Assert.Contains("classes.json: the file is missing", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_outside_the_classes_is_named_by_file_and_pixel()
    {
        using var temp = World();
        // Rewrite train_0001's pseudo labels with a 3-class classes.json: the world's ids 3..7 become unknown.
        File.WriteAllText(temp["w/classes.json"], """[{"id":0,"name":"background"},{"id":1,"name":"chair"},{"id":2,"name":"sofa"}]""");
        var (code, output) = Cli.Run("dataset", "validate", temp["w"]);
        Assert.Equal(1, code);
        Assert.Matches(@"pseudo/train_\d{4}\.png: pixel \(x=\d+, y=\d+\) has class \d", output);
        Assert.Contains("invalid", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_map_a_missing_file_and_a_size_mismatch_are_each_reported()
    {
        using var temp = World();
        File.WriteAllBytes(temp["w/superpixels/train_0000.png"], [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
        File.Delete(temp["w/pseudo/train_0001.png"]);
        Cli.Run("synth", "--out", temp["other"], "--train", "1", "--val", "0", "--size", "40");
        File.Copy(temp["other/gt/train_0000.png"], temp["w/gt/train_0002.png"], overwrite: true);
        var (code, output) = Cli.Run("dataset", "validate", temp["w"]);
        Assert.Equal(1, code);
        Assert.Contains("superpixels/train_0000.png:", output, StringComparison.Ordinal);
        Assert.Contains("pseudo/train_0001.png: the file is missing", output, StringComparison.Ordinal);
        Assert.Contains("gt/train_0002.png:", output, StringComparison.Ordinal);
        Assert.Contains("40×40", output, StringComparison.Ordinal);
        Assert.Contains("3 problem(s)", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("/etc/passwd")]
    [InlineData(".hidden")]
    public void A_stem_that_is_not_a_plain_file_name_is_refused(string stem)
    {
        using var temp = World();
        File.AppendAllText(temp["w/splits/train.txt"], stem + "\n");
        var (code, output) = Cli.Run("dataset", "validate", temp["w"]);
        Assert.Equal(1, code);
        Assert.Contains("splits/train.txt: line 4:", output, StringComparison.Ordinal);
        Assert.Contains("not a plain file name", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stem_in_both_splits_and_duplicate_class_ids_are_refused()
    {
        using var temp = World();
        File.AppendAllText(temp["w/splits/val.txt"], "train_0000\n");
        var (code, output) = Cli.Run("dataset", "validate", temp["w"]);
        Assert.Equal(1, code);
        Assert.Contains("the stem 'train_0000' is also in splits/train.txt", output, StringComparison.Ordinal);
        File.WriteAllText(temp["w/classes.json"], """[{"id":0,"name":"a"},{"id":0,"name":"b"}]""");
        Assert.Contains("class id 0 appears twice", Cli.Run("dataset", "validate", temp["w"]).Output, StringComparison.Ordinal);
        File.WriteAllText(temp["w/classes.json"], "{ not json");
        Assert.Contains("classes.json: not a JSON array", Cli.Run("dataset", "validate", temp["w"]).Output, StringComparison.Ordinal);
    }
}
