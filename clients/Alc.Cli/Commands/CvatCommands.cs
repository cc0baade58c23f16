using System.CommandLine;
using Alc.Client;
using Spectre.Console;

namespace Alc.Cli.Commands;

/// <summary>
/// <c>alc cvat push PROJECT [--wait]</c>: asks the engine to put the project's querying round into CVAT (the engine holds
/// CVAT's URL, token and webhook secret, because it also reads the answers back when a job is completed).
/// </summary>
internal static class CvatCommands
{
    /// <summary>The <c>cvat</c> command with its <c>push</c> subcommand.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var project = new Argument<long>("project") { Description = "Engine project id." };
        var wait = new Option<bool>("--wait")
        {
            Description = "When the project's latest round is still training (a completed CVAT job starts the next one), follow its job, then push.",
        };
        var push = new Command("push", "Create the CVAT task of the querying round: one frame per query with the queried pixel as a point (shown label) and " +
            "what the answer covers as a mask, plus the project's update:job webhook; running it again creates nothing.") { project, wait };
        push.SetAction((result, token) =>
        {
            var c = context(result);
            return CliApp.Guard(c, async () =>
            {
                long id = result.GetValue(project);
                if (result.GetValue(wait) && (await c.Api.GetProjectAsync(id, token).ContentOrThrow()).CurrentRound is { State: RoundState.Training, JobId: long job })
                {
                    var done = await TrainCommand.Follow(c, job, token);
                    if (done.State != JobState.Succeeded)
                    {
                        throw new AlcApiException($"job {job} {done.State.ToString().ToLowerInvariant()}: {done.Error ?? done.Message}");
                    }
                }

                var pushed = await c.Api.CvatPushAsync(id, token).ContentOrThrow();
                c.Print(pushed, Table);
            });
        });
        return new Command("cvat", "CVAT: push a round's correction queries into a CVAT task; answers come back on the job's webhook.") { push };
    }

    private static Table Table(CvatPushDto r) => CliContext.Table("CVAT", "")
        .AddRow("round", $"{r.Round}")
        .AddRow("CVAT project", $"{r.CvatProjectId} ({(r.CreatedProject ? "created" : "already there")})")
        .AddRow("task", $"{r.TaskId} ({(r.CreatedTask ? "created" : "already there")}): {Markup.Escape(r.TaskUrl)}")
        .AddRow("jobs", string.Join(", ", r.JobIds))
        .AddRow("queries", $"{r.Queries}")
        .AddRow("shapes added", $"{r.ShapesAdded}")
        .AddRow("webhook", $"{(r.WebhookCreated ? "created" : "already there")}: {Markup.Escape(r.WebhookUrl)}");
}
