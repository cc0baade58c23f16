using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Hosting;

namespace Alc.Engine.Server.Tests;

/// <summary>HTTP helpers speaking the engine's JSON, and the steps every campaign test takes.</summary>
internal static class Api
{
    public static JsonSerializerOptions Json { get; } = Create();

    public static async Task<T> Read<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    public static Task<HttpResponseMessage> Post<T>(this HttpClient client, string path, T body) => client.PostAsJsonAsync(path, body, Json);

    public static async Task<T> Get<T>(this HttpClient client, string path) => await (await client.GetAsync(path)).Read<T>();

    /// <summary>Leases up to <paramref name="count"/> queries of the project to <paramref name="annotator"/> (POST /projects/{id}/leases).</summary>
    public static async Task<QueryBatchDto> Lease(this HttpClient client, long projectId, string annotator, int count = 10) =>
        await (await client.Post($"/projects/{projectId}/leases", new LeaseRequest { Annotator = annotator, Count = count })).Read<QueryBatchDto>();

    /// <summary>Asserts a problem+json answer with <paramref name="status"/>; returns its document.</summary>
    public static async Task<JsonElement> Problem(this HttpResponseMessage response, int status)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var document = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, document.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(document.GetProperty("title").GetString()));
        return document;
    }

    public static async Task<DatasetDto> ImportWorld(this HttpClient client, string name, string folder) =>
        await (await client.Post("/datasets/import", new ImportDatasetRequest { Name = name, Path = folder })).Read<DatasetDto>(HttpStatusCode.Created);

    public static async Task<ProjectDto> CreateProject(this HttpClient client, long datasetId, string name, OracleKind oracle = OracleKind.None, int budget = 6) =>
        await (await client.Post("/projects", new CreateProjectRequest
        {
            Name = name,
            DatasetId = datasetId,
            Budget = budget,
            Iterations = 4,
            CropSize = 32,
            BatchSize = 4,
            Oracle = oracle,
        })).Read<ProjectDto>(HttpStatusCode.Created);

    /// <summary>Starts the next round and waits for its job; returns the round after the job.</summary>
    public static async Task<RoundDto> RunRound(this HttpClient client, long projectId)
    {
        var started = await (await client.PostAsync($"/projects/{projectId}/rounds", null)).Read<StartRoundResponse>(HttpStatusCode.Accepted);
        Assert.Equal(RoundState.Training, started.Round.State);
        var job = await client.WaitForJob(started.Job.Id);
        Assert.True(job.State == JobState.Succeeded, $"job {job.Id} {job.State}: {job.Error}");
        return await client.Get<RoundDto>($"/projects/{projectId}/rounds/{started.Round.Number}");
    }

    public static async Task<JobDto> WaitForJob(this HttpClient client, long jobId, int seconds = 180)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var job = await client.Get<JobDto>($"/jobs/{jobId}");
            if (job.State is JobState.Succeeded or JobState.Failed or JobState.Cancelled)
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, $"job {jobId} did not finish in {seconds} s (state {job.State}, {job.Message})");
            await Task.Delay(100);
        }
    }

    public static async Task<HttpResponseMessage> Answer(this HttpClient client, long projectId, string? key, AnswerBatchRequest request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, $"/projects/{projectId}/answers") { Content = JsonContent.Create(request, options: Json) };
        if (key is not null)
        {
            message.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(message);
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        EngineHost.ConfigureJson(options);
        return options;
    }
}
