using Spectre.Console;

namespace Alc.Cli;

/// <summary>
/// The console <c>alc</c> writes to. In a terminal it is Spectre's own (colours, the terminal's width); when the output is
/// piped or redirected it is plain text — no colours, no escape codes, no prompts — and tables are never wrapped at 80
/// columns (a script reading <c>alc ... | grep</c> must see whole cells). <c>COLUMNS</c>, when set, sets the width either way.
/// </summary>
public static class Terminal
{
    /// <summary>The width used for piped output when <c>COLUMNS</c> is not set: wide enough that no table row wraps.</summary>
    public const int PipedWidth = 4096;

    /// <summary>The console for this process's standard output.</summary>
    public static IAnsiConsole Create()
    {
        bool redirected = Console.IsOutputRedirected;
        var console = redirected
            ? AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No })
            : AnsiConsole.Console;
        if (Width(Environment.GetEnvironmentVariable("COLUMNS"), redirected) is int width)
        {
            console.Profile.Width = width;
        }

        return console;
    }

    /// <summary>
    /// The width to set: <paramref name="columns"/> (the <c>COLUMNS</c> variable) when it is a positive number, else
    /// <see cref="PipedWidth"/> when the output is <paramref name="redirected"/>, else null (the terminal's own width).
    /// </summary>
    public static int? Width(string? columns, bool redirected) =>
        int.TryParse(columns, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) && n > 0 ? n
        : redirected ? PipedWidth : null;
}
