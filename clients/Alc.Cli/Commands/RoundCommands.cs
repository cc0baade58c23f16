using System.CommandLine;
using Alc.Client;
using Spectre.Console;

namespace Alc.Cli.Commands;

/// <summary><c>alc rounds start|list|show|close</c>.</summary>
internal static class RoundCommands
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var project = new Argument<long>("project") { Description = "Project id." };
        var wait = new Option<bool>("--wait") { Description = "Follow the round's job with a progress bar until the queries are ready." };
        var start = new Command("start", "Start the next round: train on the current labels, then select its queries.") { project, wait };
        start.SetAction((result, token) =>
        {
            var c = context(result);
            return CliApp.Guard(c, async () =>
            {
                var started = await c.Api.StartRoundAsync(result.GetValue(project), token).ContentOrThrow();
                if (result.GetValue(wait))
                {
                    await TrainCommand.Follow(c, started.Job.Id, token);
                    started = new StartRoundResponse
                    {
                        Round = await c.Api.GetRoundAsync(started.Round.ProjectId, started.Round.Number, token).ContentOrThrow(),
                        Job = await c.Api.GetJobAsync(started.Job.Id, token).ContentOrThrow(),
                    };
                }

                c.Print(new List<RoundDto> { started.Round }, Table);
            });
        });

        var showProject = new Argument<long>("project") { Description = "Project id." };
        var number = new Argument<int?>("number") { Description = "Round number (all rounds when omitted).", Arity = ArgumentArity.ZeroOrOne };
        var show = new Command("show", "Show a project's rounds, or one.") { showProject, number };
        show.SetAction((result, token) =>
        {
            var c = context(result);
            return CliApp.Guard(c, async () =>
            {
                long id = result.GetValue(showProject);
                var rounds = result.GetValue(number) is int n
                    ? [await c.Api.GetRoundAsync(id, n, token).ContentOrThrow()]
                    : await c.Api.ListRoundsAsync(id, token).ContentOrThrow();
                c.Print(rounds, Table);
            });
        });
        var listProject = new Argument<long>("project") { Description = "Project id." };
        var list = new Command("list", "List a project's rounds.") { listProject };
        list.SetAction((result, token) =>
        {
            var c = context(result);
            return CliApp.Guard(c, async () => c.Print(await c.Api.ListRoundsAsync(result.GetValue(listProject), token).ContentOrThrow(), Table));
        });

        var closeProject = new Argument<long>("project") { Description = "Project id." };
        var closeNumber = new Argument<int>("number") { Description = "Round number." };
        var close = new Command("close", "End a querying round early: its unanswered queries are dropped, its answers kept.") { closeProject, closeNumber };
        close.SetAction((result, token) =>
        {
            var c = context(result);
            return CliApp.Guard(c, async () =>
                c.Print(new List<RoundDto> { await c.Api.CloseRoundAsync(result.GetValue(closeProject), result.GetValue(closeNumber), token).ContentOrThrow() }, Table));
        });
        return new Command("rounds", "Rounds: start, list, show, close.") { start, list, show, close };
    }

    internal static Spectre.Console.Table Table(List<RoundDto> rounds)
    {
        var table = CliContext.Table("round", "state", "answered", "queries", "job", "started", "closed");
        foreach (var r in rounds)
        {
            table.AddRow($"{r.Number}", r.State.ToString().ToLowerInvariant(), $"{r.Answered}", $"{r.Queries}", $"{r.JobId}", $"{r.CreatedAt:u}", $"{r.ClosedAt:u}");
        }

        return table;
    }
}
