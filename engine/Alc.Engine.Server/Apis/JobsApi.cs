using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Jobs;
using Alc.Engine.Server.Problems;
using Alc.Storage;
using Alc.Storage.Jobs;
using Alc.Storage.Rounds;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alc.Engine.Server.Apis;

/// <summary>Jobs: get, cancel, and progress as server-sent events.</summary>
internal static class JobsApi
{
    public static void MapJobsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/jobs/{jobId:long}").WithTags("jobs").RequireAuthorization(Auth.ApiKeyDefaults.Admin);

        group.MapGet("", (long jobId, JobRepository jobs) => TypedResults.Ok(Dtos.Job(Find(jobs, jobId))))
            .WithName("GetJob").WithSummary("Gets a job with its state and progress.")
            .ProducesProblem(404);

        group.MapPost("/cancel", (long jobId, JobRepository jobs, RoundRepository rounds, JobCancellations cancellations) =>
            {
                var job = Find(jobs, jobId);
                if (job.IsFinished)
                {
                    throw ApiProblemException.Conflict($"Job {jobId} already {StoredText.Of(job.State)}.");
                }

                if (job.State == JobStatus.Queued && jobs.MarkCancelled(jobId))
                {
                    if (job.RoundId is long roundId)
                    {
                        rounds.Abandon(roundId);
                    }
                }
                else
                {
                    // A running job stops at its next step and the runner records the cancellation and removes the round;
                    // one the runner claimed after it was read as queued gets the request when it registers.
                    cancellations.Cancel(jobId);
                }

                return TypedResults.Accepted($"/jobs/{jobId}", Dtos.Job(jobs.Get(jobId)!));
            })
            .WithName("CancelJob").WithSummary("Cancels a queued or running job; its round is removed so it can be started again.")
            .ProducesProblem(404).ProducesProblem(409);

        group.MapGet("/events", (long jobId, JobRepository jobs, CancellationToken cancellationToken) =>
            {
                Find(jobs, jobId);
                return TypedResults.ServerSentEvents(Events(jobs, jobId, cancellationToken));
            })
            .WithName("GetJobEvents").WithSummary("Server-sent events: a 'progress' event with the job each time it changes, ending when it finishes.")
            .ProducesFile("text/event-stream").ProducesProblem(404);
    }

    private static async IAsyncEnumerable<SseItem<JobDto>> Events(JobRepository jobs, long jobId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        JobDto? last = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var job = jobs.Get(jobId);
            if (job is null)
            {
                yield break;
            }

            var dto = Dtos.Job(job);
            if (dto != last)
            {
                yield return new SseItem<JobDto>(dto, "progress") { EventId = $"{jobId}-{job.Progress:0.0000}-{job.Stage}-{job.StageProgress:0.0000}-{StoredText.Of(job.State)}" };
                last = dto;
            }

            if (job.IsFinished)
            {
                yield break;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }

    private static JobRow Find(JobRepository jobs, long jobId) => Resolve.Job(jobs, jobId);
}
