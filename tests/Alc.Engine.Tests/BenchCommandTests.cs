using System.Text.Json;
using Alc.Imaging.Photos;

namespace Alc.Engine.Tests;

public class BenchCommandTests
{
    [Fact]
    public void A_two_round_miniature_with_the_ablation_writes_consistent_results_a_report_and_plots()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, Cli.Run("synth", "--out", temp["w"], "--train", "12", "--val", "4", "--size", "48", "--seed", "5").ExitCode);
        var (code, output) = Cli.Run("bench", "--data", temp["w"], "--out", temp["out"], "--acquisitions", "sim,random",
            "--rounds", "2", "--budget", "8", "--seeds", "1", "--iterations", "30", "--crop", "48", "--batch", "4", "--ablation");
        Assert.True(code == 0, output);
        Assert.Contains("## Final round", output, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(File.ReadAllBytes(temp["out/results.json"]));
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("config").GetProperty("rounds").GetInt32());
        var runs = root.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(["sim", "random", "ablation: full (pool + look-ahead + expansion)", "ablation: no pool", "ablation: no look-ahead (CIL)", "ablation: no expansion"],
            runs.Select(r => r.GetProperty("acquisition").GetString()));
        double? warmData = null, warmModel = null;
        foreach (var run in runs)
        {
            var rounds = run.GetProperty("rounds").EnumerateArray().ToList();
            Assert.Equal(3, rounds.Count);
            Assert.Equal(JsonValueKind.Null, rounds[0].GetProperty("precision").ValueKind);
            // The warm start θ0 and D0 are shared by every strategy of a seed.
            warmData ??= rounds[0].GetProperty("dataMIoU").GetDouble();
            warmModel ??= rounds[0].GetProperty("modelMIoU").GetDouble();
            Assert.Equal(warmData, rounds[0].GetProperty("dataMIoU").GetDouble());
            Assert.Equal(warmModel, rounds[0].GetProperty("modelMIoU").GetDouble());
            for (int t = 0; t < 3; t++)
            {
                Assert.Equal(8 * t, rounds[t].GetProperty("clicks").GetInt64());
                Assert.InRange(rounds[t].GetProperty("dataMIoU").GetDouble(), 0, 1);
                Assert.InRange(rounds[t].GetProperty("modelMIoU").GetDouble(), 0, 1);
                Assert.Equal(4.76 * 8 * t, rounds[t].GetProperty("seconds").GetDouble(), 6);
            }

            Assert.True(rounds[2].GetProperty("correctedPixels").GetInt64() >= rounds[1].GetProperty("correctedPixels").GetInt64());
            Assert.InRange(rounds[1].GetProperty("precision").GetDouble(), 0, 1);
        }

        string report = File.ReadAllText(temp["out/report.md"]);
        Assert.Contains("| round | clicks | bits | Data mIoU | Model mIoU | precision | recall |", report, StringComparison.Ordinal);
        Assert.Contains("## ablation: no pool", report, StringComparison.Ordinal);
        foreach (string plot in new[] { "data-miou.png", "model-miou.png" })
        {
            var image = RgbImageCodec.Decode(temp[$"out/{plot}"]);
            Assert.Equal((900, 560), (image.Width, image.Height));
            // The title is drawn above the frame (a missing font draws no text at all, leaving that band empty).
            bool Dark(int x, int y) => image.Rgb[3 * ((y * 900) + x)] + image.Rgb[(3 * ((y * 900) + x)) + 1] + image.Rgb[(3 * ((y * 900) + x)) + 2] < 300;
            int frameTop = Enumerable.Range(0, 560).First(y => Enumerable.Range(0, 900).Count(x => Dark(x, y)) > 400);
            int title = Enumerable.Range(0, Math.Max(0, frameTop - 2)).Sum(y => Enumerable.Range(0, 900).Count(x => Dark(x, y)));
            Assert.True(title > 50, $"{plot}: {title} dark pixels above the frame at y = {frameTop}; the title is missing");
        }
    }

    [Fact]
    public void Abc_lcm_and_the_default_strategy_run_in_the_bench_and_report_their_tables()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, Cli.Run("synth", "--out", temp["w"], "--train", "12", "--val", "4", "--size", "48", "--seed", "5").ExitCode);
        var (code, output) = Cli.Run("bench", "--data", temp["w"], "--out", temp["out"], "--acquisitions", "sim,abc,default",
            "--auto-correct", "lcm", "--rounds", "2", "--budget", "8", "--seeds", "1", "--iterations", "20", "--crop", "48", "--batch", "4");
        Assert.True(code == 0, output);
        string report = File.ReadAllText(temp["out/report.md"]);
        Assert.Contains("## Budget to SIM's final Data mIoU", report, StringComparison.Ordinal);
        Assert.Contains("| sim | ", report, StringComparison.Ordinal);
        Assert.Contains("## Automated corrections", report, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllBytes(temp["out/results.json"]));
        Assert.Equal("lcm", json.RootElement.GetProperty("config").GetProperty("autoCorrect").GetString());
        foreach (var run in json.RootElement.GetProperty("runs").EnumerateArray())
        {
            var rounds = run.GetProperty("rounds").EnumerateArray().ToList();
            Assert.False(rounds[0].TryGetProperty("autoCorrection", out _));
            var auto = rounds[1].GetProperty("autoCorrection");
            bool isDefault = run.GetProperty("acquisition").GetString() == "default";
            // LCM learns from answers; the default's confident regions need none but spend up to 60 % of B (5 of 8) on region checks,
            // and SIM gets the rest of B, so a round asks B queries either way.
            Assert.Equal(!isDefault, auto.GetProperty("trainingSamples").GetInt32() > 0);
            int checks = auto.GetProperty("checks").GetInt32();
            Assert.InRange(checks, 0, isDefault ? 5 : 0); // fewer when fewer regions qualify
            Assert.Equal(8, rounds[1].GetProperty("clicks").GetInt32());
            Assert.InRange(auto.GetProperty("superpixels").GetInt32(), 0, auto.GetProperty("candidates").GetInt32());
        }
    }

    [Fact]
    public void Report_re_renders_the_markdown_from_results_json()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, Cli.Run("synth", "--out", temp["w"], "--train", "4", "--val", "2", "--size", "32").ExitCode);
        Assert.Equal(0, Cli.Run("bench", "--data", temp["w"], "--out", temp["out"], "--acquisitions", "random", "--rounds", "1",
            "--budget", "2", "--seeds", "1,2", "--iterations", "3", "--crop", "32", "--batch", "2").ExitCode);
        string original = File.ReadAllText(temp["out/report.md"]);
        var (code, output) = Cli.Run("report", temp["out/results.json"], "--out", temp["again"]);
        Assert.True(code == 0, output);
        Assert.Equal(original, File.ReadAllText(temp["again/report.md"]));
        Assert.True(File.Exists(temp["again/data-miou.png"]));
        File.WriteAllText(temp["bad.json"], "[1, 2");
        (code, output) = Cli.Run("report", temp["bad.json"]);
        Assert.Equal(1, code);
        Assert.Contains("bad.json:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_merges_runs_made_one_seed_at_a_time_into_the_same_results_as_one_run()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, Cli.Run("synth", "--out", temp["w"], "--train", "4", "--val", "2", "--size", "32").ExitCode);
        string[] Bench(string output, string seeds, string budget = "2") =>
            ["bench", "--data", temp["w"], "--out", temp[output], "--acquisitions", "random,margin", "--rounds", "1", "--budget", budget, "--seeds", seeds,
                "--iterations", "3", "--crop", "32", "--batch", "2"];
        Assert.Equal(0, Cli.Run(Bench("both", "1,2")).ExitCode);
        Assert.Equal(0, Cli.Run(Bench("s2", "2")).ExitCode);
        Assert.Equal(0, Cli.Run(Bench("s1", "1")).ExitCode);

        var (code, output) = Cli.Run("report", temp["s2/results.json"], temp["s1/results.json"], "--out", temp["merged"]);
        Assert.True(code == 0, output);
        using var merged = JsonDocument.Parse(File.ReadAllText(temp["merged/results.json"]));
        using var both = JsonDocument.Parse(File.ReadAllText(temp["both/results.json"]));
        Assert.Equal(both.RootElement.GetProperty("runs").GetRawText(), merged.RootElement.GetProperty("runs").GetRawText());
        Assert.Equal([1L, 2L], merged.RootElement.GetProperty("config").GetProperty("seeds").EnumerateArray().Select(e => e.GetInt64()));
        Assert.DoesNotContain("On fewer seeds", File.ReadAllText(temp["merged/report.md"]), StringComparison.Ordinal);

        (code, output) = Cli.Run("report", temp["s1/results.json"], temp["s2/results.json"]);
        Assert.Equal(2, code);
        Assert.Contains("merging results needs --out", output, StringComparison.Ordinal);
        (code, output) = Cli.Run("report", temp["s1/results.json"], temp["both/results.json"], "--out", temp["x"]);
        Assert.Equal(2, code);
        Assert.Contains("'random' with seed 1 is in more than one result", output, StringComparison.Ordinal);
        // A strategy benched on fewer seeds than the others is named under the header.
        Assert.Equal(0, Cli.Run([.. Bench("sim1", "1").Select(a => a == "random,margin" ? "sim" : a)]).ExitCode);
        Assert.Equal(0, Cli.Run("report", temp["both/results.json"], temp["sim1/results.json"], "--out", temp["partial"]).ExitCode);
        Assert.Contains("On fewer seeds: sim (seed 1).", File.ReadAllText(temp["partial/report.md"]), StringComparison.Ordinal);
        Assert.Equal(0, Cli.Run(Bench("b3", "3", budget: "3")).ExitCode);
        (code, output) = Cli.Run("report", temp["s1/results.json"], temp["b3/results.json"], "--out", temp["x"]);
        Assert.Equal(2, code);
        Assert.Contains("budget 3 vs 2", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp["x"]));
    }

    [Fact]
    public void The_dataset_is_a_folder_or_a_world_preset_and_a_missing_photo_source_is_named()
    {
        using var temp = new TempFolder();
        var (code, output) = Cli.Run("bench", "--out", temp["out"]);
        Assert.Equal(2, code);
        Assert.Contains("--data DIR or a world preset with --world NAME", output, StringComparison.Ordinal);
        (code, output) = Cli.Run("bench", "--data", temp["w"], "--world", "v1", "--out", temp["out"]);
        Assert.Equal(2, code);
        Assert.Contains("(one of them)", output, StringComparison.Ordinal);
        (code, output) = Cli.Run("bench", "--world", "v1", "--seeds", "x", "--out", temp["out"]);
        Assert.Equal(2, code);
        Assert.DoesNotContain("D0 Data mIoU", output, StringComparison.Ordinal); // refused before any world is written
        (code, output) = Cli.Run("bench", "--world", "fashion", "--fashion-mnist", temp["nowhere"], "--out", temp["out"]);
        Assert.Equal(2, code);
        Assert.Contains("apt-get install dataset-fashion-mnist", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp["out"]));
    }

    [Fact]
    public void A_world_preset_is_written_benched_named_in_the_results_and_removed()
    {
        using var temp = new TempFolder();
        var before = Directory.GetDirectories(Path.GetTempPath(), "alc-bench-world-v1-*").ToHashSet();
        var (code, output) = Cli.Run("bench", "--world", "v1", "--out", temp["out"], "--acquisitions", "random", "--rounds", "1", "--budget", "1",
            "--seeds", "1", "--iterations", "1", "--crop", "32", "--batch", "1");
        Assert.True(code == 0, output);
        Assert.Contains("D0 Data mIoU", output, StringComparison.Ordinal);
        using var results = JsonDocument.Parse(File.ReadAllText(temp["out/results.json"]));
        Assert.Equal("world v1 (alc-engine synth --preset v1 --seed 1)", results.RootElement.GetProperty("dataset").GetString());
        Assert.Equal(240, results.RootElement.GetProperty("config").GetProperty("trainImages").GetInt32());
        Assert.Subset(before, Directory.GetDirectories(Path.GetTempPath(), "alc-bench-world-v1-*").ToHashSet());
    }

    [Fact]
    public void A_dataset_without_a_validation_split_or_an_unknown_acquisition_is_refused()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, Cli.Run("synth", "--out", temp["w"], "--train", "3", "--val", "0", "--size", "32").ExitCode);
        File.Delete(temp["w/splits/val.txt"]);
        var (code, output) = Cli.Run("bench", "--data", temp["w"], "--out", temp["out"], "--rounds", "1", "--seeds", "1", "--acquisitions", "sim");
        Assert.Equal(1, code);
        Assert.Contains("splits/val.txt: the bench needs a validation split", output, StringComparison.Ordinal);
        (code, output) = Cli.Run("bench", "--data", temp["w"], "--out", temp["out"], "--acquisitions", "bald");
        Assert.Equal(2, code);
        Assert.Contains("Unknown acquisition 'bald'", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp["out"]));
    }
}
