using System.Runtime.InteropServices;

namespace Alc.Training.Tests;

/// <summary>A fact about TorchSharp's linux-x64 native library: skipped on other platforms.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            Skip = "Needs Linux x64 (TorchSharp's linux-x64 native library).";
        }
    }
}
