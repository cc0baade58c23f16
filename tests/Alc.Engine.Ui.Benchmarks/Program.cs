// The correction page's answer-to-next-card time: a real alc-engine serve on loopback, a 200-query round of SIM queries, one
// annotator in Debian's chromium confirming each card with Enter. The page marks each answering keypress
// (performance.mark 'alc:answer:n') and measures to the frame after the next card's picture is in place ('alc:next-card');
// this prints their median and p95. Not a test: a measurement, run by hand (see README).
//   dotnet run -c Release --project tests/Alc.Engine.Ui.Benchmarks -- [--queries 200]
using System.Globalization;
using System.Net;
using Alc.Core.World;
using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Tests;
using Alc.Engine.Ui.Tests;
using Microsoft.Playwright;

int queries = args.Length == 2 && args[0] == "--queries" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
using var scratch = new Scratch();
string world = scratch.WriteWorld(options: new WorldOptions { Seed = 5, Train = 40, Val = 4, Size = 64, Classes = 6, MinObjects = 3, MaxObjects = 6 });
using var engine = await EngineProcess.Start(scratch.Data, EngineProcess.FreePort(),
    new Dictionary<string, string> { ["ALC_ALLOWEDIMPORTROOTS"] = scratch.Imports });
using var client = engine.Client();
var dataset = await client.ImportWorld("bench", world);
var project = await (await client.Post("/projects", new CreateProjectRequest
{
    Name = "bench", DatasetId = dataset.Id, Acquisition = "sim", Budget = queries, Iterations = 4, CropSize = 32, BatchSize = 4,
})).Read<ProjectDto>(HttpStatusCode.Created);
var round = await client.RunRound(project.Id);
Console.WriteLine($"round 1: {round.Queries} queries of {dataset.TrainImages} images of 64 px");

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(Chromium.Options);
var page = new AnnotatorPage(await browser.NewPageAsync());
await page.Start(new Uri(engine.Address, "/ui/").ToString(), "bench", "bench");
long? previous = null;
for (int i = 0; i < round.Queries; i++)
{
    try
    {
        previous = await page.NextCard(previous);
    }
    catch (TimeoutException)
    {
        Console.WriteLine($"no card after {i} answers: {await page.Status.TextContentAsync()} / {await page.Page.Locator("#progress").TextContentAsync()}");
        throw;
    }

    await page.Page.Keyboard.PressAsync("Enter");
}

await page.WaitForState("closed", 60000);
var durations = (await page.Page.EvaluateAsync<double[]>("() => performance.getEntriesByName('alc:next-card').map(e => e.duration)")).Order().ToArray();
double Percentile(double p) => durations[Math.Clamp((int)Math.Ceiling(p * durations.Length) - 1, 0, durations.Length - 1)];
Console.WriteLine($"answer keypress → next card drawn over {durations.Length} cards: median {Percentile(0.5):0.0} ms, p95 {Percentile(0.95):0.0} ms, max {durations[^1]:0.0} ms");
