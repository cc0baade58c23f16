using System.CommandLine;
using Alc.Cli.Commands;
using Alc.Cli.LabelStudio;
using Alc.Client;
using Spectre.Console;

namespace Alc.Cli;

/// <summary>The <c>alc</c> command tree: datasets, projects, rounds, queries, answers, train, metrics, export, labelstudio, cvat.</summary>
public static class CliApp
{
    /// <summary>The engine address when neither <c>--url</c> nor <c>ALC_URL</c> is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Builds the root command.</summary>
    /// <param name="console">Where output goes (by default <see cref="Terminal.Create"/>: the terminal, or plain wide text when piped).</param>
    /// <param name="connect">Makes the engine client from <c>--url</c> and <c>--api-key</c> (tests pass an in-process engine's).</param>
    /// <param name="transport">
    /// The HTTP handler for a base address, used by the default <paramref name="connect"/>, by Label Studio calls and by
    /// engine reads that need Label Studio's Basic auth (tests route addresses to in-process servers); sockets by default.
    /// </param>
    public static RootCommand Build(IAnsiConsole? console = null, Func<Uri, string?, IAlcApi>? connect = null, Func<Uri, HttpMessageHandler>? transport = null)
    {
        console ??= Terminal.Create();
        transport ??= Sockets;
        connect ??= (url, key) => AlcClient.Create(url, key, transport(url));
        var url = new Option<string>("--url") { Description = "Engine address (or ALC_URL).", Recursive = true, DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ALC_URL") ?? DefaultUrl };
        var key = new Option<string?>("--api-key") { Description = "X-Api-Key to send (or ALC_API_KEY).", Recursive = true, DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ALC_API_KEY") };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of tables.", Recursive = true };
        var root = new RootCommand("alc: drive an Alc.Engine over HTTP.") { url, key, json };
        CliContext Context(ParseResult result)
        {
            var engine = new Uri(result.GetValue(url)!);
            string? apiKey = result.GetValue(key);
            return new(console, connect(engine, apiKey), result.GetValue(json)) { Url = engine, ApiKey = apiKey, Transport = transport };
        }

        root.Subcommands.Add(DatasetCommands.Create(Context));
        root.Subcommands.Add(ModelCommands.Create(Context));
        root.Subcommands.Add(ProjectCommands.Create(Context));
        root.Subcommands.Add(RoundCommands.Create(Context));
        root.Subcommands.Add(QueryCommands.Create(Context));
        root.Subcommands.Add(AnswerCommands.Create(Context));
        root.Subcommands.Add(TrainCommand.Create(Context));
        root.Subcommands.Add(MetricsCommand.Create(Context));
        root.Subcommands.Add(ExportCommand.Create(Context));
        root.Subcommands.Add(LabelStudioCommands.Create(Context));
        root.Subcommands.Add(CvatCommands.Create(Context));
        return root;
    }

    /// <summary>Runs <paramref name="work"/>, turning the engine's and Label Studio's refusals into a red line and exit code 1.</summary>
    internal static async Task<int> Guard(CliContext context, Func<Task> work)
    {
        try
        {
            await work();
            return 0;
        }
        catch (Exception ex) when (ex is AlcApiException or LabelStudioException)
        {
            context.Console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return 1;
        }
        catch (HttpRequestException ex)
        {
            context.Console.MarkupLineInterpolated($"[red]error:[/] cannot reach the engine: {ex.Message}");
            return 1;
        }
    }

    /// <summary>A plain socket handler, whatever the address.</summary>
    internal static HttpMessageHandler Sockets(Uri address) => new SocketsHttpHandler();
}
