using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Alc.Cli.LabelStudio;

/// <summary>
/// What makes a Label Studio task one engine query: the engine project and query id in its <c>data</c>. Label Studio
/// gives its own task ids on import, so a task already there is recognised by these two values only.
/// </summary>
/// <param name="Project">The engine project (<c>data.alc_project</c>).</param>
/// <param name="Query">The engine query (<c>data.query_id</c>).</param>
internal readonly record struct TaskKey(long Project, long Query)
{
    /// <summary>Data key of the engine's project id.</summary>
    public const string ProjectKey = "alc_project";

    /// <summary>Data key of the query id.</summary>
    public const string QueryKey = "query_id";

    /// <summary>The key of a task (<c>{data: {alc_project, query_id, …}, …}</c>), or null for a task that carries no engine query.</summary>
    public static TaskKey? Of(JsonNode? task) =>
        task?["data"] is JsonObject data && Id(data[ProjectKey]) is long project && Id(data[QueryKey]) is long query ? new TaskKey(project, query) : null;

    // Numbers, or digit strings as Label Studio's CSV import stores them.
    private static long? Id(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.Number when value.TryGetValue(out long number) => number,
            JsonValueKind.String when long.TryParse(value.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out long parsed) => parsed,
            _ => null,
        }
        : null;
}
