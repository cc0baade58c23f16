using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Alc.Core.World;
using Alc.Engine.Server.Contracts;
using Alc.Imaging.Datasets;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Alc.Engine.Cli;

/// <summary>What <see cref="IngestionBenchmark"/> measured.</summary>
/// <param name="Answers">Answers ingested over HTTP.</param>
/// <param name="Clients">Concurrent clients.</param>
/// <param name="HttpAnswersPerSecond">Answers per second through the engine (lease + answer per query, one answer per request).</param>
/// <param name="RawInsertsPerSecond">Rows per second of the baseline: one committed INSERT per row into a bare SQLite table (WAL, synchronous FULL).</param>
/// <param name="NextP50Ms">Median latency of <c>POST /projects/{id}/leases</c>.</param>
/// <param name="NextP99Ms">99th-percentile latency of <c>POST /projects/{id}/leases</c>.</param>
/// <param name="AnswerP50Ms">Median latency of an answer POST.</param>
/// <param name="AnswerP99Ms">99th-percentile latency of an answer POST.</param>
/// <param name="Stored">Answers in the database after the engine stopped.</param>
/// <param name="Lost">Acknowledged answers (2xx) missing from the database.</param>
/// <param name="Duplicated">Queries with more than one stored answer, plus stored answers no client was acknowledged for.</param>
/// <param name="DoubleHeld">Queries leased to a second client while the first client's lease still held.</param>
public sealed record IngestionBenchmarkResult(int Answers, int Clients, double HttpAnswersPerSecond, double RawInsertsPerSecond,
    double NextP50Ms, double NextP99Ms, double AnswerP50Ms, double AnswerP99Ms, int Stored = 0, int Lost = 0, int Duplicated = 0, int DoubleHeld = 0)
{
    /// <summary>Engine throughput as a share of the raw insert loop.</summary>
    public double Ratio => HttpAnswersPerSecond / RawInsertsPerSecond;
}

