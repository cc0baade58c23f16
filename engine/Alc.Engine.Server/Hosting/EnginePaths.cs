namespace Alc.Engine.Server.Hosting;

/// <summary>The files under the data directory: <c>alc.db</c>, <c>blobs/</c> and <c>tmp/</c> (scratch, emptied at start).</summary>
public sealed class EnginePaths
{
    /// <summary>Paths under <paramref name="dataDirectory"/> (created when missing).</summary>
    public EnginePaths(string dataDirectory)
    {
        Root = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(Temporary);
    }

    /// <summary>The data directory.</summary>
    public string Root { get; }

    /// <summary>The SQLite database.</summary>
    public string Database => Path.Combine(Root, "alc.db");

    /// <summary>The blob store.</summary>
    public string Blobs => Path.Combine(Root, "blobs");

    /// <summary>Scratch space for uploads, extraction and exports.</summary>
    public string Temporary => Path.Combine(Root, "tmp");

    /// <summary>A fresh path in the scratch space.</summary>
    public string TemporaryFile(string extension) => Path.Combine(Temporary, $"{Guid.NewGuid():N}{extension}");

    /// <summary>A fresh, created folder in the scratch space.</summary>
    public string TemporaryFolder()
    {
        string path = Path.Combine(Temporary, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Removes scratch left by a previous process.</summary>
    public void ClearTemporary()
    {
        foreach (var entry in new DirectoryInfo(Temporary).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo directory)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }
    }
}
