using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Tests.Cvat.Fake;
using Alc.Integrations.Cvat.Rest;
using Alc.Integrations.Cvat.Webhooks;
using Alc.Storage.Answers;
using Microsoft.Extensions.DependencyInjection;

namespace Alc.Engine.Server.Tests.Cvat;

/// <summary>
/// An engine with a querying round wired to the in-process CVAT contract fake: the engine calls the fake over real HTTP
/// with the token, and the fake delivers its signed webhooks into the engine's test server.
/// </summary>
internal sealed class CvatBridge : IAsyncDisposable
{
    public const string Token = "cvat-token-of-the-engine";
    public const string Secret = "cvat-webhook-secret";
    public const string EngineUrl = "http://engine.test";

    private readonly HttpClient _cvatHttp = new();

    private CvatBridge(QueryingProject engine, CvatContractFake cvat)
    {
        Engine = engine;
        Cvat = cvat;
        Rest = new CvatClient(_cvatHttp, cvat.BaseUrl, Token);
    }

    public QueryingProject Engine { get; }

    public CvatContractFake Cvat { get; }

    /// <summary>The library's REST client on the fake, to read what the engine made there.</summary>
    public CvatClient Rest { get; }

    public HttpClient Client => Engine.Client;

    public long ProjectId => Engine.Project.Id;

    public static async Task<CvatBridge> Start(int budget = 6, IReadOnlyDictionary<string, string?>? settings = null)
    {
        HttpClient? engine = null;
        var cvat = await CvatContractFake.StartAsync(Token, (request, cancellationToken) => engine!.SendAsync(request, cancellationToken));
        var all = new Dictionary<string, string?>
        {
            ["Cvat:Url"] = cvat.BaseUrl.AbsoluteUri,
            ["Cvat:Token"] = Token,
            ["Cvat:WebhookSecret"] = Secret,
            ["Cvat:PublicUrl"] = EngineUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var project = await QueryingProject.Start(budget, all);
        engine = project.Client;
        return new CvatBridge(project, cvat);
    }

    public async Task<CvatPushDto> Push(HttpStatusCode expected = HttpStatusCode.Created) =>
        await (await Client.PostAsync($"/integrations/cvat/projects/{ProjectId}/push", null)).Read<CvatPushDto>(expected);

    /// <summary>The annotator marks the job completed in CVAT; the fake's delivery's answer from the engine, read as a receipt.</summary>
    public async Task<CvatWebhookReceiptDto> Complete(long jobId, string username = "anna")
    {
        var delivery = Assert.Single(await Cvat.SetJobStateAsync(jobId, "completed", username));
        Assert.Equal(200, delivery.StatusCode);
        return JsonSerializer.Deserialize<CvatWebhookReceiptDto>(delivery.Response, Api.Json)!;
    }

    /// <summary>Delivers a body to the engine's webhook as CVAT would, signed with <paramref name="secret"/> (no header when null).</summary>
    public Task<HttpResponseMessage> Deliver(string body, string? secret = Secret, long? projectId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/integrations/cvat/projects/{projectId ?? ProjectId}/webhook")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add(CvatSignature.Header, CvatSignature.Compute(secret, Encoding.UTF8.GetBytes(body)));
        }

        return Client.SendAsync(request);
    }

    /// <summary>A job-update body shaped like CVAT's (Python's default separators).</summary>
    public static string JobUpdate(long jobId, long taskId, string state = "completed", string before = "in progress") =>
        "{\"event\": \"update:job\", \"job\": {\"url\": \"http://cvat/api/jobs/" + jobId + "\", \"id\": " + jobId + ", \"task_id\": " + taskId +
        ", \"project_id\": 1, \"stage\": \"annotation\", \"state\": \"" + state + "\", \"type\": \"annotation\", \"assignee\": null, " +
        "\"updated_date\": \"2026-12-03T10:15:30.123456Z\"}, \"before_update\": {\"state\": \"" + before + "\"}, \"webhook_id\": 1, " +
        "\"sender\": {\"url\": \"http://cvat/api/users/1\", \"id\": 1, \"username\": \"anna\", \"first_name\": \"\", \"last_name\": \"\"}}";


    public AnswerRepository Answers => Engine.Engine.Services.GetRequiredService<AnswerRepository>();

    /// <summary>The job's point shape on the frame of <paramref name="queryId"/>.</summary>
    public async Task<(int Frame, long ShapeId)> PointOf(long jobId, long queryId)
    {
        var frame = (await Rest.FramesAsync(jobId, CancellationToken.None)).Single(f => Alc.Integrations.Cvat.Tasks.QueryFrames.QueryOf(f.Name) == queryId);
        var annotations = await Rest.AnnotationsAsync(jobId, CancellationToken.None);
        var point = annotations.GetProperty("shapes").EnumerateArray().Single(s => s.GetProperty("frame").GetInt32() == frame.Number && s.GetProperty("type").GetString() == "points");
        return (frame.Number, point.GetProperty("id").GetInt64());
    }

    public async ValueTask DisposeAsync()
    {
        await Cvat.DisposeAsync();
        await Engine.DisposeAsync();
        _cvatHttp.Dispose();
    }
}
