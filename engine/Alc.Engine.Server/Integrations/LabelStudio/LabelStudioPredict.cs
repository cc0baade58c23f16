using System.Text.Json;
using System.Text.Json.Nodes;
using Alc.Campaigns.Projects;
using Alc.Engine.Server.Apis;
using Alc.Engine.Server.Hosting;
using Alc.Engine.Server.Problems;
using Alc.Integrations.LabelStudio;
using Alc.Integrations.LabelStudio.Tasks;
using Alc.Storage;
using Alc.Storage.Projects;
using Alc.Storage.Queries;
using Alc.Storage.Rounds;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Alc.Engine.Server.Integrations.LabelStudio;

/// <summary>
/// Label Studio's <c>/predict</c>: <c>{"tasks": [{id, data}, …], …}</c> in, <c>{"results": [{result, score, model_version}, …]}</c>
/// out, one per task in order. Label Studio sends every task of its project, so a task that is not one of this project's
/// queries (no query id, another project's, unknown) gets an empty result instead of failing the whole batch.
/// </summary>
internal static class LabelStudioPredict
{
    /// <summary>Most tasks one call may carry (Label Studio sends them in small batches).</summary>
    public const int MaxTasks = 1000;

    public static async Task<JsonHttpResult<JsonObject>> PredictAsync(HttpContext context, long projectId, ProjectRepository projects, RoundRepository rounds, QueryRepository queries,
        CampaignStates states, BlobStore blobs, IOptions<EngineOptions> options, CancellationToken cancellationToken)
    {
        LabelStudioGate.Check(context, options.Value);
        var project = Resolve.Project(projects, projectId);
        var body = await LabelStudioApi.ReadBodyAsync(context.Request, cancellationToken);
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("tasks", out var tasks) || tasks.ValueKind != JsonValueKind.Array)
        {
            throw ApiProblemException.BadRequest("The predict body must be an object with \"tasks\": an array of Label Studio tasks.");
        }

        if (tasks.GetArrayLength() > MaxTasks)
        {
            throw ApiProblemException.BadRequest($"At most {MaxTasks} tasks per call (got {tasks.GetArrayLength()}).");
        }

        var ids = tasks.EnumerateArray().Select(t => QueryIdOf(t, project.Id)).ToList();
        var found = queries.Get([.. ids.OfType<long>().Distinct()]).Where(q => q.ProjectId == project.Id).ToDictionary(q => q.Id);
        var state = states.Get(project.Id);
        string version = LabelStudioTasks.ModelVersion(project.Id, rounds.Latest(project.Id));
        var results = new JsonArray();
        foreach (long? id in ids)
        {
            results.Add(id is { } q && found.TryGetValue(q, out var query)
                ? LabelStudioTasks.Prediction(query, state, blobs, version).ToJson()
                : new JsonObject { ["result"] = new JsonArray(), ["score"] = 0, ["model_version"] = version });
        }

        return TypedResults.Json(new JsonObject { ["results"] = results, ["model_version"] = version });
    }

    // The task's query id when the task is one of this project's, else null.
    private static long? QueryIdOf(JsonElement task, long projectId)
    {
        if (task.ValueKind != JsonValueKind.Object || !task.TryGetProperty("data", out var data))
        {
            return null;
        }

        try
        {
            var read = TaskData.Read(data);
            return read.Project == projectId ? read.QueryId : null;
        }
        catch (LabelStudioFormatException)
        {
            return null;
        }
    }
}