/// <summary>
/// Measures answer ingestion through the real engine (Kestrel on loopback, SQLite with synchronous FULL): a project's
/// round is scored with B = <c>answers</c> queries, then <c>clients</c> concurrent clients each lease one query and answer
/// it, until none are left. The baseline, in the same run and on the same disk, is a loop of single-row committed inserts.
/// Afterwards the database is audited against what the clients saw: every acknowledged answer stored exactly once, no
/// query leased to two clients at once.
/// </summary>
public static class IngestionBenchmark
{
    /// <summary>Runs the benchmark in scratch space under <paramref name="scratch"/> (deleted afterwards).</summary>
    public static async Task<IngestionBenchmarkResult> RunAsync(int answers, int clients, string scratch, IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(answers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(clients, 1);
        string root = Path.Combine(Path.GetFullPath(scratch), $"alc-ingest-{Guid.NewGuid():N}");
        try
        {
            progress?.Report("writing the world");
            string world = Path.Combine(root, "imports", "world");
            // The world has ~6.6 superpixels per image: enough images that B = answers queries exist.
            int images = Math.Max(8, (answers / 5) + 1);
            WorldFolder.Write(new WorldOptions { Seed = 1, Train = images, Val = 0, Size = 96, Classes = 8 }, world);
            var (host, address) = await BenchHttp.StartEngineAsync(new Dictionary<string, string?>
            {
                ["DataDirectory"] = Path.Combine(root, "data"),
                ["AllowedImportRoots"] = Path.Combine(root, "imports"),
            }, cancellationToken);
            using var engine = host;
            var json = BenchHttp.Json;
            using var setup = new HttpClient { BaseAddress = address };
            progress?.Report("importing and scoring");
            var dataset = await BenchHttp.Read<DatasetDto>(await setup.PostAsJsonAsync("/datasets/import", new ImportDatasetRequest { Name = "bench", Path = world }, json, cancellationToken), json);
            var project = await BenchHttp.Read<ProjectDto>(await setup.PostAsJsonAsync("/projects",
                new CreateProjectRequest { Name = "bench", DatasetId = dataset.Id, Budget = answers, Iterations = 1, CropSize = 32 }, json, cancellationToken), json);
            var started = await BenchHttp.Read<StartRoundResponse>(await setup.PostAsync($"/projects/{project.Id}/rounds", null, cancellationToken), json);
            while ((await setup.GetFromJsonAsync<JobDto>($"/jobs/{started.Job.Id}", json, cancellationToken))!.State is JobState.Queued or JobState.Running)
            {
                await Task.Delay(100, cancellationToken);
            }

            var round = (await setup.GetFromJsonAsync<RoundDto>($"/projects/{project.Id}/rounds/1", json, cancellationToken))!;
            progress?.Report($"{clients} clients answering {round.Queries} queries");
            var next = new List<double>[clients];
            var answer = new List<double>[clients];
            var leases = new List<(long Query, DateTimeOffset From, DateTimeOffset Until)>[clients];
            var acknowledged = new List<(long Query, string Key)>[clients];
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(async () =>
            {
                next[i] = [];
                answer[i] = [];
                leases[i] = [];
                acknowledged[i] = [];
                using var client = new HttpClient { BaseAddress = address };
                for (int n = 0; ; n++)
                {
                    long t0 = Stopwatch.GetTimestamp();
                    var asked = DateTimeOffset.UtcNow;
                    var batch = await BenchHttp.Read<QueryBatchDto>(await client.PostAsJsonAsync($"/projects/{project.Id}/leases", new LeaseRequest { Annotator = $"c{i}", Count = 1 }, json, cancellationToken), json);
                    next[i].Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                    if (batch.Queries.Count == 0)
                    {
                        return;
                    }

                    leases[i].Add((batch.Queries[0].Id, asked, batch.Queries[0].LeaseExpiresAt!.Value));

                    using var request = new HttpRequestMessage(HttpMethod.Post, $"/projects/{project.Id}/answers")
                    {
                        Content = JsonContent.Create(new AnswerBatchRequest
                        {
                            Annotator = $"c{i}",
                            Answers = [new AnswerItem { QueryId = batch.Queries[0].Id, Verdict = Verdict.Confirm, ElapsedMs = 1000 }],
                        }, options: json),
                    };
                    request.Headers.Add("Idempotency-Key", $"c{i}-{n}");
                    long t1 = Stopwatch.GetTimestamp();
                    (await client.SendAsync(request, cancellationToken)).EnsureSuccessStatusCode();
                    answer[i].Add(Stopwatch.GetElapsedTime(t1).TotalMilliseconds);
                    acknowledged[i].Add((batch.Queries[0].Id, $"project-{project.Id}/c{i}-{n}"));
                }
            }, cancellationToken)));
            double httpSeconds = clock.Elapsed.TotalSeconds;
            int ingested = answer.Sum(a => a.Count);
            await host.StopAsync(cancellationToken);
            progress?.Report("auditing the answer log");
            var audit = Audit(Path.Combine(root, "data", "alc.db"), acknowledged.SelectMany(a => a).ToList(), leases.SelectMany((l, c) => l.Select(x => (c, x))).ToList());

            progress?.Report("raw SQLite insert loop");
            double raw = RawInsertsPerSecond(Path.Combine(root, "raw.db"), ingested);
            var nexts = next.SelectMany(l => l).Order().ToList();
            var posts = answer.SelectMany(l => l).Order().ToList();
            return new IngestionBenchmarkResult(ingested, clients, ingested / httpSeconds, raw, Percentile(nexts, 0.5), Percentile(nexts, 0.99),
                Percentile(posts, 0.5), Percentile(posts, 0.99), audit.Stored, audit.Lost, audit.Duplicated, audit.DoubleHeld);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    // Reads the stopped engine's answer log and compares it with what the clients were told.
    private static (int Stored, int Lost, int Duplicated, int DoubleHeld) Audit(string database, List<(long Query, string Key)> acknowledged,
        List<(int Client, (long Query, DateTimeOffset From, DateTimeOffset Until) Lease)> leases)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var stored = connection.Query<(long QueryId, string IdempotencyKey)>("SELECT query_id, idempotency_key FROM answers;").ToList();
        var storedSet = stored.ToHashSet();
        int lost = acknowledged.Count(a => !storedSet.Contains(a));
        var acknowledgedSet = acknowledged.ToHashSet();
        int duplicated = stored.GroupBy(a => a.QueryId).Count(g => g.Count() > 1) + stored.Count(a => !acknowledgedSet.Contains(a));
        // A query handed to a second client before the first client's lease ran out is held twice.
        int doubleHeld = leases.GroupBy(l => l.Lease.Query).Count(g =>
        {
            var ordered = g.OrderBy(l => l.Lease.From).ToList();
            return ordered.Zip(ordered.Skip(1)).Any(pair => pair.First.Client != pair.Second.Client && pair.Second.Lease.From < pair.First.Lease.Until);
        });
        return (stored.Count, lost, duplicated, doubleHeld);
    }

    // The floor under any durable ingestion on this disk: one committed, fsynced row per answer, no HTTP, no validation.
    private static double RawInsertsPerSecond(string path, int rows)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        connection.Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
        connection.Execute("CREATE TABLE answers (id INTEGER PRIMARY KEY, query_id INTEGER NOT NULL, idempotency_key TEXT NOT NULL, verdict TEXT NOT NULL, created_at TEXT NOT NULL);");
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < rows; i++)
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute("INSERT INTO answers (query_id, idempotency_key, verdict, created_at) VALUES (@i, @key, 'confirm', @at);",
                new { i, key = $"k{i}", at = DateTimeOffset.UtcNow.ToString("O") }, transaction);
            transaction.Commit();
        }

        return rows / clock.Elapsed.TotalSeconds;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
