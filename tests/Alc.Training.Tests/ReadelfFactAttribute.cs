using System.Runtime.InteropServices;

namespace Alc.Training.Tests;

/// <summary>A fact checked with binutils' <c>readelf</c>: skipped off Linux x64 or where readelf is not on PATH.</summary>
public sealed class ReadelfFactAttribute : FactAttribute
{
    public ReadelfFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            Skip = "Needs Linux x64 (TorchSharp's linux-x64 native library).";
        }
        else if (Path is null)
        {
            Skip = "readelf (binutils) is not on PATH.";
        }
    }

    /// <summary>The readelf executable found on PATH, or null.</summary>
    public static string? Path =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => System.IO.Path.Combine(directory, "readelf"))
            .FirstOrDefault(File.Exists);
}
