namespace Alc.Client.Tests;

/// <summary>Paths in the repository checkout the tests run from.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    public static string OpenApi => Path.Combine(Root, "openapi", "alc.v1.json");

    public static string Generated => Path.Combine(Root, "clients", "Alc.Client", "Generated");

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Alc.Engine.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("Alc.Engine.sln not found above the test binaries.");
    }
}
