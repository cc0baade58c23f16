using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Alc.Engine.Server.Tests.LabelStudio;

/// <summary>
/// Who may call the Label Studio endpoints: Label Studio's Basic auth, the webhook's secret header, signed image URLs,
/// and an engine with API keys that keeps the endpoints closed until Label Studio has credentials. A refused call changes nothing.
/// </summary>
public sealed class LabelStudioAccessTests
{
    private static readonly Dictionary<string, string?> Secured = new()
    {
        ["LabelStudio:BasicAuth"] = "labelstudio:pa55word",
        ["LabelStudio:WebhookSecret"] = "w3bh00k-secret",
    };

    [Fact]
    public async Task A_webhook_without_the_secret_header_or_with_a_wrong_one_is_401_and_changes_nothing()
    {
        await using var p = await QueryingProject.Start(settings: Secured);
        Authorize(p.Client, "labelstudio:pa55word");
        string before = await p.Snapshot();
        var body = WebhookBodies.Annotation(1, p.Project.Id);

        await (await p.Client.Post(p.Project.Id, body)).Problem(401);
        var wrong = await (await p.Client.Post(p.Project.Id, body, secret: "w3bh00k-secreT")).Problem(401);
        Assert.Contains("X-Alc-Webhook-Secret", wrong.GetProperty("detail").GetString());
        // A forged body is refused for its missing secret before it is parsed.
        using var garbage = new StringContent("not json", Encoding.UTF8, "application/json");
        await (await p.Client.PostAsync($"{WebhookBodies.Prefix(p.Project.Id)}/webhook", garbage)).Problem(401);
        Assert.Equal(before, await p.Snapshot());

        var stored = await p.Client.Post(p.Project.Id, body, secret: "w3bh00k-secret");
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);

        // Label Studio's "Start training" calls the same route with the ML backend's Basic auth and no custom header.
        var training = await p.Client.Post(p.Project.Id, WebhookBodies.Fixture("start-training.json"));
        Assert.Equal(HttpStatusCode.Created, training.StatusCode);
        p.Client.DefaultRequestHeaders.Authorization = null;
        await (await p.Client.Post(p.Project.Id, WebhookBodies.Fixture("start-training.json"))).Problem(401);
    }

    [Fact]
    public async Task With_basic_auth_every_route_needs_it_and_task_images_open_with_their_token_only()
    {
        await using var p = await QueryingProject.Start(settings: Secured);
        string prefix = WebhookBodies.Prefix(p.Project.Id);
        await (await p.Client.GetAsync($"{prefix}/health")).Problem(401);
        Authorize(p.Client, "labelstudio:wrong");
        await (await p.Client.GetAsync($"{prefix}/health")).Problem(401);
        Authorize(p.Client, "labelstudio:pa55word");
        Assert.Equal("UP", (string?)JsonNode.Parse(await p.Client.GetStringAsync($"{prefix}/health"))!["status"]);

        var tasks = JsonNode.Parse(await p.Client.GetStringAsync($"{prefix}/tasks.json"))!.AsArray();
        var url = new Uri((string)tasks[0]!["data"]!["image"]!);
        Assert.Contains("token=", url.Query);
        p.Client.DefaultRequestHeaders.Authorization = null;
        var image = await p.Client.GetAsync(url.PathAndQuery);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        await (await p.Client.GetAsync(url.AbsolutePath)).Problem(401);
        await (await p.Client.GetAsync(url.AbsolutePath + "?token=0123456789abcdef0123456789abcdef")).Problem(401);
        // A token opens its own image only.
        string other = url.AbsolutePath[..(url.AbsolutePath.LastIndexOf('/') + 1)] + "999999" + url.Query;
        await (await p.Client.GetAsync(other)).Problem(401);
    }

    [Fact]
    public async Task An_engine_with_api_keys_keeps_the_label_studio_endpoints_closed_until_label_studio_has_credentials()
    {
        await using var p = await QueryingProject.Start(settings: new Dictionary<string, string?> { ["AdminKeys"] = "admin-key-1" });
        string before = await p.Snapshot();
        string prefix = WebhookBodies.Prefix(p.Project.Id);
        foreach (string path in new[] { "health", "metrics", "config.xml", "tasks.json" })
        {
            var closed = await (await p.Client.GetAsync($"{prefix}/{path}")).Problem(403);
            Assert.Contains("ALC_LABELSTUDIO__BASICAUTH", closed.GetProperty("detail").GetString());
        }

        await (await p.Client.Post(p.Project.Id, WebhookBodies.Annotation(1, p.Project.Id))).Problem(403);
        Assert.Equal(before, await p.Snapshot());
    }

    private static void Authorize(HttpClient client, string credentials) =>
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
}
