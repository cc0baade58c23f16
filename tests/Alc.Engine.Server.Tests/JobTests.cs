using System.Net;
using Alc.Campaigns.Projects;
using Alc.Engine.Server.Contracts;

namespace Alc.Engine.Server.Tests;

/// <summary>Jobs: progress as server-sent events, cancellation that frees the round.</summary>
public sealed class JobTests : IDisposable
{
    private readonly Scratch _scratch = new();

    [Fact]
    public async Task Job_events_stream_progress_until_the_job_succeeds()
    {
        string world = _scratch.WriteWorld();
        await using var engine = new EngineFactory(_scratch.Data, new Dictionary<string, string?> { ["AllowedImportRoots"] = _scratch.Imports });
        var client = engine.CreateClient();
        var dataset = await client.ImportWorld("world", world);
        var project = await client.CreateProject(dataset.Id, "p");
        var started = await (await client.PostAsync($"/projects/{project.Id}/rounds", null)).Read<StartRoundResponse>(HttpStatusCode.Accepted);

        var response = await client.GetAsync($"/jobs/{started.Job.Id}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = new List<JobDto>();
        await foreach (var item in System.Net.ServerSentEvents.SseParser.Create(await response.Content.ReadAsStreamAsync(),
                           (type, data) => System.Text.Json.JsonSerializer.Deserialize<JobDto>(data, Api.Json)!).EnumerateAsync())
        {
            Assert.Equal("progress", item.EventType);
            events.Add(item.Data);
        }

        Assert.Equal(JobState.Succeeded, events[^1].State);
        Assert.Equal(1.0, events[^1].Progress);
        Assert.True(events.Select(e => e.Progress).SequenceEqual(events.Select(e => e.Progress).Order()), "progress never goes back");
        // Events sample the job every 250 ms, so a short stage may be missed; those seen come in pipeline order, each once.
        // A whole short job can fall between two samples on a loaded machine, so no stage need be seen. The runner claims a job
        // a moment before its first stage begins, so a running sample without a stage can only come before every staged one.
        var stages = events.Where(e => e.Stage is not null).Select(e => e.Stage!.Value).ToList();
        var running = events.Where(e => e.State == JobState.Running).ToList();
        Assert.All(running.SkipWhile(e => e.Stage is null), e => Assert.NotNull(e.Stage));
        Assert.True(stages.SequenceEqual(stages.Order()), $"stages in pipeline order: {string.Join(", ", stages)}");
        Assert.All(events, e => Assert.InRange(e.StageProgress, 0, 1));
        Assert.Null(events[^1].Stage);
        // The only job of the engine has none ahead while queued, and a started job reports no queue position.
        Assert.All(events, e => Assert.Equal(e.State == JobState.Queued ? 0 : null, e.JobsAhead));
        await (await client.GetAsync("/jobs/999/events")).Problem(404);
    }

    [Fact]
    public async Task Cancelling_a_running_job_removes_its_round_so_the_round_can_start_again()
    {
        string world = _scratch.WriteWorld();
        await using var engine = new EngineFactory(_scratch.Data, new Dictionary<string, string?> { ["AllowedImportRoots"] = _scratch.Imports });
        var client = engine.CreateClient();
        var dataset = await client.ImportWorld("world", world);
        var project = await (await client.Post("/projects", new CreateProjectRequest { Name = "slow", DatasetId = dataset.Id, Iterations = SettingBounds.MaxIterations, CropSize = 32 }))
            .Read<ProjectDto>(HttpStatusCode.Created);
        var started = await (await client.PostAsync($"/projects/{project.Id}/rounds", null)).Read<StartRoundResponse>(HttpStatusCode.Accepted);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await client.Get<JobDto>($"/jobs/{started.Job.Id}")).Progress <= 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "training never reported progress");
            await Task.Delay(100);
        }

        await (await client.PostAsync($"/jobs/{started.Job.Id}/cancel", null)).Read<JobDto>(HttpStatusCode.Accepted);
        var job = await client.WaitForJob(started.Job.Id, 60);
        Assert.Equal(JobState.Cancelled, job.State);
        Assert.Null(job.RoundId);
        Assert.Empty(await client.Get<List<RoundDto>>($"/projects/{project.Id}/rounds"));
        await (await client.PostAsync($"/jobs/{started.Job.Id}/cancel", null)).Problem(409);

        var again = await (await client.PostAsync($"/projects/{project.Id}/rounds", null)).Read<StartRoundResponse>(HttpStatusCode.Accepted);
        Assert.Equal(1, again.Round.Number);
        await (await client.PostAsync($"/jobs/{again.Job.Id}/cancel", null)).Read<JobDto>(HttpStatusCode.Accepted);
        Assert.Equal(JobState.Cancelled, (await client.WaitForJob(again.Job.Id, 60)).State);
    }

    [Fact]
    public async Task A_job_past_MaxJobSeconds_is_failed_so_the_next_project_s_round_runs_and_the_slow_round_can_start_again()
    {
        string world = _scratch.WriteWorld();
        await using var engine = new EngineFactory(_scratch.Data, new Dictionary<string, string?> { ["AllowedImportRoots"] = _scratch.Imports, ["MaxJobSeconds"] = "3" });
        var client = engine.CreateClient();
        var dataset = await client.ImportWorld("world", world);
        var slow = await (await client.Post("/projects", new CreateProjectRequest { Name = "slow", DatasetId = dataset.Id, Iterations = SettingBounds.MaxIterations, CropSize = 32 }))
            .Read<ProjectDto>(HttpStatusCode.Created);
        var quick = await client.CreateProject(dataset.Id, "quick");
        var hog = await (await client.PostAsync($"/projects/{slow.Id}/rounds", null)).Read<StartRoundResponse>(HttpStatusCode.Accepted);
        var waiting = await (await client.PostAsync($"/projects/{quick.Id}/rounds", null)).Read<StartRoundResponse>(HttpStatusCode.Accepted);
        Assert.Equal(1, waiting.Job.JobsAhead);
        var queued = await client.Get<JobDto>($"/jobs/{waiting.Job.Id}");
        Assert.Equal((JobState.Queued, 1), (queued.State, queued.JobsAhead));
        var blocked = await (await client.PostAsync($"/projects/{slow.Id}/rounds", null)).Problem(409);
        Assert.Contains($"POST /jobs/{hog.Job.Id}/cancel", blocked.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var stopped = await client.WaitForJob(hog.Job.Id, 60);
        Assert.Equal(JobState.Failed, stopped.State);
        Assert.Contains("MaxJobSeconds (3 s)", stopped.Error, StringComparison.Ordinal);
        Assert.Empty(await client.Get<List<RoundDto>>($"/projects/{slow.Id}/rounds"));
        Assert.Equal(JobState.Succeeded, (await client.WaitForJob(waiting.Job.Id, 60)).State);
        Assert.Equal(RoundState.Querying, (await client.Get<RoundDto>($"/projects/{quick.Id}/rounds/1")).State);
        Assert.Equal(1, (await (await client.PostAsync($"/projects/{slow.Id}/rounds", null)).Read<StartRoundResponse>(HttpStatusCode.Accepted)).Round.Number);
    }

    public void Dispose() => _scratch.Dispose();
}
