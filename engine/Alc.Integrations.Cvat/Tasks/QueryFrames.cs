using System.Globalization;
using System.Text.RegularExpressions;

namespace Alc.Integrations.Cvat.Tasks;

/// <summary>
/// One frame per query, named after it (<c>query-0000000042.png</c>): the frame, not a shape attribute, says which query
/// a point answers, because CVAT's annotation view resets an object's attributes when its label changes — which is
/// exactly what a correction does. Zero-padded ids keep CVAT's name order the query order.
/// </summary>
public static partial class QueryFrames
{
    /// <summary>The frame file name of a query, with the image's extension (<c>.png</c> or <c>.jpg</c>).</summary>
    public static string Name(long queryId, string extension) => $"query-{queryId.ToString("D10", CultureInfo.InvariantCulture)}{extension}";

    /// <summary>The query a frame name belongs to, or null when the frame is not a correction frame.</summary>
    public static long? QueryOf(string frameName)
    {
        var match = FramePattern().Match(frameName ?? "");
        return match.Success && long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long id) ? id : null;
    }

    /// <summary>The task name of a project's round, which is how an incoming job is traced back to the engine.</summary>
    public static string TaskName(long projectId, int round) => $"alc-engine project {projectId} round {round}";

    /// <summary>The CVAT project name of an engine project.</summary>
    public static string ProjectName(long projectId) => $"alc-engine project {projectId}";

    /// <summary>The engine project and round of a task name, or null for any other task.</summary>
    public static (long Project, int Round)? RoundOf(string taskName)
    {
        var match = TaskPattern().Match(taskName ?? "");
        return match.Success && long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long project)
            && int.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int round)
            ? (project, round)
            : null;
    }

    [GeneratedRegex(@"^query-(\d{1,18})\.(?:png|jpg)$")]
    private static partial Regex FramePattern();

    [GeneratedRegex(@"^alc-engine project (\d{1,18}) round (\d{1,9})$")]
    private static partial Regex TaskPattern();
}
