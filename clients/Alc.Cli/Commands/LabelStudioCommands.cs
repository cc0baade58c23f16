using System.CommandLine;
using Alc.Cli.LabelStudio;
using Alc.Client;
using Spectre.Console;

namespace Alc.Cli.Commands;

/// <summary>
/// <c>alc labelstudio push PROJECT</c>: creates or updates a Label Studio project for the engine project's querying round
/// through Label Studio's REST API (labeling config, tasks, webhook, ML backend), so nobody wires it by hand.
/// </summary>
internal static class LabelStudioCommands
{
    /// <summary>Environment variable of Label Studio's address.</summary>
    public const string UrlVariable = "LABEL_STUDIO_URL";

    /// <summary>Environment variable of Label Studio's access token.</summary>
    public const string TokenVariable = "LABEL_STUDIO_API_KEY";

    /// <summary>Environment variable of the engine's webhook secret (the engine reads the same one).</summary>
    public const string SecretVariable = "ALC_LABELSTUDIO__WEBHOOKSECRET";

    /// <summary>Environment variable of the engine's Label Studio Basic auth (the engine reads the same one).</summary>
    public const string BasicAuthVariable = "ALC_LABELSTUDIO__BASICAUTH";

    /// <summary>The <c>labelstudio</c> command with its <c>push</c> subcommand; <paramref name="context"/> gives each run its engine client and console.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        // Secrets come from the environment when the action runs, never through DefaultValueFactory, whose values --help prints.
        var project = new Argument<long>("project") { Description = "Engine project id." };
        var lsUrl = new Option<string?>("--ls-url") { Description = $"Label Studio's address, e.g. http://localhost:8080 (or {UrlVariable})." };
        var lsToken = new Option<string?>("--ls-token") { Description = $"Label Studio access token, sent as Authorization: Token … (or {TokenVariable})." };
        var lsProject = new Option<long?>("--ls-project") { Description = "Update this Label Studio project instead of creating one (the next round's push)." };
        var title = new Option<string?>("--title") { Description = "Title of a created Label Studio project (default \"Alc.Engine project N corrections\")." };
        var backendUrl = new Option<string?>("--backend-url")
        {
            Description = "The engine's address as Label Studio's server reaches it, for the webhook and the ML backend (default: --url).",
        };
        var secret = new Option<string?>("--webhook-secret")
        {
            Description = $"Sent as the webhook's X-Alc-Webhook-Secret header; the engine's webhook secret (or {SecretVariable}).",
        };
        var basicAuth = new Option<string?>("--basic-auth")
        {
            Description = "user:password of the engine's Label Studio endpoints: sent when reading the labeling config and tasks, and stored as the " +
                $"ML backend's Basic auth (or {BasicAuthVariable}).",
        };
        var push = new Command("push", "Create or update a Label Studio project with the engine's labeling config and the querying round's tasks, " +
            "and register the engine's webhook and ML backend once; running it again imports only tasks Label Studio lacks.")
        {
            project, lsUrl, lsToken, lsProject, title, backendUrl, secret, basicAuth,
        };
        push.SetAction((result, token) =>
        {
            var c = context(result);
            return CliApp.Guard(c, async () =>
            {
                long id = result.GetValue(project);
                string url = Setting(result.GetValue(lsUrl), UrlVariable) ?? throw new AlcApiException($"Give --ls-url or set {UrlVariable}.");
                string lsKey = Setting(result.GetValue(lsToken), TokenVariable) ?? throw new AlcApiException($"Give --ls-token or set {TokenVariable}.");
                var credentials = Setting(result.GetValue(basicAuth), BasicAuthVariable) is string pair ? BasicAuth.Parse(pair) : null;
                var request = new PushRequest(id, result.GetValue(lsProject), result.GetValue(title) ?? $"Alc.Engine project {id} corrections",
                    (result.GetValue(backendUrl) ?? c.Url.AbsoluteUri).TrimEnd('/'), Setting(result.GetValue(secret), SecretVariable), credentials);
                if (!Uri.TryCreate(url, UriKind.Absolute, out var lsAddress))
                {
                    throw new AlcApiException($"--ls-url {url} is not an absolute URL.");
                }

                using var labelStudio = new LabelStudioClient(lsAddress, lsKey, c.Transport(lsAddress));
                var pushed = await new LabelStudioPush(Engine(c, credentials), labelStudio, Step(c)).RunAsync(request, token);
                c.Print(pushed, Table);
            });
        });
        return new Command("labelstudio", "Label Studio: push a round's tasks into a Label Studio project.") { push };
    }

    // The engine's Label Studio endpoints take Label Studio's Basic auth, not X-Api-Key: with credentials, a client that sends them.
    private static IAlcApi Engine(CliContext c, BasicAuth? credentials) => credentials is null
        ? c.Api
        : AlcClient.Create(c.Url, c.ApiKey, new BasicAuthHandler(credentials) { InnerHandler = c.Transport(c.Url) });

    // One grey line per step on the console; none with --json, whose output is the result object alone.
    private static Action<string> Step(CliContext c) => c.Json ? _ => { } : line => c.Console.MarkupLineInterpolated($"[grey]{line}[/]");

    private static string? Setting(string? given, string variable) =>
        !string.IsNullOrEmpty(given) ? given : Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null;

    private static Table Table(PushResult r) => CliContext.Table("Label Studio", "")
        .AddRow("project", $"{r.LabelStudioProject} ({(r.ProjectCreated ? "created" : "labeling config updated")})")
        .AddRow("url", Markup.Escape(r.ProjectUrl))
        .AddRow("tasks imported", $"{r.TasksImported}")
        .AddRow("tasks already there", $"{r.TasksAlreadyThere}")
        .AddRow("webhook", $"{(r.WebhookCreated ? "created" : "already there")}: {Markup.Escape(r.WebhookUrl)}")
        .AddRow("ML backend", $"{(r.MlBackendCreated ? "created" : "already there")}: {Markup.Escape(r.MlBackendUrl)}");
}
