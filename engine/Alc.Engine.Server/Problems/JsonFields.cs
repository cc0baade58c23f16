using System.Text.Json;
using System.Text.RegularExpressions;

namespace Alc.Engine.Server.Problems;

/// <summary>
/// The problem's <c>errors</c> for a body the strict JSON reader refused, keyed by the field as a client names it
/// (<c>answers[0].queryId</c>; the missing fields themselves when required ones are absent).
/// </summary>
internal static partial class JsonFields
{
    private static readonly string[] IsRequired = ["is required"];

    public static IReadOnlyDictionary<string, string[]> Errors(JsonException exception)
    {
        string message = exception.Message;
        int cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        string reason = cut < 0 ? message : message[..cut];
        string path = exception.Path is { Length: > 0 } p ? p : "$";
        var missing = MissingRequired().Match(message);
        if (missing.Success)
        {
            string prefix = path == "$" ? "" : path[2..] + ".";
            return missing.Groups[1].Value.Split("', '").ToDictionary(f => prefix + f, _ => IsRequired);
        }

        return new Dictionary<string, string[]> { [path == "$" ? "body" : path[2..]] = [reason] };
    }

    [GeneratedRegex("missing required properties including: '(.+)'")]
    private static partial Regex MissingRequired();
}
