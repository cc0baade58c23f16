using System.Diagnostics;
using Alc.Build;
using TorchSharp;

namespace Alc.Training.Tests.Native;

/// <summary>
/// The Debian 12 fix as the build applied it (build/TorchSharpGlibcxxFix.targets): the libLibTorchSharp.so next to
/// the tests has its GLIBCXX_3.4.32 need marked weak, the package cache's file does not, and nothing else differs.
/// </summary>
public class LibTorchSharpPatchTests
{
    /// <summary>What the build's auto mode decides on this host: patch unless the host's libstdc++ already defines the version.</summary>
    private static bool PatchExpected => !WeakVersionNeedPatch.HostProvides(NativeLibraries.Version, WeakVersionNeedPatch.DefaultHostLibraries);

    [LinuxFact]
    public void The_copy_beside_the_tests_needs_GLIBCXX_3_4_32_weakly()
    {
        ElfVersionNeed? need = ElfImage.Read(NativeLibraries.BesideTests).FindVersionNeed(NativeLibraries.NeededFile, NativeLibraries.Version);

        Assert.NotNull(need);
        Assert.Equal(PatchExpected, need.IsWeak);
        Assert.Equal(PatchExpected ? ElfVersionNeed.WeakFlag : 0, need.Flags);
    }

    [LinuxFact]
    public void The_package_cache_file_is_left_as_shipped()
    {
        ElfVersionNeed? need = ElfImage.Read(NativeLibraries.InPackageCache).FindVersionNeed(NativeLibraries.NeededFile, NativeLibraries.Version);

        Assert.NotNull(need);
        Assert.Equal(0, need.Flags);
    }

    [LinuxFact]
    public void The_copy_differs_from_the_package_only_in_that_vna_flags()
    {
        byte[] original = File.ReadAllBytes(NativeLibraries.InPackageCache);
        byte[] beside = File.ReadAllBytes(NativeLibraries.BesideTests);
        ElfVersionNeed need = ElfImage.Parse(original).FindVersionNeed(NativeLibraries.NeededFile, NativeLibraries.Version)!;

        Assert.Equal(original.Length, beside.Length);
        long[] differing = Enumerable.Range(0, original.Length).Where(i => original[i] != beside[i]).Select(i => (long)i).ToArray();
        if (PatchExpected)
        {
            // vna_flags is little-endian: 0x0000 → 0x0002 changes its low byte only.
            Assert.Equal([need.FlagsOffset], differing);
            Assert.Equal(ElfVersionNeed.WeakFlag, beside[need.FlagsOffset]);
        }
        else
        {
            Assert.Empty(differing);
        }
    }

    [LinuxFact]
    public void Weakening_is_sound_because_no_relocation_uses_a_GLIBCXX_3_4_32_symbol()
    {
        // build/TorchSharpGlibcxxFix.md: the only symbol of that version is the <iostream> anchor; nothing relocates against it.
        ElfImage image = ElfImage.Read(NativeLibraries.InPackageCache);
        ElfVersionNeed need = image.FindVersionNeed(NativeLibraries.NeededFile, NativeLibraries.Version)!;

        Assert.Equal(["_ZSt21ios_base_library_initv"], image.SymbolsOfVersion(need.Index));
        Assert.Empty(image.RelocatedSymbolsOfVersion(need.Index));
    }

    [LinuxFact]
    public void The_running_process_loaded_the_copy_beside_the_tests()
    {
        using (torch.NewDisposeScope())
        {
            Assert.Equal(3f, torch.ones(3).sum().item<float>());
        }

        string[] loaded = File.ReadAllLines("/proc/self/maps")
            .Where(line => line.EndsWith("/" + NativeLibraries.FileName, StringComparison.Ordinal))
            .Select(line => line[line.IndexOf('/', StringComparison.Ordinal)..])
            .Distinct()
            .ToArray();

        Assert.Equal([Path.GetFullPath(NativeLibraries.BesideTests)], loaded);
    }

    [ReadelfFact]
    public void Readelf_reports_the_need_as_weak()
    {
        var start = new ProcessStartInfo(ReadelfFactAttribute.Path!, ["-V", "--wide", NativeLibraries.BesideTests])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using Process readelf = Process.Start(start)!;
        string output = readelf.StandardOutput.ReadToEnd();
        readelf.WaitForExit();

        Assert.Equal(0, readelf.ExitCode);
        string line = Assert.Single(output.Split('\n'), l => l.Contains("Name: " + NativeLibraries.Version + " ", StringComparison.Ordinal));
        Assert.Contains(PatchExpected ? "Flags: WEAK" : "Flags: none", line, StringComparison.Ordinal);
    }
}
