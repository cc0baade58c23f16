namespace Alc.Imaging.Datasets;

/// <summary>Writes a file through a temporary name and a rename, so a reader never sees half a file.</summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> (creating its folder), flushed to disk before the rename.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        string temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Writes text lines (LF endings, UTF-8 without BOM).</summary>
    public static void WriteAllLines(string path, IEnumerable<string> lines) =>
        WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n"))));
}
