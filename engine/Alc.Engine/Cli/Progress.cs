using Alc.Campaigns;
using Spectre.Console;

namespace Alc.Engine.Cli;

/// <summary>A Spectre.Console progress bar for long verbs (plain lines when the output is redirected).</summary>
internal static class Progress
{
    /// <summary>Runs <paramref name="work"/> with one progress task titled <paramref name="title"/>.</summary>
    public static T Run<T>(IAnsiConsole console, string title, Func<IProgress<(int Done, int Total)>, T> work)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return work(new Progress<(int, int)>(_ => { }));
        }

        T result = default!;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(title);
                result = work(new SyncProgress<(int Done, int Total)>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                }));
            });
        return result;
    }
}
