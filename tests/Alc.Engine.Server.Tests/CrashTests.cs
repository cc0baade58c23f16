using System.Collections.Concurrent;
using System.Net;
using Alc.Engine.Server.Contracts;

namespace Alc.Engine.Server.Tests;

/// <summary>
/// The real <c>alc-engine serve</c> process is killed with SIGKILL during training and again during answer ingestion;
/// after each restart no acknowledged answer is lost and the campaign goes on to complete.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private readonly Scratch _scratch = new();

    [Fact]
    public async Task Sigkill_during_training_and_during_ingestion_loses_no_acknowledged_answer_and_the_campaign_completes()
    {
        string world = _scratch.WriteWorld();
        int port = EngineProcess.FreePort();
        var environment = new Dictionary<string, string> { ["ALC_ALLOWEDIMPORTROOTS"] = _scratch.Imports };
        long projectId, datasetId, jobId;
        using (var engine = await EngineProcess.Start(_scratch.Data, port, environment))
        {
            using var client = engine.Client();
            var dataset = await client.ImportWorld("world", world);
            datasetId = dataset.Id;
            var project = await (await client.Post("/projects", new CreateProjectRequest
            {
                // SIM: this test is about the answer log; the default's judges (9× the training) have their own test below.
                Name = "crash", DatasetId = dataset.Id, Acquisition = "sim", Budget = 40, Iterations = 400, CropSize = 32, BatchSize = 4,
            })).Read<ProjectDto>(HttpStatusCode.Created);
            projectId = project.Id;
            var started = await (await client.PostAsync($"/projects/{projectId}/rounds", null)).Read<StartRoundResponse>(HttpStatusCode.Accepted);
            jobId = started.Job.Id;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            JobDto job;
            while ((job = await client.Get<JobDto>($"/jobs/{jobId}")).Progress <= 0)
            {
                Assert.True(DateTime.UtcNow < deadline, $"training never reported progress:\n{engine.Log}");
                await Task.Delay(20);
            }

            Assert.Equal(JobState.Running, job.State);
            engine.Kill();
        }

        // Restart: the interrupted job is requeued and the round trains again from its persisted state.
        var acknowledged = new ConcurrentBag<(string Key, AnswerBatchRequest Body, AnswerBatchResponse Response)>();
        using (var engine = await EngineProcess.Start(_scratch.Data, port, environment))
        {
            using var client = engine.Client();
            var job = await client.WaitForJob(jobId, 300);
            Assert.True(job.State == JobState.Succeeded, $"{job.State} {job.Error}\n{engine.Log}");
            var round = await client.Get<RoundDto>($"/projects/{projectId}/rounds/1");
            Assert.Equal((RoundState.Querying, 40), (round.State, round.Queries));

            // Eight annotators answer one query per request; the engine dies under them.
            var truth = new GroundTruth(client, datasetId, 4);
            using var stop = new CancellationTokenSource();
            var annotators = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            {
                using var own = engine.Client();
                for (int n = 0; !stop.IsCancellationRequested; n++)
                {
                    try
                    {
                        var batch = await own.Lease(projectId, $"client-{i}", 1);
                        if (batch.Queries.Count == 0)
                        {
                            return;
                        }

                        var body = new AnswerBatchRequest { Annotator = $"client-{i}", Answers = [await truth.Answer(batch.Queries[0])] };
                        string key = $"client-{i}-{n}";
                        var response = await own.Answer(projectId, key, body);
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            acknowledged.Add((key, body, await response.Read<AnswerBatchResponse>()));
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                    {
                        return;
                    }
                }
            })).ToList();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (acknowledged.Count < 12 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(5);
            }

            engine.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(annotators);
            Assert.InRange(acknowledged.Count, 12, 39);
        }

        using (var engine = await EngineProcess.Start(_scratch.Data, port, environment))
        {
            using var client = engine.Client();
            foreach (var (key, body, response) in acknowledged)
            {
                Assert.True((await client.Get<QueryDto>($"/queries/{body.Answers[0].QueryId}")).Answered, $"acknowledged answer {key} was lost");
                // The idempotency record survived too: a retry returns the first result.
                Assert.Equal(response, await (await client.Answer(projectId, key, body)).Read<AnswerBatchResponse>());
            }

            var metrics = await client.Get<ProjectMetricsDto>($"/projects/{projectId}/metrics");
            Assert.True(metrics.Rounds[0].Clicks >= acknowledged.Count);

            // The campaign completes: every annotator finishes its leases and the rest, then a second round runs.
            var truth = new GroundTruth(client, datasetId, 4);
            for (int i = 0; i < 8; i++)
            {
                var batch = await client.Lease(projectId, $"client-{i}", 40);
                if (batch.Queries.Count == 0)
                {
                    continue;
                }

                var answers = new List<AnswerItem>();
                foreach (var q in batch.Queries)
                {
                    answers.Add(await truth.Answer(q));
                }

                await (await client.Answer(projectId, $"finish-{i}", new AnswerBatchRequest { Annotator = $"client-{i}", Answers = answers })).Read<AnswerBatchResponse>();
            }

            Assert.Equal(RoundState.Closed, (await client.Get<RoundDto>($"/projects/{projectId}/rounds/1")).State);
            var second = await client.RunRound(projectId);
            Assert.Equal(RoundState.Querying, second.State);
            var final = await client.Get<ProjectMetricsDto>($"/projects/{projectId}/metrics");
            Assert.Equal(40, final.Rounds[0].Clicks);
            Assert.NotNull(final.Rounds[0].DataMIoU);
        }
    }

    [Fact]
    public async Task Sigkill_while_the_default_strategys_judges_train_resumes_the_round_to_the_labels_of_an_uninterrupted_one()
    {
        string world = _scratch.WriteWorld();
        int port = EngineProcess.FreePort();
        var environment = new Dictionary<string, string> { ["ALC_ALLOWEDIMPORTROOTS"] = _scratch.Imports };
        CreateProjectRequest Project(string name, long datasetId) =>
            new() { Name = name, DatasetId = datasetId, Budget = 6, Iterations = 30, CropSize = 32, BatchSize = 4 };
        long datasetId, killedId, jobId;
        using (var engine = await EngineProcess.Start(_scratch.Data, port, environment))
        {
            using var client = engine.Client();
            datasetId = (await client.ImportWorld("world", world)).Id;
            killedId = (await (await client.Post("/projects", Project("killed", datasetId))).Read<ProjectDto>(HttpStatusCode.Created)).Id;
            jobId = (await (await client.PostAsync($"/projects/{killedId}/rounds", null)).Read<StartRoundResponse>(HttpStatusCode.Accepted)).Job.Id;
            var deadline = DateTime.UtcNow.AddSeconds(120);
            JobDto job;
            while (!((job = await client.Get<JobDto>($"/jobs/{jobId}")).Message ?? "").Contains("training judge", StringComparison.Ordinal))
            {
                Assert.True(DateTime.UtcNow < deadline && job.State is JobState.Queued or JobState.Running, $"the judges never trained: {job.State} {job.Message}\n{engine.Log}");
                await Task.Delay(10);
            }

            engine.Kill();
        }

        using (var engine = await EngineProcess.Start(_scratch.Data, port, environment))
        {
            using var client = engine.Client();
            var job = await client.WaitForJob(jobId, 300);
            Assert.True(job.State == JobState.Succeeded, $"{job.State} {job.Error}\n{engine.Log}");
            var automated = (await client.Get<ProjectMetricsDto>($"/projects/{killedId}/metrics")).Rounds.Single().AutomatedCorrection;
            Assert.NotNull(automated);

            // The same project never interrupted: the resumed round scored from its checkpoint to the same labels and queries.
            long calmId = (await (await client.Post("/projects", Project("calm", datasetId))).Read<ProjectDto>(HttpStatusCode.Created)).Id;
            Assert.Equal(RoundState.Querying, (await client.RunRound(calmId)).State);
            Assert.Equal(automated, (await client.Get<ProjectMetricsDto>($"/projects/{calmId}/metrics")).Rounds.Single().AutomatedCorrection);
            Assert.Equal(await client.GetByteArrayAsync($"/projects/{calmId}/export?format=coco"),
                await client.GetByteArrayAsync($"/projects/{killedId}/export?format=coco"));
            var killed = (await client.Lease(killedId, "a", 100)).Queries;
            var calm = (await client.Lease(calmId, "a", 100)).Queries;
            Assert.Equal(calm.Select(q => (q.Kind, q.ImageId, q.X, q.Y, q.Score)), killed.Select(q => (q.Kind, q.ImageId, q.X, q.Y, q.Score)));
        }
    }

    public void Dispose() => _scratch.Dispose();
}
