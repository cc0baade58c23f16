using Alc.Engine.Cli;
using Spectre.Console;

namespace Alc.Engine.Tests;

/// <summary>Runs <c>alc-engine</c> verbs in-process through the real command parser and captures what they print.</summary>
internal static class Cli
{
    public static (int ExitCode, string Output) Run(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Ansi = AnsiSupport.No,
        });
        console.Profile.Width = 200;
        var parse = EngineCommandLine.Build(console).Parse(args);
        var error = new StringWriter();
        int code = parse.Invoke(new System.CommandLine.InvocationConfiguration { Output = writer, Error = error });
        return (code, writer + error.ToString());
    }
}

/// <summary>A temporary folder deleted after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "alc-tests", Guid.NewGuid().ToString("N"));

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
