using System.Text.Json;
using System.Text.Json.Nodes;
using Alc.Integrations.LabelStudio.Config;

namespace Alc.Integrations.LabelStudio.Tasks;

/// <summary>
/// The <c>data</c> of a correction task: the image URL the editor shows, and the ids the engine finds the query by
/// when the task comes back in <c>/predict</c> or in a webhook (never the brush or keypoint, which the editor may re-encode).
/// </summary>
/// <param name="ImageUrl">URL of the query's image, as the annotator's browser will load it.</param>
/// <param name="QueryId">The engine's query id.</param>
/// <param name="Project">The engine's project id (a task of another project is refused).</param>
/// <param name="Round">The round the query belongs to.</param>
public sealed record TaskData(string ImageUrl, long QueryId, long Project, int Round)
{
    /// <summary>Data key of the query id.</summary>
    public const string QueryIdKey = "query_id";

    /// <summary>Data key of the engine's project id.</summary>
    public const string ProjectKey = "alc_project";

    /// <summary>Data key of the round number.</summary>
    public const string RoundKey = "round";

    /// <summary>The data object as Label Studio stores it.</summary>
    public JsonObject ToJson() => new()
    {
        [LabelingConfigNames.ImageDataKey] = ImageUrl,
        [QueryIdKey] = QueryId,
        [ProjectKey] = Project,
        [RoundKey] = Round,
    };

    /// <summary>Reads a task's <c>data</c> object (numbers may also come as digit strings, as Label Studio's CSV import gives them).</summary>
    /// <exception cref="LabelStudioFormatException">A key is missing or not an id; the message names it.</exception>
    public static TaskData Read(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new LabelStudioFormatException("task.data must be an object.");
        }

        string image = data.TryGetProperty(LabelingConfigNames.ImageDataKey, out var i) && i.ValueKind == JsonValueKind.String ? i.GetString()! : "";
        return new TaskData(image, Id(data, QueryIdKey), Id(data, ProjectKey),
            (int)Math.Min(int.MaxValue, data.TryGetProperty(RoundKey, out _) ? Id(data, RoundKey) : 0));
    }

    private static long Id(JsonElement data, string key)
    {
        if (!data.TryGetProperty(key, out var value))
        {
            throw new LabelStudioFormatException(
                $"task.data.{key} is missing: this task was not made by the engine (its tasks carry {QueryIdKey}, {ProjectKey} and {RoundKey}).");
        }

        long id = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out long n) => n,
            JsonValueKind.String when long.TryParse(value.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long n) => n,
            _ => -1,
        };
        return id >= 0 ? id : throw new LabelStudioFormatException($"task.data.{key} must be a non-negative integer id, got {value.GetRawText()}.");
    }
}
