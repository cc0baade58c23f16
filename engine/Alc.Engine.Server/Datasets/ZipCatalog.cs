using System.Buffers;
using System.IO.Compression;
using System.Text;
using Alc.Engine.Server.Problems;

namespace Alc.Engine.Server.Datasets;

/// <summary>One zip entry that passed <see cref="ZipCatalog.Check"/>: its name without a trailing <c>/</c>, and whether it is a folder.</summary>
internal sealed record ZipItem(ZipArchiveEntry Entry, string Name, bool IsFolder);

/// <summary>
/// Judges a zip from its central directory alone, before anything is written: refuses too many entries, names that are
/// rooted, climb out with <c>..</c>, hold a backslash, colon, control or other character a file system may not store, or
/// parts longer than a file name may be; links; two entries with the same name (case-sensitive, a folder's trailing
/// <c>/</c> ignored) or a file that another entry uses as a folder; and a declared uncompressed total over the budget.
/// </summary>
internal static class ZipCatalog
{
    /// <summary>Most entries a zip may hold.</summary>
    public const int MaxEntries = 200_000;

    /// <summary>Longest entry name, in characters; well under the 4,096-byte path limit once under the scratch folder.</summary>
    public const int MaxNameLength = 1_024;

    /// <summary>Longest part of a name between slashes, in UTF-8 bytes (a file name's limit on common file systems).</summary>
    public const int MaxPartBytes = 255;

    private static readonly SearchValues<char> Refused = SearchValues.Create("\\:*?\"<>|");

    /// <summary>The entries of <paramref name="archive"/> in order, or a 422/413 problem naming the first bad entry.</summary>
    public static IReadOnlyList<ZipItem> Check(ZipArchive archive, long maxUncompressedBytes)
    {
        if (archive.Entries.Count > MaxEntries)
        {
            throw ApiProblemException.Unprocessable($"The zip has {archive.Entries.Count} entries, more than {MaxEntries}.");
        }

        var items = new List<ZipItem>(archive.Entries.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var kinds = new Dictionary<string, bool>(StringComparer.Ordinal); // every path an entry names or implies → is it a folder
        long total = 0;
        foreach (var entry in archive.Entries)
        {
            var item = Name(entry);
            if (!names.Add(item.Name))
            {
                throw ApiProblemException.Unprocessable($"Zip entry '{entry.FullName}' appears twice (or as both a file and a folder); nothing was imported.");
            }

            if (!item.IsFolder && kinds.ContainsKey(item.Name))
            {
                throw ApiProblemException.Unprocessable($"Zip entry '{entry.FullName}' is a file, but an earlier entry lies inside it as a folder; nothing was imported.");
            }

            kinds[item.Name] = item.IsFolder;
            for (int slash = item.Name.LastIndexOf('/'); slash > 0; slash = item.Name.LastIndexOf('/', slash - 1))
            {
                string parent = item.Name[..slash];
                if (kinds.TryGetValue(parent, out bool isFolder) && !isFolder)
                {
                    throw ApiProblemException.Unprocessable($"Zip entry '{entry.FullName}' lies inside '{parent}', which is a file; nothing was imported.");
                }

                kinds[parent] = true;
            }

            if (entry.Length < 0 || entry.Length > maxUncompressedBytes - total)
            {
                throw ApiProblemException.TooLarge(maxUncompressedBytes);
            }

            total += entry.Length;
            items.Add(item);
        }

        return items;
    }

    private static ZipItem Name(ZipArchiveEntry entry)
    {
        string name = entry.FullName;
        if (name.StartsWith('/') || name.Split('/').Any(part => part == ".."))
        {
            throw ApiProblemException.Unprocessable($"Zip entry '{Printable(name)}' points outside the archive; nothing was imported.");
        }

        // Unix mode bits live in the high 16 bits of the external attributes; 0xA000 marks a symbolic link.
        if (((entry.ExternalAttributes >> 16) & 0xF000) == 0xA000)
        {
            throw ApiProblemException.Unprocessable($"Zip entry '{Printable(name)}' is a symbolic link; links are not imported.");
        }

        bool folder = name.EndsWith('/');
        string trimmed = folder ? name[..^1] : name;
        if (trimmed.Length == 0 || trimmed.Length > MaxNameLength || trimmed.AsSpan().ContainsAny(Refused) || trimmed.Any(char.IsControl)
            || trimmed.Split('/').Any(part => part is "" or "." || Encoding.UTF8.GetByteCount(part) > MaxPartBytes))
        {
            throw ApiProblemException.Unprocessable(
                $"Zip entry '{Printable(name)}' has a name that cannot be extracted safely (empty or '.' parts, a backslash, colon, control character, or a part over {MaxPartBytes} bytes).");
        }

        return new ZipItem(entry, trimmed, folder);
    }

    /// <summary>The name with control characters shown as <c>\uXXXX</c>, so a problem's detail stays one clean line.</summary>
    private static string Printable(string name) =>
        string.Concat(name.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
