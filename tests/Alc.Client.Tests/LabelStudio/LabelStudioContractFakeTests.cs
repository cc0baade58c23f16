using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Alc.Client.Tests.LabelStudio;

/// <summary>The contract fake itself holds to what it claims: Label Studio's exact paths, token auth, body validation and export filter.</summary>
public sealed class LabelStudioContractFakeTests
{
    private const string Config = "<View><Image name=\"image\" value=\"$image\"/></View>";

    [Fact]
    public async Task Paths_differing_by_their_trailing_slash_are_404_and_calls_without_the_token_are_401()
    {
        await using var fake = await LabelStudioContractFake.StartAsync("t0k3n");
        using var http = Client(fake, token: null);
        var anonymous = await http.GetAsync("api/ml/?project=1");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Authentication credentials were not provided.", (string?)JsonNode.Parse(await anonymous.Content.ReadAsStringAsync())!["detail"]);

        using var authorized = Client(fake, "t0k3n");
        Assert.Equal(HttpStatusCode.Created, (await Post(authorized, "api/projects/", new JsonObject { ["label_config"] = Config })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Post(authorized, "api/projects", new JsonObject { ["label_config"] = Config })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await authorized.GetAsync("api/ml?project=1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await authorized.PostAsync("api/projects/1/import/", Json("[]"))).StatusCode);
        Assert.Single(fake.Store.Projects());
    }

    [Fact]
    public async Task Bodies_are_validated_and_export_holds_annotated_tasks_unless_all_are_asked_for()
    {
        await using var fake = await LabelStudioContractFake.StartAsync("t0k3n");
        using var http = Client(fake, "t0k3n");
        var missing = JsonNode.Parse(await (await Post(http, "api/projects/", new JsonObject { ["title"] = "no config" })).Content.ReadAsStringAsync())!;
        Assert.Equal("This field is required.", (string?)missing["validation_errors"]!["label_config"]![0]);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(http, "api/projects/", new JsonObject { ["label_config"] = "<View>" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Post(http, "api/projects/", new JsonObject { ["label_config"] = Config })).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync("api/projects/1/import", Json("{\"data\": {\"image\": \"a.png\"}}"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync("api/projects/1/import", Json("[{\"image\": \"a.png\"}]"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync("api/projects/1/import", Json("[{\"data\": {\"picture\": \"a.png\"}}]"))).StatusCode);
        var imported = await http.PostAsync("api/projects/1/import", Json("[{\"data\": {\"image\": \"a.png\"}, \"predictions\": [{\"result\": []}]}]"));
        Assert.Equal((HttpStatusCode.Created, 1), (imported.StatusCode, (int)JsonNode.Parse(await imported.Content.ReadAsStringAsync())!["task_count"]!));

        Assert.Empty(JsonNode.Parse(await http.GetStringAsync("api/projects/1/export?exportType=JSON"))!.AsArray());
        Assert.Single(JsonNode.Parse(await http.GetStringAsync("api/projects/1/export?exportType=JSON&download_all_tasks=true"))!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(http, "api/webhooks/", new JsonObject { ["url"] = "not a url", ["project"] = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(http, "api/webhooks/", new JsonObject { ["url"] = "http://e/", ["actions"] = new JsonArray("NOPE") })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(http, "api/ml/", new JsonObject { ["url"] = "http://e/", ["project"] = 2 })).StatusCode);
        Assert.Empty(fake.Store.Webhooks());
        Assert.Empty(fake.Store.MlBackends());
    }

    private static HttpClient Client(LabelStudioContractFake fake, string? token)
    {
        var http = new HttpClient { BaseAddress = fake.Url };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", token);
        }

        return http;
    }

    private static Task<HttpResponseMessage> Post(HttpClient http, string path, JsonObject body) => http.PostAsync(path, Json(body.ToJsonString()));

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
