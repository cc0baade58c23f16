using System.CommandLine;
using Alc.Client;
using Spectre.Console;

namespace Alc.Cli.Commands;

/// <summary><c>alc train PROJECT [--wait]</c>: start the next round's training and scoring, optionally following it with a progress bar.</summary>
internal static class TrainCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var project = new Argument<long>("project") { Description = "Project id." };
        var wait = new Option<bool>("--wait") { Description = "Follow the job's server-sent progress until it finishes." };
        var command = new Command("train", "Train the next round's model on the current labels and select its queries.") { project, wait };
        command.SetAction((result, token) =>
        {
            var c = context(result);
            return CliApp.Guard(c, async () =>
            {
                var started = await c.Api.StartRoundAsync(result.GetValue(project), token).ContentOrThrow();
                var job = started.Job;
                if (result.GetValue(wait))
                {
                    job = await Follow(c, job.Id, token);
                }

                c.Print(job, j => CliContext.Table("job", "round", "state", "progress", "message")
                    .AddRow($"{j.Id}", $"{started.Round.Number}", j.State.ToString().ToLowerInvariant(), $"{j.Progress:P0}", Markup.Escape(j.Error ?? j.Message ?? "")));
                if (job.State is JobState.Failed or JobState.Cancelled)
                {
                    throw new AlcApiException($"job {job.Id} {job.State.ToString().ToLowerInvariant()}: {job.Error ?? job.Message}");
                }
            });
        });
        return command;
    }

    /// <summary>Follows a job's events: a progress bar on a terminal, nothing when output is redirected or JSON.</summary>
    internal static async Task<JobDto> Follow(CliContext c, long jobId, CancellationToken token)
    {
        if (c.Json || !c.Console.Profile.Capabilities.Interactive)
        {
            return await c.Api.WaitForJobAsync(jobId, cancellationToken: token);
        }

        JobDto? last = null;
        await c.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"job {jobId}", maxValue: 1);
                last = await c.Api.WaitForJobAsync(jobId, new Progress<JobDto>(job =>
                {
                    task.Value = job.Progress;
                    task.Description = Markup.Escape(job.Message ?? $"job {jobId}");
                }), token);
                task.Value = 1;
            });
        return last!;
    }
}
