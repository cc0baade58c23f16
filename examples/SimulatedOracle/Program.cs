using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Alc.Client;
using Alc.Core.Oracle;
using Alc.Examples.SimulatedOracle;
using Spectre.Console;

// simulated-oracle --dataset ID [--url …] [--rounds 5 --budget 100 --seed 1 …]: a whole campaign answered from ground truth, over HTTP.
var defaults = new OracleCampaignOptions();
var url = new Option<string>("--url") { Description = "Engine address (or ALC_URL).", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ALC_URL") ?? "http://127.0.0.1:5080" };
var key = new Option<string?>("--api-key") { Description = "X-Api-Key (or ALC_API_KEY).", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ALC_API_KEY") };
var dataset = new Option<long>("--dataset") { Description = "Dataset id (it must have ground truth).", Required = true };
var rounds = new Option<int>("--rounds") { Description = "Rounds.", DefaultValueFactory = _ => defaults.Rounds };
var budget = new Option<int>("--budget") { Description = "Queries per round (B).", DefaultValueFactory = _ => defaults.Budget };
var acquisition = new Option<string>("--acquisition") { Description = "Strategy: default (SIM with automated correction and region checks) or an acquisition (sim, lcil, …).", DefaultValueFactory = _ => defaults.Acquisition };
var seed = new Option<long>("--seed") { Description = "Seed.", DefaultValueFactory = _ => defaults.Seed };
var model = new Option<string>("--model") { Description = "Model.", DefaultValueFactory = _ => defaults.Model };
var iterations = new Option<int>("--iterations") { Description = "Training iterations per round.", DefaultValueFactory = _ => defaults.Iterations };
var lr = new Option<double>("--lr") { Description = "Learning rate.", DefaultValueFactory = _ => defaults.LearningRate };
var crop = new Option<int>("--crop") { Description = "Training crop side.", DefaultValueFactory = _ => defaults.CropSize };
var batch = new Option<int>("--batch") { Description = "Training batch size.", DefaultValueFactory = _ => defaults.BatchSize };
var oracleMode = new Option<string>("--oracle") { Description = "gt (the queried pixel's class) or paper (the authors' majority rule).", DefaultValueFactory = _ => "gt" };
oracleMode.AcceptOnlyFromAmong("gt", "paper");
var errorRate = new Option<double>("--error-rate") { Description = "Share of wrong answers.", DefaultValueFactory = _ => 0 };
var output = new Option<FileInfo?>("--out") { Description = "Also write the rounds as JSON." };
var root = new RootCommand("Run a correction campaign against a running Alc.Engine, answered by the simulated oracle.")
{
    url, key, dataset, rounds, budget, acquisition, seed, model, iterations, lr, crop, batch, oracleMode, errorRate, output,
};
root.SetAction(async (result, token) =>
{
    var api = AlcClient.Create(new Uri(result.GetValue(url)!), result.GetValue(key));
    var options = new OracleCampaignOptions
    {
        Rounds = result.GetValue(rounds),
        Budget = result.GetValue(budget),
        Acquisition = result.GetValue(acquisition)!,
        Seed = result.GetValue(seed),
        Model = result.GetValue(model)!,
        Iterations = result.GetValue(iterations),
        LearningRate = result.GetValue(lr),
        CropSize = result.GetValue(crop),
        BatchSize = result.GetValue(batch),
        Oracle = new OracleOptions { Mode = result.GetValue(oracleMode) == "paper" ? OracleMode.Paper : OracleMode.Pixel, ErrorRate = result.GetValue(errorRate) },
    };
    try
    {
        var rows = await AnsiConsole.Status().StartAsync("campaign", async status =>
            await new OracleCampaign(api, options).RunAsync(result.GetValue(dataset), new Progress<string>(s => status.Status(s)), token));
        var table = new Table().AddColumns("round", "clicks", "bits", "seconds", "Data mIoU", "Model mIoU");
        foreach (var row in rows)
        {
            table.AddRow($"{row.Round}", $"{row.Clicks}", $"{row.Bits:0.#}", $"{row.Seconds:0.#}", $"{row.DataMIoU:0.0000}", $"{row.ModelMIoU:0.0000}");
        }

        AnsiConsole.Write(table);
        if (result.GetValue(output) is FileInfo file)
        {
            await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(rows, AlcJson.Options), token);
        }

        return 0;
    }
    catch (AlcApiException ex)
    {
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]error:[/] {ex.Message}");
        return 1;
    }
});
return await root.Parse(args).InvokeAsync();
