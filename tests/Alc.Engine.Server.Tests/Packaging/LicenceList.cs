using System.Text.Json;

namespace Alc.Engine.Server.Tests.Packaging;

/// <summary>
/// docs/licence.md against what ships: every NuGet package in a published <c>deps.json</c> (the engine's, the
/// <c>alc</c> tool's) must be named in it, so a new dependency cannot ship without its licence written down.
/// </summary>
internal static class LicenceList
{
    /// <summary>The package ids in <paramref name="depsJson"/> that docs/licence.md under <paramref name="repositoryRoot"/> does not name.</summary>
    public static IReadOnlyList<string> Unlisted(Stream depsJson, string repositoryRoot)
    {
        string licences = File.ReadAllText(Path.Combine(repositoryRoot, "docs", "licence.md"));
        using var deps = JsonDocument.Parse(depsJson);
        return deps.RootElement.GetProperty("libraries").EnumerateObject()
            .Where(l => l.Value.GetProperty("type").GetString() == "package")
            .Select(l => l.Name.Split('/')[0])
            .Where(id => !licences.Contains(id, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }
}
