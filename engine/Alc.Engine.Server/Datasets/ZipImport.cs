using System.IO.Compression;
using Alc.Engine.Server.Problems;

namespace Alc.Engine.Server.Datasets;

/// <summary>
/// Unpacks an uploaded dataset zip into a scratch folder safely: entries that would land outside it (absolute
/// paths, <c>..</c>), links, more than <see cref="MaxEntries"/> entries or more than the size limit uncompressed are refused.
/// </summary>
internal static class ZipImport
{
    public const int MaxEntries = 200_000;

    /// <summary>Extracts <paramref name="zip"/> into <paramref name="destination"/>; returns the dataset root (the folder holding classes.json).</summary>
    public static string Extract(string zip, string destination, long maxUncompressedBytes)
    {
        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(destination)) + Path.DirectorySeparatorChar;
        try
        {
            using var archive = ZipFile.OpenRead(zip);
            if (archive.Entries.Count > MaxEntries)
            {
                throw ApiProblemException.Unprocessable($"The zip has {archive.Entries.Count} entries, more than {MaxEntries}.");
            }

            long total = 0;
            foreach (var entry in archive.Entries)
            {
                string target = Path.GetFullPath(Path.Combine(root, entry.FullName));
                if (!target.StartsWith(root, StringComparison.Ordinal) || Path.IsPathRooted(entry.FullName))
                {
                    throw ApiProblemException.Unprocessable($"Zip entry '{entry.FullName}' points outside the archive; nothing was imported.");
                }

                // Unix mode bits live in the high 16 bits of the external attributes; 0xA000 marks a symbolic link.
                if (((entry.ExternalAttributes >> 16) & 0xF000) == 0xA000)
                {
                    throw ApiProblemException.Unprocessable($"Zip entry '{entry.FullName}' is a symbolic link; links are not imported.");
                }

                total += entry.Length;
                if (total > maxUncompressedBytes)
                {
                    throw ApiProblemException.TooLarge(maxUncompressedBytes);
                }

                if (entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\'))
                {
                    Directory.CreateDirectory(target);
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                entry.ExtractToFile(target, overwrite: false);
            }
        }
        catch (InvalidDataException ex)
        {
            throw ApiProblemException.Unprocessable($"The upload is not a readable zip: {ex.Message}");
        }

        if (File.Exists(Path.Combine(root, "classes.json")))
        {
            return root;
        }

        var folders = Directory.GetDirectories(root);
        if (folders.Length == 1 && File.Exists(Path.Combine(folders[0], "classes.json")))
        {
            return folders[0];
        }

        throw ApiProblemException.Unprocessable("The zip holds no dataset: classes.json is neither at its top nor in its only folder.");
    }
}
