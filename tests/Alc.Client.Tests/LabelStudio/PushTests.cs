using System.Text.Json;
using System.Text.Json.Nodes;
using Alc.Cli.LabelStudio;

namespace Alc.Client.Tests.LabelStudio;

/// <summary>
/// <c>alc labelstudio push</c> through the real parser, against the in-process engine (Label Studio endpoints secured)
/// and the Label Studio contract fake: what it creates, what it skips on a second push and in the next round, and how
/// Label Studio's refusals read.
/// </summary>
public sealed class PushTests
{
    [Fact]
    public async Task The_first_push_creates_the_project_with_the_engine_config_imports_the_round_and_registers_the_webhook_and_ml_backend()
    {
        await using var h = await PushHarness.StartAsync();
        var (code, output) = await h.Alc(h.Push());
        Assert.True(code == 0, output);

        var project = Assert.Single(h.LabelStudio.Store.Projects());
        long id = (long)project["id"]!;
        Assert.Equal(await h.ConfigAsync(), (string?)project["label_config"]);
        Assert.Equal(1, (int)project["maximum_annotations"]!);
        Assert.True((bool)project["show_collab_predictions"]!);
        Assert.Equal($"Alc.Engine project {h.Project} corrections", (string?)project["title"]);

        // Every task of tasks.json, with its data and its prediction, and nothing else.
        var expected = await h.TasksAsync();
        var stored = h.LabelStudio.Store.Tasks(id);
        Assert.Equal(5, expected.Count);
        Assert.Equal(expected.Select(t => t!["data"]!.ToJsonString()), stored.Select(t => t["data"]!.ToJsonString()));
        Assert.All(stored.Zip(expected), pair =>
        {
            var prediction = Assert.Single(pair.First["predictions"]!.AsArray())!;
            var sent = pair.Second!["predictions"]![0]!;
            Assert.Equal(sent["result"]!.ToJsonString(), prediction["result"]!.ToJsonString());
            Assert.Equal((string?)sent["model_version"], (string?)prediction["model_version"]);
        });

        string prefix = $"{h.EngineUrl}/integrations/label-studio/projects/{h.Project}";
        var webhook = Assert.Single(h.LabelStudio.Store.Webhooks());
        Assert.Equal((id, $"{prefix}/webhook"), ((long)webhook["project"]!, (string?)webhook["url"]));
        Assert.Equal(["ANNOTATION_CREATED", "ANNOTATION_UPDATED", "ANNOTATIONS_DELETED"], webhook["actions"]!.AsArray().Select(a => (string)a!));
        Assert.Equal(PushHarness.Secret, (string?)webhook["headers"]!["X-Alc-Webhook-Secret"]);
        Assert.True((bool)webhook["send_payload"]! && !(bool)webhook["send_for_all_actions"]! && (bool)webhook["is_active"]!);

        var backend = Assert.Single(h.LabelStudio.Store.MlBackends());
        Assert.Equal((prefix, id, "BASIC_AUTH", "labelstudio", "pa55:word", "Alc.Engine", false),
            ((string)backend["url"]!, (long)backend["project"]!, (string)backend["auth_method"]!, (string)backend["basic_auth_user"]!,
                (string)backend["basic_auth_pass"]!, (string)backend["title"]!, (bool)backend["is_interactive"]!));
        // The fake checked the backend as Label Studio does: the engine answered /health and accepted the config in /setup.
        Assert.Equal([$"GET /integrations/label-studio/projects/{h.Project}/health → 200", $"POST /integrations/label-studio/projects/{h.Project}/setup → 200"],
            h.LabelStudio.MlBackendCalls);

        Assert.All(h.LabelStudio.Requests, r => Assert.Equal($"Token {PushHarness.Token}", r.Authorization));
        Assert.Equal(["POST /api/projects/", "GET /api/projects/1/export", "POST /api/projects/1/import", "GET /api/webhooks/", "POST /api/webhooks/", "GET /api/ml/", "POST /api/ml/"],
            h.LabelStudio.Requests.Select(r => r.Call));
        Assert.Contains($"{h.LabelStudio.Url}projects/{id}/data", output, StringComparison.Ordinal);
        Assert.Contains("importing 5 tasks", output, StringComparison.Ordinal);
        Assert.Contains("created: " + prefix, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_push_in_the_same_round_from_the_environment_imports_nothing_and_registers_nothing_twice()
    {
        await using var h = await PushHarness.StartAsync();
        var (code, output) = await h.Alc(h.Push("--json"));
        Assert.True(code == 0, output);
        var first = JsonSerializer.Deserialize<PushResult>(output, AlcJson.Options)!;
        Assert.Equal((true, 5, 0, true, true), (first.ProjectCreated, first.TasksImported, first.TasksAlreadyThere, first.WebhookCreated, first.MlBackendCreated));

        // The same push with every Label Studio setting from the environment instead of options.
        var variables = new Dictionary<string, string>
        {
            ["LABEL_STUDIO_URL"] = h.LabelStudio.Url.AbsoluteUri,
            ["LABEL_STUDIO_API_KEY"] = PushHarness.Token,
            ["ALC_LABELSTUDIO__WEBHOOKSECRET"] = PushHarness.Secret,
            ["ALC_LABELSTUDIO__BASICAUTH"] = PushHarness.Basic,
        };
        PushResult second;
        try
        {
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            (code, output) = await h.Alc("labelstudio", "push", $"{h.Project}", "--ls-project", $"{first.LabelStudioProject}", "--json");
            Assert.True(code == 0, output);
            second = JsonSerializer.Deserialize<PushResult>(output, AlcJson.Options)!;
        }
        finally
        {
            foreach (string name in variables.Keys)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }

        Assert.Equal((first.LabelStudioProject, false, 0, 5, false, false),
            (second.LabelStudioProject, second.ProjectCreated, second.TasksImported, second.TasksAlreadyThere, second.WebhookCreated, second.MlBackendCreated));
        Assert.Equal(5, h.LabelStudio.Store.Tasks(first.LabelStudioProject).Count);
        Assert.Single(h.LabelStudio.Store.Projects());
        Assert.Single(h.LabelStudio.Store.Webhooks());
        Assert.Single(h.LabelStudio.Store.MlBackends());
        Assert.Single(h.LabelStudio.Calls("POST", "/api/projects/"));
        Assert.Single(h.LabelStudio.Calls("POST", "/api/projects/1/import"));
        var patch = Assert.Single(h.LabelStudio.Calls("PATCH", "/api/projects/1/"));
        Assert.Equal(await h.ConfigAsync(), (string?)JsonNode.Parse(patch.Body)!["label_config"]);
        // Label Studio exports annotated tasks only unless asked for all: unanswered tasks are skipped because the push asks.
        Assert.All(h.LabelStudio.Calls("GET", "/api/projects/1/export"), r => Assert.Equal("?exportType=JSON&download_all_tasks=true", r.Query));
    }

    [Fact]
    public async Task The_next_rounds_push_imports_that_rounds_tasks_into_the_same_project()
    {
        await using var h = await PushHarness.StartAsync();
        var (code, output) = await h.Alc(h.Push("--json"));
        Assert.True(code == 0, output);
        long id = JsonSerializer.Deserialize<PushResult>(output, AlcJson.Options)!.LabelStudioProject;

        await h.AnswerRoundAsync();
        await h.TrainAsync();
        var next = await h.TasksAsync();
        Assert.NotEmpty(next);
        Assert.All(next, t => Assert.Equal(2, (int)t!["data"]!["round"]!));

        (code, output) = await h.Alc(h.Push("--ls-project", $"{id}", "--json"));
        Assert.True(code == 0, output);
        var pushed = JsonSerializer.Deserialize<PushResult>(output, AlcJson.Options)!;
        Assert.Equal((next.Count, 0, false, false), (pushed.TasksImported, pushed.TasksAlreadyThere, pushed.WebhookCreated, pushed.MlBackendCreated));
        Assert.Equal([1, 1, 1, 1, 1, .. next.Select(_ => 2)], h.LabelStudio.Store.Tasks(id).Select(t => (int)t["data"]!["round"]!));
        Assert.Single(h.LabelStudio.Store.Webhooks());
        Assert.Single(h.LabelStudio.Store.MlBackends());
    }

    [Fact]
    public async Task A_wrong_token_an_unreachable_label_studio_or_no_engine_credentials_is_one_error_line_exit_1_and_nothing_created()
    {
        await using var h = await PushHarness.StartAsync();
        var args = h.Push();
        args[Array.IndexOf(args, PushHarness.Token)] = "not-the-token";
        var (code, output) = await h.Alc(args);
        Assert.Equal(1, code);
        string line = Assert.Single(output.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("Label Studio POST /api/projects/: 401 Unauthorized: Invalid token.", line, StringComparison.Ordinal);
        Assert.Empty(h.LabelStudio.Store.Projects());

        // Port 9 (discard) has no listener here: the call is named and Label Studio's address given.
        args = h.Push();
        args[Array.IndexOf(args, h.LabelStudio.Url.AbsoluteUri)] = "http://127.0.0.1:9/";
        (code, output) = await h.Alc(args);
        Assert.Equal(1, code);
        Assert.Contains("error: Label Studio POST /api/projects/: cannot reach Label Studio at http://127.0.0.1:9/", output, StringComparison.Ordinal);

        // Without the Basic auth the engine's Label Studio endpoints refuse the first read; the line says what to give.
        (code, output) = await h.Alc("labelstudio", "push", $"{h.Project}", "--ls-url", h.LabelStudio.Url.AbsoluteUri, "--ls-token", PushHarness.Token);
        Assert.Equal(1, code);
        Assert.Contains("error: 401 Unauthorized", output, StringComparison.Ordinal);
        Assert.Contains("Give --basic-auth user:password (or set ALC_LABELSTUDIO__BASICAUTH)", output, StringComparison.Ordinal);
        Assert.Empty(h.LabelStudio.Store.Projects());
    }

    [Fact]
    public async Task A_label_studio_400_on_import_prints_its_validation_errors()
    {
        await using var h = await PushHarness.StartAsync();
        h.LabelStudio.RefuseNextImport(new JsonObject { ["non_field_errors"] = new JsonArray("Task 3: image URL is not reachable from this Label Studio") });
        var (code, output) = await h.Alc(h.Push());
        Assert.Equal(1, code);
        Assert.Contains("error: Label Studio POST /api/projects/1/import: 400 BadRequest: Validation error; non_field_errors: Task 3: image URL is not reachable " +
            "from this Label Studio", output, StringComparison.Ordinal);
        Assert.Empty(h.LabelStudio.Store.Tasks(1));
        Assert.Empty(h.LabelStudio.Store.Webhooks());
    }

    [Fact]
    public async Task Push_help_names_the_environment_variables_and_never_prints_a_secret_from_them()
    {
        Environment.SetEnvironmentVariable("LABEL_STUDIO_API_KEY", "secret-token-in-env");
        try
        {
            var (code, output) = await CliRunner.RunAsync(["labelstudio", "push", "--help"]);
            Assert.Equal(0, code);
            foreach (string variable in new[] { "LABEL_STUDIO_URL", "LABEL_STUDIO_API_KEY", "ALC_LABELSTUDIO__WEBHOOKSECRET", "ALC_LABELSTUDIO__BASICAUTH" })
            {
                Assert.Contains(variable, output, StringComparison.Ordinal);
            }

            Assert.Contains("--ls-project", output, StringComparison.Ordinal);
            Assert.DoesNotContain("secret-token-in-env", output, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("LABEL_STUDIO_API_KEY", null);
        }
    }
}
