using System.CommandLine;
using Alc.Client;
using Spectre.Console;

namespace Alc.Cli.Commands;

/// <summary><c>alc queries next</c>.</summary>
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
        return new Command("queries", "Correction queries: next.") { next };
    }
}
