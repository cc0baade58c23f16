using System.Text.Json.Nodes;
using Alc.Campaigns.Projects;
using Alc.Engine.Server.Apis;
using Alc.Engine.Server.Hosting;
using Alc.Integrations.LabelStudio.Predictions;
using Alc.Integrations.LabelStudio.Tasks;
using Alc.Storage;
using Alc.Storage.Queries;
using Alc.Storage.Rounds;
using Microsoft.AspNetCore.Http;

namespace Alc.Engine.Server.Integrations.LabelStudio;

/// <summary>
/// Correction queries as Label Studio tasks and predictions: the task's data names the query and its image URL; the
/// prediction marks the queried pixel with its shown label and paints what the answer covers.
/// </summary>
internal static class LabelStudioTasks
{
    /// <summary>The route every image URL of a task points to (under the project's Label Studio prefix).</summary>
    public const string ImagesPath = "images";

    /// <summary>
    /// The model version of the project's current round, <c>alc-p{project}-r{round}</c>: Label Studio skips tasks that
    /// already have a prediction of the current version, so it changes with every round.
    /// </summary>
    public static string ModelVersion(long projectId, RoundRow? round) => $"alc-p{projectId}-r{round?.Number ?? 0}";

    /// <summary>The query's prediction.</summary>
    public static QueryPrediction Prediction(QueryRow query, CampaignState state, BlobStore blobs, string modelVersion)
    {
        var image = state.ById[query.ImageId];
        var covers = QueryCoverage.Mask(query, state, blobs);
        string shown = query.ShownLabel < state.Classes.Count ? state.Classes[query.ShownLabel].Name : "ignore";
        return new QueryPrediction(image.Width, image.Height, query.Pixel, shown, covers, query.Score, modelVersion);
    }

    /// <summary>The query as an importable task: <c>{data, predictions}</c>.</summary>
    public static JsonObject Task(QueryRow query, CampaignState state, BlobStore blobs, string baseUrl, LabelStudioOptions options, string modelVersion) => new()
    {
        ["data"] = Data(query, baseUrl, options).ToJson(),
        ["predictions"] = new JsonArray(Prediction(query, state, blobs, modelVersion).ToJson()),
    };

    /// <summary>The task data of a query, with its (signed, when secured) image URL.</summary>
    public static TaskData Data(QueryRow query, string baseUrl, LabelStudioOptions options) =>
        new(ImageUrl(query.ProjectId, query.ImageId, baseUrl, options), query.Id, query.ProjectId, query.RoundNumber);

    /// <summary>The URL of a project's image as a browser loads it: signed with a token when the integration is secured.</summary>
    public static string ImageUrl(long projectId, long imageId, string baseUrl, LabelStudioOptions options)
    {
        string url = $"{baseUrl}{LabelStudioApi.PrefixOf(projectId)}/{ImagesPath}/{imageId}";
        string token = ImageTokens.For(options, projectId, imageId);
        return token.Length == 0 ? url : $"{url}?{ImageTokens.Parameter}={token}";
    }

    /// <summary>The engine's URL as browsers reach it: <see cref="LabelStudioOptions.PublicUrl"/>, else the request's scheme, host and base path.</summary>
    public static string BaseUrl(HttpRequest request, LabelStudioOptions options) =>
        options.PublicUrl.Length > 0 ? options.PublicUrl.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}";
}
