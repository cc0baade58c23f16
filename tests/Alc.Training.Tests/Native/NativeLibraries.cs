using System.Reflection;
using System.Text.Json;

namespace Alc.Training.Tests.Native;

/// <summary>Where the test run's libLibTorchSharp.so copies are: the one the build put next to the tests, and the package's.</summary>
internal static class NativeLibraries
{
    public const string FileName = "libLibTorchSharp.so";
    public const string NeededFile = "libstdc++.so.6";
    public const string Version = "GLIBCXX_3.4.32";

    /// <summary>The copy next to the test assembly: runtimes/linux-x64/native/ in a portable build, the root with a RuntimeIdentifier.</summary>
    public static string BesideTests
    {
        get
        {
            string portable = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", FileName);
            string ridSpecific = Path.Combine(AppContext.BaseDirectory, FileName);
            return File.Exists(portable) ? portable : ridSpecific;
        }
    }

    /// <summary>The package's file in the NuGet cache, located through the test's deps.json and the build's NuGetPackageRoot.</summary>
    public static string InPackageCache
    {
        get
        {
            Assembly tests = typeof(NativeLibraries).Assembly;
            string root = tests.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value
                ?? throw new InvalidOperationException("The build recorded no NuGetPackageRoot.");
            string depsFile = Path.Combine(AppContext.BaseDirectory, tests.GetName().Name + ".deps.json");
            using JsonDocument deps = JsonDocument.Parse(File.ReadAllText(depsFile));
            JsonProperty torchSharp = deps.RootElement.GetProperty("libraries").EnumerateObject()
                .Single(library => library.Name.StartsWith("TorchSharp/", StringComparison.Ordinal));
            string packagePath = torchSharp.Value.GetProperty("path").GetString()
                ?? throw new InvalidOperationException("deps.json gives TorchSharp no path.");
            return Path.Combine(root, packagePath, "runtimes", "linux-x64", "native", FileName);
        }
    }
}
