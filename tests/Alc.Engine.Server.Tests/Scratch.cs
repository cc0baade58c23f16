using Alc.Core.World;
using Alc.Imaging.Datasets;

namespace Alc.Engine.Server.Tests;

/// <summary>A scratch folder for one test (data directory, import root), deleted afterwards.</summary>
internal sealed class Scratch : IDisposable
{
    public Scratch() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "alc-server-tests", Guid.NewGuid().ToString("N"));

    public string Data => Path.Combine(Root, "data");

    public string Imports => Path.Combine(Root, "imports");

    /// <summary>The small world the tests correct: 8 train / 4 val images of 32 px, 4 classes, with ground truth.</summary>
    public static WorldOptions SmallWorld { get; } = new() { Seed = 3, Train = 8, Val = 4, Size = 32, Classes = 4, MinObjects = 2, MaxObjects = 4 };

    /// <summary>Writes a world under the import root; returns its folder.</summary>
    public string WriteWorld(string name = "world", WorldOptions? options = null)
    {
        string folder = Path.Combine(Imports, name);
        WorldFolder.Write(options ?? SmallWorld, folder);
        return folder;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A killed engine process may still be releasing files; the OS temp cleaner gets them.
        }
    }
}
