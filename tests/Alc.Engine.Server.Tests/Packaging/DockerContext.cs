using System.Text;
using System.Text.RegularExpressions;

namespace Alc.Engine.Server.Tests.Packaging;

/// <summary>
/// The docker build context of the repository: its files less those that <c>.dockerignore</c> excludes, matched the
/// way Docker matches them (relative to the context root; <c>*</c> and <c>?</c> within one path segment, <c>**</c>
/// across segments; a folder that matches takes its contents with it). <c>!</c> exceptions are refused rather than half
/// implemented. <see cref="Copy"/> lays out what <c>COPY</c> sees.
/// </summary>
internal sealed class DockerContext
{
    private readonly List<Regex> _excluded;

    private DockerContext(string root, List<Regex> excluded)
    {
        Root = root;
        _excluded = excluded;
    }

    /// <summary>The context folder (the repository root).</summary>
    public string Root { get; }

    /// <summary>The context at <paramref name="root"/> with its <c>.dockerignore</c>.</summary>
    public static DockerContext Open(string root)
    {
        var patterns = File.ReadAllLines(Path.Combine(root, ".dockerignore"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
        var exception = patterns.FirstOrDefault(p => p.StartsWith('!'));
        return exception is null
            ? new DockerContext(root, patterns.Select(Compile).ToList())
            : throw new InvalidOperationException($".dockerignore: '{exception}' is an exception, which this copier does not implement.");
    }

    /// <summary>Whether <paramref name="relativePath"/> (with <c>/</c>) or a folder above it is excluded.</summary>
    public bool IsExcluded(string relativePath)
    {
        string[] segments = relativePath.Split('/');
        for (int length = 1; length <= segments.Length; length++)
        {
            string prefix = string.Join('/', segments[..length]);
            if (_excluded.Any(r => r.IsMatch(prefix)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Copies the context's files from <paramref name="source"/> (a path in the context, <c>.</c> for all) to <paramref name="destination"/>, overwriting.</summary>
    public void Copy(string source, string destination)
    {
        string from = Path.GetFullPath(Path.Combine(Root, source));
        if (File.Exists(from))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(from, destination, overwrite: true);
            return;
        }

        var pending = new Stack<string>([from]);
        while (pending.Count > 0)
        {
            string folder = pending.Pop();
            foreach (string entry in Directory.EnumerateFileSystemEntries(folder))
            {
                string relative = Path.GetRelativePath(Root, entry).Replace('\\', '/');
                if (IsExcluded(relative))
                {
                    continue;
                }

                string target = Path.Combine(destination, Path.GetRelativePath(from, entry));
                if (Directory.Exists(entry))
                {
                    pending.Push(entry);
                }
                else
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(entry, target, overwrite: true);
                }
            }
        }
    }

    private static Regex Compile(string pattern)
    {
        string cleaned = pattern.Trim('/');
        var regex = new StringBuilder("^");
        for (int i = 0; i < cleaned.Length; i++)
        {
            char c = cleaned[i];
            if (c == '*' && i + 1 < cleaned.Length && cleaned[i + 1] == '*')
            {
                bool slash = i + 2 < cleaned.Length && cleaned[i + 2] == '/';
                regex.Append(slash ? "(.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                regex.Append(c switch { '*' => "[^/]*", '?' => "[^/]", _ => Regex.Escape(c.ToString()) });
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
