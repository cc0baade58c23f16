using Alc.Engine.Server.Problems;

namespace Alc.Engine.Server.Datasets;

/// <summary>Decides whether a server path may be imported: it must name a folder under one of the configured roots, with no <c>..</c> segment and no link leading out.</summary>
internal static class ImportPaths
{
    public static string Resolve(string requested, IReadOnlyList<string> roots)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            throw ApiProblemException.BadRequest("path is required.");
        }

        if (roots.Count == 0)
        {
            throw ApiProblemException.Forbidden("Importing from a server path is off: set AllowedImportRoots (ALC_ALLOWEDIMPORTROOTS), or upload a zip.");
        }

        if (requested.Split('/', '\\').Any(segment => segment == ".."))
        {
            throw ApiProblemException.BadRequest("path must not contain '..' segments.");
        }

        string full = Path.GetFullPath(requested);
        // A symbolic link inside a root could point anywhere: compare the resolved target.
        string resolved = new DirectoryInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        bool inside = roots.Any(root => IsUnder(resolved, root) && IsUnder(full, root));
        if (!inside)
        {
            throw ApiProblemException.Forbidden($"'{requested}' is outside the allowed import roots.");
        }

        if (!Directory.Exists(resolved))
        {
            throw ApiProblemException.NotFound($"Folder '{requested}'");
        }

        return resolved;
    }

    private static bool IsUnder(string path, string root)
    {
        string r = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        return (Path.TrimEndingDirectorySeparator(path) + Path.DirectorySeparatorChar).StartsWith(r, StringComparison.Ordinal);
    }
}
