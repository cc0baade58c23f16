using Alc.Engine.Server.Problems;

namespace Alc.Engine.Server.Datasets;

/// <summary>
/// Decides whether a server path may be imported: it must name a folder (or, for a COCO JSON, a file) under one of the
/// configured roots, with no <c>..</c> segment and no link, at any level of the path, leading out.
/// </summary>
internal static class ImportPaths
{
    /// <summary>The folder <paramref name="requested"/> names, with every link resolved, once it passes every check.</summary>
    /// <param name="requested">The path as the client sent it.</param>
    /// <param name="roots">The allowed import roots.</param>
    /// <param name="field">The request field the path came from, named in the errors.</param>
    /// <param name="file">Whether the path names a file rather than a folder.</param>
    public static string Resolve(string requested, IReadOnlyList<string> roots, string field = "path", bool file = false)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            throw ApiProblemException.BadRequest($"{field} is required.");
        }

        if (roots.Count == 0)
        {
            throw ApiProblemException.Forbidden("Importing from a server path is off: set AllowedImportRoots (ALC_ALLOWEDIMPORTROOTS), or upload a zip.");
        }

        // A NUL or other control character is never part of a real path (and the file APIs throw on NUL).
        if (requested.Any(char.IsControl))
        {
            throw ApiProblemException.BadRequest($"{field} must not contain control characters.");
        }

        if (requested.Split('/', '\\').Any(segment => segment == ".."))
        {
            throw ApiProblemException.BadRequest($"{field} must not contain '..' segments.");
        }

        string full = Path.GetFullPath(requested);
        if (!roots.Any(root => IsUnder(full, root)))
        {
            throw ApiProblemException.Forbidden($"'{requested}' is outside the allowed import roots.");
        }

        if (file ? !File.Exists(full) : !Directory.Exists(full))
        {
            throw ApiProblemException.NotFound($"{(file ? "File" : "Folder")} '{requested}'");
        }

        // A symbolic link inside a root could point anywhere: the path with every link resolved must be inside a root too.
        string resolved = RealPath(full);
        if (!roots.Any(root => IsUnder(resolved, root)))
        {
            throw ApiProblemException.Forbidden($"'{requested}' leads outside the allowed import roots.");
        }

        return resolved;
    }

    // Resolves links component by component (a link may sit anywhere along the path, not only at its end).
    private static string RealPath(string full)
    {
        string current = Path.GetPathRoot(full)!;
        foreach (string part in full[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            string next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            current = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? next;
        }

        return current;
    }

    private static bool IsUnder(string path, string root)
    {
        string r = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        return (Path.TrimEndingDirectorySeparator(path) + Path.DirectorySeparatorChar).StartsWith(r, StringComparison.Ordinal);
    }
}
