using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Alc.Engine.Server.Tests.Fuzzing;

/// <summary>
/// Sends ALC_FUZZ_REQUESTS (default 10,000) valid and mutated requests, seeded by ALC_FUZZ_SEED, to every operation of
/// openapi/alc.v1.json against an in-process engine with a querying project. Fails on any 5xx, on any 2xx to a request the contract
/// forbids, and on any change of stored state across a batch of rejected requests (compared through <see cref="QueryingProject.Snapshot"/>).
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int Batch = 40;

    [Fact]
    public async Task No_request_of_the_fuzzer_gets_a_server_error_a_forbidden_success_or_changes_state_when_rejected()
    {
        int seed = int.TryParse(Environment.GetEnvironmentVariable("ALC_FUZZ_SEED"), out int s) ? s : 20261202;
        int total = int.TryParse(Environment.GetEnvironmentVariable("ALC_FUZZ_REQUESTS"), out int n) ? n : 10_000;
        await using var p = await QueryingProject.Start();
        var images = JsonNode.Parse(await p.Client.GetStringAsync($"/datasets/{p.Dataset.Id}/images?limit=100"))!["items"]!.AsArray()
            .Select(i => i!["id"]!.GetValue<long>()).ToList();
        var random = new Random(seed);
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(OpenApiDocumentTests.RepositoryRoot(), "openapi", "alc.v1.json")));
        var fuzzer = new ContractFuzzer(document, random);
        int names = 0;
        string world = Path.Combine(p.Scratch.Imports, "world");
        // The fuzzer's own view of the round, so valid answers name open queries that are free or leased to their annotator.
        var open = new SortedSet<long>(Enumerable.Range(1, p.Round.Queries).Select(i => (long)i));
        var owners = new Dictionary<long, string>();
        string annotator = "fuzz-a";
        int round = 1;
        bool roundOpen = true;
        JsonNode? Answers()
        {
            var free = open.Where(id => !owners.TryGetValue(id, out var owner) || owner == annotator).ToList();
            if (free.Count == 0) return null;
            var items = new JsonArray();
            foreach (long id in free.OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
            {
                string verdict = new[] { "confirm", "correct", "unsure" }[random.Next(3)];
                var item = new JsonObject { ["queryId"] = id, ["verdict"] = verdict, ["elapsedMs"] = random.Next(0, 100_000) };
                if (verdict == "correct") item["label"] = random.Next(0, p.Dataset.Classes.Count);
                items.Add(item);
            }

            return items;
        }

        fuzzer.Hint = name => name switch
        {
            "datasetId" => p.Dataset.Id,
            "projectId" => p.Project.Id,
            "queryId" => random.NextInt64(1, Math.Max(open.Count == 0 ? 1 : open.Max, p.Round.Queries) + 1),
            "imageId" => images[random.Next(images.Count)],
            "jobId" => p.Round.JobId,
            "number" => round,
            "annotator" => annotator = random.Next(2) == 0 ? "fuzz-a" : "fuzz-b",
            "answers" => Answers(),
            "name" => $"fuzz-{seed}-{names++}",
            "count" => random.Next(1, 7),
            "label" => random.Next(3) == 0 ? null : random.Next(0, 4),
            "verdict" => new[] { "confirm", "correct", "unsure" }[random.Next(3)],
            "elapsedMs" => random.Next(0, 100_000),
            "path" => random.Next(50) == 0 ? world : Path.Combine(p.Scratch.Imports, "missing-" + random.Next(100)),
            "acquisition" => new[] { "default", "sim", "random", "margin", "entropy" }[random.Next(5)],
            "model" => "fcn-small",
            "classes" => new JsonArray(Enumerable.Range(0, random.Next(1, 4)).Select(i => (JsonNode)new JsonObject { ["id"] = i, ["name"] = $"c{i}", ["color"] = "#102030" }).ToArray()),
            "split" => random.Next(2) == 0 ? "train" : "val",
            "format" => new[] { "zip", "alc", "json" }[random.Next(3)],
            "source" => new[] { "pseudo", "gt", "current" }[random.Next(3)],
            "labels" => new[] { "pseudo", "gt", "current" }[random.Next(3)],
            _ => null,
        };

        // Valid requests that start training or close rounds move the project on: a few only, and a start only once the round closed.
        var limited = new Dictionary<string, int> { ["POST /projects/{projectId}/rounds"] = 1, ["POST /projects/{projectId}/rounds/{number}/close"] = 1 };
        const string Start = "POST /projects/{projectId}/rounds", Leases = "POST /projects/{projectId}/leases", SubmitAnswers = "POST /projects/{projectId}/answers";
        var perOperation = fuzzer.Operations.ToDictionary(o => o.Id, _ => (Sent: 0, Ok: 0, MustReject: 0));
        var perKind = new Dictionary<string, int>();
        int rejected = 0, succeeded = 0, serverErrors = 0, wrongSuccesses = 0, stateChanges = 0, snapshots = 0;
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        string baseline = await p.Snapshot();
        var pending = new List<string>();

        async Task Check()
        {
            if (pending.Count == 0) return;
            string now = await p.Snapshot();
            snapshots++;
            if (now != baseline)
            {
                stateChanges++;
                failures.Add($"state changed across {pending.Count} rejected requests (seed {seed}):\n  " + string.Join("\n  ", pending.TakeLast(10)));
                baseline = now;
            }

            pending.Clear();
        }

        for (int index = 0; index < total; index++)
        {
            var operation = fuzzer.Operations[index % fuzzer.Operations.Count];
            bool valid = random.Next(5) == 0;
            if (valid && limited.TryGetValue(operation.Id, out int left))
            {
                valid = left > 0 && index > total / 2 && (operation.Id != Start || !roundOpen);
                if (valid) limited[operation.Id] = left - 1;
            }

            var request = valid ? fuzzer.Valid(operation) : fuzzer.Mutated(operation);
            bool mayChange = request.Method != "GET" && !request.MustReject;
            if (mayChange) await Check();
            // Headers first: an event stream that stays open (the annotation view's) is judged by its status, not read to its end.
            using var response = await p.Client.SendAsync(request.ToRequest(), HttpCompletionOption.ResponseHeadersRead);
            bool stream = response.Content.Headers.ContentType?.MediaType == "text/event-stream";
            int status = (int)response.StatusCode;
            var counts = perOperation[operation.Id];
            perOperation[operation.Id] = (counts.Sent + 1, counts.Ok + (status is >= 200 and < 300 ? 1 : 0), counts.MustReject + (request.MustReject ? 1 : 0));
            string describe() => $"seed {seed} request #{index}: {request} -> {status}: {(stream ? "(event stream)" : Truncate(response.Content.ReadAsStringAsync().Result))}";
            if (status >= 500)
            {
                serverErrors++;
                failures.Add("5xx: " + describe());
            }
            else if (status is >= 200 and < 300)
            {
                succeeded++;
                if (request.MustReject)
                {
                    wrongSuccesses++;
                    failures.Add("forbidden 2xx: " + describe());
                }

                if (request.Method != "GET")
                {
                    var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync());
                    perKind[operation.Id] = perKind.GetValueOrDefault(operation.Id) + 1;
                    switch (operation.Id)
                    {
                        case Start:
                            await p.Client.WaitForJob(reply!["job"]!["id"]!.GetValue<long>());
                            var started = await p.Client.Get<Contracts.RoundDto>($"/projects/{p.Project.Id}/rounds/{++round}");
                            long first = (open.Count == 0 ? p.Round.Queries : open.Max) + 1;
                            open = new SortedSet<long>(Enumerable.Range(0, started.Queries).Select(i => first + i));
                            owners.Clear();
                            roundOpen = true;
                            break;
                        case Leases:
                            foreach (var q in reply!["queries"]!.AsArray()) owners[q!["id"]!.GetValue<long>()] = reply["annotator"]!.GetValue<string>();
                            break;
                        case SubmitAnswers:
                            foreach (var a in JsonNode.Parse(request.Body!)!["answers"]!.AsArray()) open.Remove(a!["queryId"]!.GetValue<long>());
                            roundOpen &= !reply!["roundClosed"]!.GetValue<bool>();
                            break;
                        case "POST /projects/{projectId}/rounds/{number}/close":
                            roundOpen = false;
                            break;
                    }

                    await Check();
                    baseline = await p.Snapshot();
                }
            }
            else if (status >= 400)
            {
                rejected++;
                if (request.Method != "GET") pending.Add($"#{index} {request} -> {status}");
                if (pending.Count >= Batch) await Check();
            }
        }

        await Check();
        clock.Stop();
        output.WriteLine($"seed {seed}: {total} requests in {clock.Elapsed.TotalSeconds:F1} s ({total / clock.Elapsed.TotalSeconds:F0}/s), {snapshots} snapshot checks");
        output.WriteLine($"2xx {succeeded}, 4xx {rejected}, 5xx {serverErrors}, forbidden 2xx {wrongSuccesses}, state changes from rejected requests {stateChanges}");
        output.WriteLine($"state-changing successes: {string.Join(", ", perKind.Select(k => $"{k.Key} {k.Value}"))}; rounds reached {round}");
        output.WriteLine("  sent  2xx  contract-forbidden  operation");
        foreach (var (id, c) in perOperation) output.WriteLine($"  {c.Sent,5} {c.Ok,5} {c.MustReject,5}  {id}");
        foreach (string failure in failures.Take(30)) output.WriteLine(failure);
        Assert.True(failures.Count == 0, $"{failures.Count} failures (seed {seed}); first: {failures.FirstOrDefault()}");
        // The valid half must reach the state-changing paths too, or the fuzzer only proves that rejections hold.
        Assert.True(perKind.GetValueOrDefault(SubmitAnswers) > 0 && perKind.GetValueOrDefault(Leases) > 0, "no valid answer or lease succeeded");
        if (total >= 2000) Assert.True(round == 2, $"the fuzzer never started round 2 (round open: {roundOpen})");
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
