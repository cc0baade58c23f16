using System.CommandLine;
using Alc.Client;
using Spectre.Console;

namespace Alc.Cli.Commands;

/// <summary><c>alc queries next|list|show</c>.</summary>
internal static class QueryCommands
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var project = new Argument<long>("project") { Description = "Project id." };
        var annotator = new Option<string>("--annotator") { Description = "Who leases (the lease owner).", Required = true };
        var count = new Option<int>("--count") { Description = "How many queries to lease.", DefaultValueFactory = _ => 10 };
        var next = new Command("next", "Lease the next queries of the querying round.") { project, annotator, count };
        next.SetAction((result, token) =>
        {
            var c = context(result);
            return CliApp.Guard(c, async () =>
            {
                var batch = await c.Api.LeaseQueriesAsync(result.GetValue(project), new LeaseRequest { Annotator = result.GetValue(annotator)!, Count = result.GetValue(count) }, token).ContentOrThrow();
                c.Print(batch, b =>
                {
                    var table = CliContext.Table("query", "kind", "image", "x", "y", "covers", "shown", "score", "lease until");
                    foreach (var q in b.Queries)
                    {
                        // A region check's answer covers its region; a pixel query's, its superpixel.
                        string covers = q.Region is { } region ? $"{region.Pixels} px region" : $"superpixel {q.SuperpixelId}";
                        table.AddRow($"{q.Id}", q.Kind.ToString().ToLowerInvariant(), $"{q.ImageId}", $"{q.X}", $"{q.Y}", covers,
                            $"{q.ShownLabel} {Spectre.Console.Markup.Escape(q.ShownClass)}",
                            $"{q.Score:0.###}", $"{q.LeaseExpiresAt:u}");
                    }

                    table.Caption($"round {b.Round?.ToString() ?? "-"}: {b.Queries.Count} leased to {b.Annotator}, {b.Remaining} unanswered");
                    return table;
                });
            });
        });
        var id = new Argument<long>("query") { Description = "Query id." };
        var save = new Option<FileInfo?>("--save") { Description = "Write the query's picture (its question: the pixel, the shown label, what the answer covers) to this PNG file." };
        var truth = new Option<bool>("--truth") { Description = "Also show what the dataset's ground truth says at the pixel (administrator keys only; for simulated annotators)." };
        var show = new Command("show", "Show one query: where it asks, what it shows, what its answer covers, its lease.") { id, save, truth };
        show.SetAction((result, token) =>
        {
            var c = context(result);
            return CliApp.Guard(c, async () =>
            {
                var query = await c.Api.GetQueryAsync(result.GetValue(id), token).ContentOrThrow();
                var answer = result.GetValue(truth) ? await c.Api.GetQueryGroundTruthAsync(query.Id, token).ContentOrThrow() : null;
                string? saved = null;
                if (result.GetValue(save) is FileInfo file)
                {
                    using var crop = await c.Api.GetQueryCropAsync(query.Id, token).EnsureSuccess();
                    await CliFiles.WriteAsync(crop, file, token);
                    saved = file.FullName;
                }

                c.Print(new QueryView(query, answer, saved), v =>
                {
                    var table = CliContext.Table("field", "value");
                    table.AddRow("query", $"{v.Query.Id} ({v.Query.Kind.ToString().ToLowerInvariant()}, round {v.Query.Round}, project {v.Query.ProjectId})");
                    table.AddRow("pixel", $"image {v.Query.ImageId}, x {v.Query.X}, y {v.Query.Y}");
                    table.AddRow("shown", $"{v.Query.ShownLabel} {Spectre.Console.Markup.Escape(v.Query.ShownClass)}");
                    table.AddRow("answer covers", v.Query.Region is { } region ? $"{region.Pixels} px region" : $"superpixel {v.Query.SuperpixelId}");
                    table.AddRow("lease", v.Query.LeaseOwner is null ? "-" : $"{Spectre.Console.Markup.Escape(v.Query.LeaseOwner)} until {v.Query.LeaseExpiresAt:u}");
                    if (v.Truth is { } t)
                    {
                        table.AddRow("ground truth", $"{t.Label} {Spectre.Console.Markup.Escape(t.Class)} ({(t.ShownIsRight ? "the shown label is right" : "the shown label is wrong")})");
                    }

                    if (v.Saved is not null)
                    {
                        table.AddRow("picture", Spectre.Console.Markup.Escape(v.Saved));
                    }

                    return table;
                });
            });
        });
        var listProject = new Argument<long>("project") { Description = "Project id." };
        var round = new Option<int?>("--round") { Description = "Round number (default: the project's latest round)." };
        var state = new Option<string>("--state") { Description = "all, open (not answered) or answered.", DefaultValueFactory = _ => "all" };
        state.AcceptOnlyFromAmong("all", "open", "answered");
        var offset = new Option<int>("--offset") { Description = "Skip this many.", DefaultValueFactory = _ => 0 };
        var limit = new Option<int>("--limit") { Description = "At most this many (1–1000).", DefaultValueFactory = _ => 100 };
        var list = new Command("list", "List a round's queries in asking order with their leases, without leasing any.") { listProject, round, state, offset, limit };
        list.SetAction((result, token) =>
        {
            var c = context(result);
            return CliApp.Guard(c, async () =>
            {
                long projectId = result.GetValue(listProject);
                int number = result.GetValue(round)
                    ?? (await c.Api.ListRoundsAsync(projectId, token).ContentOrThrow()).Select(r => (int?)r.Number).LastOrDefault()
                    ?? throw new AlcApiException($"Project {projectId} has no round yet.");
                var page = await c.Api.ListRoundQueriesAsync(projectId, number, result.GetValue(state), result.GetValue(offset), result.GetValue(limit), token).ContentOrThrow();
                c.Print(page, p =>
                {
                    var table = CliContext.Table("query", "kind", "image", "x", "y", "shown", "score", "answered", "lease");
                    foreach (var q in p.Items)
                    {
                        table.AddRow($"{q.Id}", q.Kind.ToString().ToLowerInvariant(), $"{q.ImageId}", $"{q.X}", $"{q.Y}",
                            $"{q.ShownLabel} {Spectre.Console.Markup.Escape(q.ShownClass)}", $"{q.Score:0.###}", q.Answered ? "yes" : "no",
                            q.LeaseOwner is null ? "-" : $"{Spectre.Console.Markup.Escape(q.LeaseOwner)} until {q.LeaseExpiresAt:u}");
                    }

                    table.Caption($"round {number}: {p.Items.Count} of {p.Total} from {p.Offset}");
                    return table;
                });
            });
        });
        return new Command("queries", "Correction queries: next (lease), list, show.") { next, list, show };
    }
}

/// <summary>What <c>alc queries show</c> prints: the query, its ground truth when asked for, and where its picture was saved.</summary>
/// <param name="Query">The query.</param>
/// <param name="Truth">The ground truth at its pixel (<c>--truth</c>), else null.</param>
/// <param name="Saved">The PNG written (<c>--save</c>), else null.</param>
internal sealed record QueryView(QueryDto Query, QueryTruthDto? Truth, string? Saved);
