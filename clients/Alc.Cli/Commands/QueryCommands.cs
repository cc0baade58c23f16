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
                var batch = await c.Api.LeaseQueriesAsync(result.GetValue(project), result.GetValue(annotator)!, result.GetValue(count), token).ContentOrThrow();
                c.Print(batch, b =>
                {
                    var table = CliContext.Table("query", "image", "x", "y", "superpixel", "shown", "score", "lease until");
                    foreach (var q in b.Queries)
                    {
                        table.AddRow($"{q.Id}", $"{q.ImageId}", $"{q.X}", $"{q.Y}", $"{q.SuperpixelId}", $"{q.ShownLabel} {Spectre.Console.Markup.Escape(q.ShownClass)}",
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
