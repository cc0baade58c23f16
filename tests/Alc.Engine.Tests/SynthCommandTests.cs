using System.Security.Cryptography;

namespace Alc.Engine.Tests;

public class SynthCommandTests
{
    private static string DigestOfFolder(string root)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file)));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    [Fact]
    public void Synth_writes_a_valid_folder_and_prints_its_calibration()
    {
        using var temp = new TempFolder();
        var (code, output) = Cli.Run("synth", "--out", temp["world"], "--seed", "3", "--train", "10", "--val", "4", "--size", "48");
        Assert.Equal(0, code);
        Assert.Contains("D0 Data mIoU", output, StringComparison.Ordinal);
        Assert.Equal(10, File.ReadAllLines(temp["world/splits/train.txt"]).Length);
        Assert.Equal(4, File.ReadAllLines(temp["world/splits/val.txt"]).Length);
        foreach (string folder in new[] { "images", "pseudo", "gt", "superpixels" })
        {
            Assert.Equal(14, Directory.GetFiles(temp[$"world/{folder}"], "*.png").Length);
        }

        var (validateCode, report) = Cli.Run("dataset", "validate", temp["world"]);
        Assert.Equal(0, validateCode);
        Assert.Contains("valid images", report, StringComparison.Ordinal);
        Assert.Contains("D0 Data mIoU (train)", report, StringComparison.Ordinal);
        Assert.Contains("valid", report.Split('\n').Last(l => l.Trim().Length > 0), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_seed_writes_byte_identical_files()
    {
        using var temp = new TempFolder();
        string[] options = ["--train", "5", "--val", "2", "--size", "32"];
        Assert.Equal(0, Cli.Run(["synth", "--out", temp["a"], "--seed", "7", .. options]).ExitCode);
        Assert.Equal(0, Cli.Run(["synth", "--out", temp["b"], "--seed", "7", .. options]).ExitCode);
        Assert.Equal(0, Cli.Run(["synth", "--out", temp["c"], "--seed", "8", .. options]).ExitCode);
        Assert.Equal(DigestOfFolder(temp["a"]), DigestOfFolder(temp["b"]));
        Assert.NotEqual(DigestOfFolder(temp["a"]), DigestOfFolder(temp["c"]));
    }

    [Fact]
    public void The_fashion_preset_writes_the_photo_world_from_the_fashion_mnist_files()
    {
        using var temp = new TempFolder();
        Alc.Imaging.Tests.Support.IdxFiles.WriteCatalog(temp["fmnist"], perClass: 3);
        string[] options = ["--preset", "fashion", "--fashion-mnist", temp["fmnist"], "--shots", "2", "--train", "5", "--val", "2", "--size", "40"];
        var (code, output) = Cli.Run(["synth", "--out", temp["a"], "--seed", "2", .. options]);
        Assert.True(code == 0, output);
        Assert.Contains("D0 Data mIoU", output, StringComparison.Ordinal);
        Assert.Contains("\"ankle-boot\"", File.ReadAllText(temp["a/classes.json"]), StringComparison.Ordinal);
        Assert.Equal(0, Cli.Run(["synth", "--out", temp["b"], "--seed", "2", .. options]).ExitCode);
        Assert.Equal(DigestOfFolder(temp["a"]), DigestOfFolder(temp["b"]));

        (code, output) = Cli.Run("synth", "--out", temp["c"], "--preset", "fashion", "--fashion-mnist", temp["nowhere"]);
        Assert.Equal(2, code);
        Assert.Contains("apt-get install dataset-fashion-mnist", output, StringComparison.Ordinal);
        (code, output) = Cli.Run("synth", "--out", temp["c"], "--preset", "fashion", "--fashion-mnist", temp["fmnist"], "--classes", "8");
        Assert.Equal(2, code);
        Assert.Contains("--classes does not apply to the fashion world", output, StringComparison.Ordinal);
        (code, output) = Cli.Run("synth", "--out", temp["c"], "--preset", "fashion", "--fashion-mnist", temp["fmnist"], "--shots", "4");
        Assert.Equal(2, code);
        Assert.Contains("the classifier needs 4", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp["c"]));
    }

    [Fact]
    public void Bad_options_are_refused_with_the_reason()
    {
        using var temp = new TempFolder();
        var (code, output) = Cli.Run("synth", "--out", temp["w"], "--classes", "40");
        Assert.Equal(2, code);
        Assert.Contains("--classes must be 2..21", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp["w"]));
    }
}
