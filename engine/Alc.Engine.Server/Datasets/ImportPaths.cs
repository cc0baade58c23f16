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

        // A NUL or other control character names no folder (and the file system APIs throw on NUL).
        if (requested.Any(char.IsControl))
        {
            throw ApiProblemException.BadRequest("path must not contain control characters.");
        }

        if (requested.Split('/', '\\').Any(segment => segment == ".."))
        {
            throw ApiProblemException.BadRequest("path must not contain '..' segments.");
        }

        string full = Path.GetFullPath(requested);
        if (!roots.Any(root => IsUnder(full, root)))
        {
            throw ApiProblemException.Forbidden($"'{requested}' is outside the allowed import roots.");
        }

        if (!Directory.Exists(full))
        {
            throw ApiProblemException.NotFound($"Folder '{requested}'");
        }

        // A symbolic link inside a root could point anywhere: its target must be inside a root too.
        string resolved = new DirectoryInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        if (!roots.Any(root => IsUnder(resolved, root)))
        {
            throw ApiProblemException.Forbidden($"'{requested}' leads outside the allowed import roots.");
        }

        return resolved;
    }

    private static bool IsUnder(string path, string root)
    {
        string r = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        return (Path.TrimEndingDirectorySeparator(path) + Path.DirectorySeparatorChar).StartsWith(r, StringComparison.Ordinal);
    }
}
