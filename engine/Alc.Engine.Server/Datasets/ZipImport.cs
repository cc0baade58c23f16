using System.IO.Compression;
using Alc.Engine.Server.Problems;

namespace Alc.Engine.Server.Datasets;

/// <summary>
/// Unpacks an uploaded dataset zip into an empty scratch folder safely. <see cref="ZipCatalog.Check"/> first judges every
/// entry's name, kind and declared size from the central directory, so a refused zip writes nothing; the entries are then
/// streamed out under a running budget of bytes actually written, because headers can lie: a stored entry is read to its
/// compressed length whatever size it declares, and several entries may share the same data. On any refusal the scratch
/// folder is emptied again.
/// </summary>
internal static class ZipImport
{
    /// <summary>
    /// How many times the upload limit a zip may unpack to. Dataset files are mostly PNGs, already compressed, so an
    /// honest dataset zip grows far less than this; the factor only bounds what a zip bomb can put on disk.
    /// </summary>
    public const int UnpackedPerUploadedByte = 4;

    /// <summary>The most bytes a zip uploaded under <paramref name="maxUploadBytes"/> may unpack to.</summary>
    public static long UnpackedBudget(long maxUploadBytes) => maxUploadBytes * UnpackedPerUploadedByte;

    /// <summary>
    /// Extracts <paramref name="zip"/> into <paramref name="destination"/> (an empty or missing folder) and returns the
    /// dataset root (the folder holding classes.json). Refuses with 422 a bad entry or a zip without a dataset, and with
    /// 413 more than <paramref name="maxUncompressedBytes"/> unpacked (declared or actual); nothing is left behind then.
    /// </summary>
    public static string Extract(string zip, string destination, long maxUncompressedBytes)
    {
        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(destination)) + Path.DirectorySeparatorChar;
        Directory.CreateDirectory(root);
        if (Directory.EnumerateFileSystemEntries(root).Any())
        {
            throw new ArgumentException($"'{destination}' must be empty: a refused zip empties it again.", nameof(destination));
        }

        try
        {
            using (var archive = ZipFile.OpenRead(zip))
            {
                var items = ZipCatalog.Check(archive, maxUncompressedBytes);
                long budget = maxUncompressedBytes;
                foreach (var item in items)
                {
                    budget = Write(item, root, budget, maxUncompressedBytes);
                }
            }

            return DatasetRoot(root);
        }
        catch (InvalidDataException ex)
        {
            Empty(root);
            throw ApiProblemException.Unprocessable($"The upload is not a readable zip: {ex.Message}");
        }
        catch
        {
            Empty(root);
            throw;
        }
    }

    /// <summary>Writes one entry under <paramref name="root"/>; returns the budget left.</summary>
    private static long Write(ZipItem item, string root, long budget, long limit)
    {
        // ZipCatalog's name rules already keep every entry inside; this guards against a gap in them.
        string target = Path.GetFullPath(Path.Combine(root, item.Name));
        if (!target.StartsWith(root, StringComparison.Ordinal))
        {
            throw ApiProblemException.Unprocessable($"Zip entry '{item.Entry.FullName}' points outside the archive; nothing was imported.");
        }

        if (item.IsFolder)
        {
            Directory.CreateDirectory(target);
            return budget;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        FileStream file;
        try
        {
            file = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
        }
        catch (IOException) when (Path.Exists(target))
        {
            // The names differ (Check compares them exactly), but a case-insensitive file system takes them for one.
            throw ApiProblemException.Unprocessable($"Zip entry '{item.Entry.FullName}' clashes with another entry on this file system; nothing was imported.");
        }

        using (file)
        using (var source = item.Entry.Open())
        {
            byte[] buffer = new byte[81_920];
            for (int read; (read = source.Read(buffer)) > 0;)
            {
                budget -= read;
                if (budget < 0)
                {
                    throw ApiProblemException.TooLarge(limit);
                }

                file.Write(buffer, 0, read);
            }
        }

        return budget;
    }

    private static string DatasetRoot(string root)
    {
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

    /// <summary>Deletes whatever was extracted under <paramref name="root"/>, leaving the folder itself.</summary>
    private static void Empty(string root)
    {
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo folder)
            {
                folder.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }
    }
}
