using System.Text.Json;
using Alc.Client;
using Spectre.Console;

namespace Alc.Cli;

/// <summary>What every command gets: the console, the client of the engine at <c>--url</c>, and whether to print JSON.</summary>
public sealed class CliContext(IAnsiConsole console, IAlcApi api, bool json)
{
    private static readonly JsonSerializerOptions Indented = new(AlcJson.Options) { WriteIndented = true };

    /// <summary>The console.</summary>
    public IAnsiConsole Console { get; } = console;

    /// <summary>The engine.</summary>
    public IAlcApi Api { get; } = api;

    /// <summary>Whether <c>--json</c> was given.</summary>
    public bool Json { get; } = json;

    /// <summary>The engine's address (<c>--url</c>), for commands that make their own clients of it.</summary>
    public Uri Url { get; init; } = new(CliApp.DefaultUrl);

    /// <summary>The <c>--api-key</c> given, or null.</summary>
    public string? ApiKey { get; init; }

    /// <summary>
    /// Makes the HTTP handler for requests to a base address (the engine's or Label Studio's): sockets by default, an
    /// in-process server's handler in tests.
    /// </summary>
    public Func<Uri, HttpMessageHandler> Transport { get; init; } = CliApp.Sockets;

    /// <summary>Prints <paramref name="value"/> as JSON (with <c>--json</c>) or as the table <paramref name="table"/> builds.</summary>
    public void Print<T>(T value, Func<T, Table> table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (Json)
        {
            Console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, Indented));
        }
        else
        {
            Console.Write(table(value));
        }
    }

    /// <summary>A table with the given columns.</summary>
    public static Table Table(params string[] columns) => new Table().Border(TableBorder.Simple).AddColumns(columns);
}
