using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Alc.Engine.Server.Contracts;
using Microsoft.Data.Sqlite;

namespace Alc.Engine.Cli;

/// <summary>How long one stage of a round's job took.</summary>
/// <param name="Stage">The job stage (train, measure, autoCorrect, select).</param>
/// <param name="Seconds">Wall seconds in it.</param>
public sealed record StageTiming(string Stage, double Seconds);

/// <summary>One measured round of <see cref="DemoRoundBenchmark"/>.</summary>
/// <param name="Round">The round's number.</param>
/// <param name="ReadySeconds">From <c>POST /projects/1/rounds</c> until its job succeeded: how long annotators wait for the round's queries.</param>
/// <param name="Stages">Wall seconds per job stage, in the order the job went through them (the job's own reports, polled every 50 ms).</param>
/// <param name="Queries">Queries the round published.</param>
public sealed record DemoRoundTiming(int Round, double ReadySeconds, IReadOnlyList<StageTiming> Stages, int Queries);

/// <summary>
/// The demo project's round as a user of <c>serve --demo</c> meets it: a scratch engine (Kestrel on loopback, SQLite,
/// the demo dataset and project exactly as <c>--demo</c> seeds them), then each round started over HTTP and followed to
/// the moment its queries are ready. The previous round is closed unanswered before the next starts, so every round
/// trains on the same D0 and the figures compare across rounds.
/// </summary>
public static class DemoRoundBenchmark
{
    /// <summary>Runs <paramref name="rounds"/> demo rounds in scratch space under <paramref name="scratch"/> (deleted afterwards).</summary>
    /// <param name="rounds">Rounds to measure.</param>
    /// <param name="scratch">Where the scratch engine's data folder goes.</param>
    /// <param name="progress">What is happening, for a status line.</param>
    /// <param name="settings">Engine settings over the demo's (tests shorten the training with <c>DemoIterations</c>); none for the real figure.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static async Task<IReadOnlyList<DemoRoundTiming>> RunAsync(int rounds, string scratch, IProgress<string>? progress = null,
        IReadOnlyDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        string root = Path.Combine(Path.GetFullPath(scratch), $"alc-demo-{Guid.NewGuid():N}");
        try
        {
            progress?.Report("seeding the demo");
            var configuration = new Dictionary<string, string?> { ["DataDirectory"] = Path.Combine(root, "data"), ["Demo"] = "true" };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                configuration[key] = value;
            }

            var (host, address) = await BenchHttp.StartEngineAsync(configuration, cancellationToken);
            using var engine = host;
            var json = BenchHttp.Json;
            using var client = new HttpClient { BaseAddress = address };
            var timings = new List<DemoRoundTiming>();
            for (int r = 0; r < rounds; r++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await client.PostAsync("/projects/1/rounds", null, cancellationToken);
                var started = await BenchHttp.Read<StartRoundResponse>(response, json);
                progress?.Report($"round {started.Round.Number}: training");
                var stages = new List<StageTiming>();
                string? current = null;
                double since = 0;
                JobDto job;
                while (true)
                {
                    job = (await client.GetFromJsonAsync<JobDto>($"/jobs/{started.Job.Id}", json, cancellationToken))!;
                    string? stage = job.Stage is { } s ? JsonNamingPolicy.CamelCase.ConvertName(s.ToString()) : null;
                    double now = clock.Elapsed.TotalSeconds;
                    if (stage != current)
                    {
                        if (current is not null)
                        {
                            stages.Add(new StageTiming(current, now - since));
                        }

                        (current, since) = (stage, now);
                        progress?.Report($"round {started.Round.Number}: {stage ?? job.State.ToString()}");
                    }

                    if (job.State is not (JobState.Queued or JobState.Running))
                    {
                        break;
                    }

                    await Task.Delay(50, cancellationToken);
                }

                double ready = clock.Elapsed.TotalSeconds;
                if (job.State != JobState.Succeeded)
                {
                    throw new InvalidOperationException($"The demo round's job ended {job.State}: {job.Error}");
                }

                var round = (await client.GetFromJsonAsync<RoundDto>($"/projects/1/rounds/{started.Round.Number}", json, cancellationToken))!;
                timings.Add(new DemoRoundTiming(round.Number, ready, stages, round.Queries));
                using var closed = await client.PostAsync($"/projects/1/rounds/{round.Number}/close", null, cancellationToken);
                closed.EnsureSuccessStatusCode();
            }

            await host.StopAsync(cancellationToken);
            return timings;
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
}
