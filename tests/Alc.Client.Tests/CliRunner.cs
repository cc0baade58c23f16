using Alc.Cli;
using Spectre.Console;

namespace Alc.Client.Tests;

/// <summary>Runs <c>alc</c> through its real parser with a plain, colourless console (250 columns unless told), and answers the exit code and everything printed.</summary>
internal static class CliRunner
{
    /// <summary>Runs <paramref name="args"/>; <paramref name="connect"/> and <paramref name="transport"/> are passed to <see cref="CliApp.Build"/>.</summary>
    public static async Task<(int Code, string Output)> RunAsync(string[] args, Func<Uri, string?, IAlcApi>? connect = null, Func<Uri, HttpMessageHandler>? transport = null,
        int width = 250)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Ansi = AnsiSupport.No,
        });
        console.Profile.Width = width;
        int code = await CliApp.Build(console, connect, transport).Parse(args).InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = writer, Error = writer });
        return (code, writer.ToString());
    }
}
